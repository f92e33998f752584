import { LockOutlined, StopOutlined, UnlockOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { SUPERVISION_LIMITS } from '@nennep/core/supervision/limits';
import { Alert, Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { useMeetingTitle } from '../../components/meeting-tags';
import { MemberSelect } from '../../components/member-select';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { useMeetings } from '../meetings/api';
import { type PlanDto, supervisionCommands, supervisionKeys, useVisitors, type VisitDto } from './api';
import { whenText } from './visit-tags';

/** The committee's visitors as Select options, each with the load it carries in this plan. */
function useVisitorOptions(committee: string, plan?: PlanDto) {
  const { t } = useTranslation();
  const visitors = useVisitors(committee);
  const load = new Map((plan?.load ?? []).map((l) => [l.accountId, l.visits]));
  return {
    loading: visitors.isPending,
    options: (visitors.data?.items ?? []).map((v) => ({
      value: v.accountId,
      label: `${v.displayName} — ${t(`role.${v.role === 'committee_member' ? 'committee_member' : 'visitor'}`)}${
        load.has(v.accountId) ? ` (${t('supervision.plan.loadValue', { count: load.get(v.accountId) })})` : ''
      }`,
    })),
  };
}

/** The visitor to send, searchable by name without accents, with each one's load in the plan. */
function VisitorField({ committee, plan }: { committee: string; plan?: PlanDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const { options, loading } = useVisitorOptions(committee, plan);
  return (
    <Form.Item
      name="visitorAccountId"
      label={t('supervision.plan.visitor')}
      rules={[rules.requiredSelect(t('supervision.plan.visitor'))]}
    >
      <MemberSelect<number> size="large" options={options} loading={loading} />
    </Form.Item>
  );
}

function ChangeVisitorModal({
  visit,
  plan,
  onClose,
}: {
  visit: VisitDto;
  plan?: PlanDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ visitorAccountId: number }>();
  const change = useAction({
    mutationFn: (v: { visitorAccountId: number }) => supervisionCommands.editVisit(visit.id, v),
    form,
    success: t('supervision.plan.changed'),
    invalidate: [supervisionKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<{ visitorAccountId: number }>
      title={`${t('supervision.plan.changeVisitor')}: ${visit.cellName}`}
      form={form}
      initialValues={{ visitorAccountId: visit.visitorAccountId }}
      onSubmit={(v) => change.mutate(v)}
      onClose={onClose}
      loading={change.isPending}
      testId="visit-change-form"
    >
      <p className="nn-muted">{whenText(visit)}</p>
      <VisitorField committee={visit.committeeCode} plan={plan} />
    </FormModal>
  );
}

function CancelVisitModal({ visit, onClose }: { visit: VisitDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ cancelReason: string }>();
  const cancel = useAction({
    mutationFn: (v: { cancelReason: string }) =>
      supervisionCommands.editVisit(visit.id, { cancelReason: v.cancelReason.trim() }),
    form,
    success: t('supervision.plan.cancelled'),
    invalidate: [supervisionKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<{ cancelReason: string }>
      title={`${t('supervision.plan.cancel')}: ${visit.cellName}`}
      form={form}
      onSubmit={(v) => cancel.mutate(v)}
      onClose={onClose}
      loading={cancel.isPending}
      okText={t('supervision.plan.cancel')}
      danger
      testId="visit-cancel-form"
    >
      <Form.Item
        name="cancelReason"
        label={t('supervision.plan.cancelReason')}
        rules={[rules.required(t('supervision.plan.cancelReason'))]}
      >
        <Input.TextArea rows={3} maxLength={SUPERVISION_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}

/** Per-visit buttons of the plan: another visitor, lock or unlock, cancel with a reason. */
export function VisitActions({
  visit,
  plan,
  compact = false,
}: {
  visit: VisitDto;
  plan?: PlanDto;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'change' | 'cancel' | null>(null);
  const lock = useAction({
    mutationFn: (locked: boolean) => supervisionCommands.editVisit(visit.id, { locked }),
    invalidate: [supervisionKeys.all],
  });
  if (!visit.abilities.edit) return null;
  const size = compact ? 'small' : 'middle';
  return (
    <Flex wrap gap={compact ? 4 : 6}>
      <Button
        size={size}
        icon={<UserSwitchOutlined />}
        onClick={() => setOpen('change')}
        data-testid="visit-change"
      >
        {t('supervision.plan.changeVisitor')}
      </Button>
      <Button
        size={size}
        icon={visit.locked ? <UnlockOutlined /> : <LockOutlined />}
        loading={lock.isPending}
        onClick={() => lock.mutate(!visit.locked)}
        data-testid="visit-lock"
      >
        {visit.locked ? t('supervision.plan.unlock') : t('supervision.plan.lock')}
      </Button>
      <Button
        size={size}
        danger
        icon={<StopOutlined />}
        onClick={() => setOpen('cancel')}
        data-testid="visit-cancel"
      >
        {t('supervision.plan.cancel')}
      </Button>
      {open === 'change' ? (
        <ChangeVisitorModal visit={visit} plan={plan} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'cancel' ? <CancelVisitModal visit={visit} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}

interface AddValues {
  meetingId: number;
  visitorAccountId: number;
}

/** "Bố trí": a visit by hand for a cell the planner left out (locked, so re-planning keeps it). */
export function AddVisitModal({
  plan,
  cell,
  onClose,
}: {
  plan: PlanDto;
  cell: { code: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const title = useMeetingTitle();
  const [form] = Form.useForm<AddValues>();
  const meetings = useMeetings({ org: cell.code, from: plan.period.from, to: plan.period.to });
  const choices = (meetings.data?.items ?? []).filter(
    (m) => m.status !== 'cancelled' && m.kind !== 'cell_committee',
  );
  const add = useAction({
    mutationFn: (v: AddValues) =>
      supervisionCommands.addVisit({ committeeCode: plan.committeeCode, periodKey: plan.period.key, ...v }),
    form,
    success: t('supervision.plan.added'),
    invalidate: [supervisionKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<AddValues>
      title={t('supervision.plan.addVisitTitle', { cell: cell.name })}
      form={form}
      onSubmit={(v) => add.mutate(v)}
      onClose={onClose}
      loading={add.isPending}
      testId="visit-add-form"
    >
      {meetings.data && choices.length === 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('supervision.plan.noMeetings')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form.Item
        name="meetingId"
        label={t('supervision.plan.meeting')}
        rules={[rules.requiredSelect(t('supervision.plan.meeting'))]}
      >
        <Select
          size="large"
          loading={meetings.isPending}
          options={choices.map((m) => ({ value: m.id, label: `${whenText(m)} — ${title(m)}` }))}
        />
      </Form.Item>
      <VisitorField committee={plan.committeeCode} plan={plan} />
    </FormModal>
  );
}
