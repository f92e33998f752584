import {
  DownOutlined,
  EditOutlined,
  PauseCircleOutlined,
  SwapOutlined,
  TagsOutlined,
} from '@ant-design/icons';
import {
  MEMBER_LIMITS,
  type MemberDetailDto,
  type MemberPeriodKind,
  type MemberStatus,
} from '@nennep/core/members/types';
import { CELL_KINDS } from '@nennep/core/orgs/types';
import { Button, DatePicker, Dropdown, Form, Input, type MenuProps, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { OrgSelect } from '../../components/org-select';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { memberKeys } from '../../lib/member-list';
import { useOptions } from '../../lib/options';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { orgKeys } from '../orgs/api';
import { memberCommands } from './api';
import { formValuesOf, MemberFields, type MemberFormValues, toMemberPatch } from './member-fields';

type ActionName = 'edit' | 'transfer' | 'status' | 'period';

interface ModalProps {
  member: MemberDetailDto;
  onClose: () => void;
}

const refresh = [memberKeys.all, orgKeys.all];

function EditModal({ member, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberFormValues>();
  const update = useAction({
    mutationFn: (v: MemberFormValues) => memberCommands.update(member.memberCode, toMemberPatch(v)),
    form,
    success: t('common.saved'),
    invalidate: refresh,
    onSuccess: onClose,
  });
  return (
    <FormModal<MemberFormValues>
      title={t('members.actions.edit')}
      form={form}
      initialValues={formValuesOf(member)}
      onSubmit={(v) => update.mutate(v)}
      onClose={onClose}
      loading={update.isPending}
      testId="member-edit-form"
    >
      <MemberFields mode="edit" />
    </FormModal>
  );
}

interface TransferValues {
  toOrgCode: string;
  date: Dayjs;
  note?: string;
}

function TransferModal({ member, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<TransferValues>();
  const transfer = useAction({
    mutationFn: (v: TransferValues) =>
      memberCommands.transfer(member.memberCode, {
        toOrgCode: v.toOrgCode,
        date: toIsoDay(v.date) ?? '',
        note: v.note,
      }),
    form,
    invalidate: refresh,
    onSuccess: onClose,
  });
  return (
    <FormModal<TransferValues>
      title={t('members.actions.transfer')}
      form={form}
      initialValues={{ date: dayjs() }}
      onSubmit={(v) => transfer.mutate(v)}
      onClose={onClose}
      loading={transfer.isPending}
      testId="member-transfer-form"
    >
      <Form.Item
        name="toOrgCode"
        label={t('members.actions.toOrg')}
        rules={[rules.requiredSelect(t('members.actions.toOrg'))]}
      >
        <OrgSelect kinds={CELL_KINDS} exclude={[member.orgCode]} />
      </Form.Item>
      <Form.Item name="date" label={t('common.date')} rules={[rules.requiredSelect(t('common.date'))]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('common.note')}>
        <Input.TextArea rows={2} maxLength={MEMBER_LIMITS.note} />
      </Form.Item>
    </FormModal>
  );
}

interface StatusValues {
  status: MemberStatus;
  date: Dayjs;
  reason?: string;
}

function StatusModal({ member, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  const [form] = Form.useForm<StatusValues>();
  const change = useAction({
    mutationFn: (v: StatusValues) =>
      memberCommands.status(member.memberCode, {
        status: v.status,
        date: toIsoDay(v.date) ?? '',
        reason: v.reason,
      }),
    form,
    invalidate: refresh,
    onSuccess: onClose,
  });
  return (
    <FormModal<StatusValues>
      title={t('members.actions.changeStatus')}
      form={form}
      initialValues={{ date: dayjs() }}
      onSubmit={(v) => change.mutate(v)}
      onClose={onClose}
      loading={change.isPending}
      testId="member-status-form"
    >
      <Form.Item
        name="status"
        label={t('members.actions.newStatus')}
        rules={[rules.requiredSelect(t('members.actions.newStatus'))]}
      >
        <Select<MemberStatus> options={options.statuses.filter((s) => s.value !== member.status)} />
      </Form.Item>
      <Form.Item name="date" label={t('common.date')} rules={[rules.requiredSelect(t('common.date'))]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={t('common.reason')}>
        <Input.TextArea rows={2} maxLength={MEMBER_LIMITS.note} />
      </Form.Item>
    </FormModal>
  );
}

interface PeriodValues {
  kind: MemberPeriodKind;
  from: Dayjs;
  to?: Dayjs | null;
  orgCode?: string;
  reason?: string;
}

function PeriodModal({ member, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<PeriodValues>();
  const kind = Form.useWatch('kind', form);
  const add = useAction({
    mutationFn: (v: PeriodValues) =>
      memberCommands.period(member.memberCode, {
        kind: v.kind,
        from: toIsoDay(v.from) ?? '',
        to: toIsoDay(v.to) ?? null,
        orgCode: v.kind === 'attached' ? (v.orgCode ?? null) : null,
        reason: v.reason,
      }),
    form,
    invalidate: refresh,
    onSuccess: onClose,
  });
  return (
    <FormModal<PeriodValues>
      title={t('members.periods.add')}
      form={form}
      initialValues={{ kind: 'exempt', from: dayjs() }}
      onSubmit={(v) => add.mutate(v)}
      onClose={onClose}
      loading={add.isPending}
      testId="member-period-form"
    >
      <Form.Item name="kind" label={t('members.periods.kind')}>
        <Radio.Group
          options={[
            { value: 'exempt', label: t('members.periods.exempt') },
            { value: 'attached', label: t('members.periods.attached') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="from"
        label={t('members.periods.from')}
        rules={[rules.requiredSelect(t('members.periods.from'))]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="to"
        label={t('members.periods.to')}
        dependencies={['from']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: Dayjs | null | undefined) => {
              const from: Dayjs | undefined = getFieldValue('from');
              return !value || !from || !value.isBefore(from, 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(`${t('members.periods.to')} ≥ ${t('members.periods.from')}`));
            },
          }),
        ]}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          placeholder={t('members.periods.openEnded')}
          aria-label={t('members.periods.openEnded')}
        />
      </Form.Item>
      {kind === 'attached' ? (
        <Form.Item
          name="orgCode"
          label={t('members.periods.attachedOrg')}
          rules={[rules.requiredSelect(t('members.periods.attachedOrg'))]}
        >
          <OrgSelect kinds={CELL_KINDS} exclude={[member.orgCode]} />
        </Form.Item>
      ) : null}
      <Form.Item name="reason" label={t('common.reason')}>
        <Input.TextArea rows={2} maxLength={MEMBER_LIMITS.note} />
      </Form.Item>
    </FormModal>
  );
}

/** Edit, transfer, status and periods; shown only when the server says `abilities.update`. */
export function MemberActions({ member }: { member: MemberDetailDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ActionName | null>(null);
  const close = () => setOpen(null);
  const active = member.status === 'official' || member.status === 'probationary';
  const items: MenuProps['items'] = [
    { key: 'edit', icon: <EditOutlined />, label: t('members.actions.edit') },
    { key: 'transfer', icon: <SwapOutlined />, label: t('members.actions.transfer'), disabled: !active },
    { key: 'status', icon: <TagsOutlined />, label: t('members.actions.changeStatus') },
    { key: 'period', icon: <PauseCircleOutlined />, label: t('members.periods.add'), disabled: !active },
  ];
  return (
    <>
      <Dropdown
        menu={{ items, onClick: ({ key }) => setOpen(key as ActionName) }}
        trigger={['click']}
        placement="bottomRight"
      >
        <Button data-testid="member-actions">
          {t('common.actions')} <DownOutlined />
        </Button>
      </Dropdown>
      {open === 'edit' ? <EditModal member={member} onClose={close} /> : null}
      {open === 'transfer' ? <TransferModal member={member} onClose={close} /> : null}
      {open === 'status' ? <StatusModal member={member} onClose={close} /> : null}
      {open === 'period' ? <PeriodModal member={member} onClose={close} /> : null}
    </>
  );
}
