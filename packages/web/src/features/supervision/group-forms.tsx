import { SUPERVISION_LIMITS } from '@nennep/core/supervision/limits';
import { DatePicker, Form, Input, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { MemberSelect } from '../../components/member-select';
import { OrgSelect } from '../../components/org-select';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { supervisionCommands, supervisionKeys, useVisitors, type WorkingGroupDto } from './api';

interface GroupValues {
  name: string;
  memberAccountIds: number[];
  leaderAccountId?: number | null;
}

/** Create or edit a working group: its name, members (from the committee's visitors) and leader. */
export function GroupModal({
  committee,
  group,
  onClose,
}: {
  committee: string;
  group?: WorkingGroupDto;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<GroupValues>();
  const visitors = useVisitors(committee);
  const chosen = Form.useWatch('memberAccountIds', form) ?? [];
  const options = (visitors.data?.items ?? []).map((v) => ({ value: v.accountId, label: v.displayName }));
  // Members who left the pool still show by name.
  for (const m of group?.members ?? []) {
    if (!options.some((o) => o.value === m.accountId))
      options.push({ value: m.accountId, label: m.displayName });
  }
  const save = useAction({
    mutationFn: (v: GroupValues) => {
      const body = {
        name: v.name.trim(),
        memberAccountIds: v.memberAccountIds ?? [],
        leaderAccountId: v.leaderAccountId ?? null,
      };
      return group
        ? supervisionCommands.updateGroup(group.id, body)
        : supervisionCommands.createGroup({ committeeCode: committee, ...body });
    },
    form,
    success: t('supervision.groups.saved'),
    invalidate: [supervisionKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<GroupValues>
      title={group ? t('supervision.groups.edit') : t('supervision.groups.create')}
      form={form}
      initialValues={{
        name: group?.name ?? '',
        memberAccountIds: group?.members.map((m) => m.accountId) ?? [],
        leaderAccountId: group?.leaderAccountId ?? null,
      }}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
      loading={save.isPending}
      testId="group-form"
    >
      <Form.Item
        name="name"
        label={t('supervision.groups.name')}
        rules={[rules.required(t('supervision.groups.name'))]}
      >
        <Input size="large" maxLength={SUPERVISION_LIMITS.groupName} data-testid="group-name" />
      </Form.Item>
      <Form.Item name="memberAccountIds" label={t('supervision.groups.members')}>
        <MemberSelect<number[]>
          size="large"
          mode="multiple"
          options={options}
          loading={visitors.isPending}
          data-testid="group-members"
        />
      </Form.Item>
      <Form.Item name="leaderAccountId" label={t('supervision.groups.leader')}>
        <Select
          size="large"
          allowClear
          options={options.filter((o) => chosen.includes(o.value))}
          data-testid="group-leader"
        />
      </Form.Item>
    </FormModal>
  );
}

interface AssignmentValues {
  orgCode: string;
  who: 'group' | 'person';
  groupId?: number;
  accountId?: number;
  mode: 'standing' | 'dated';
  dates?: [Dayjs, Dayjs];
}

/** A group or a person answers for an organisation's cells, standing or between two dates. */
export function AssignmentModal({
  committee,
  groups,
  groupId,
  onClose,
}: {
  committee: string;
  groups: WorkingGroupDto[];
  groupId?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<AssignmentValues>();
  const visitors = useVisitors(committee);
  const who = Form.useWatch('who', form) ?? (groupId ? 'group' : 'person');
  const mode = Form.useWatch('mode', form) ?? 'standing';
  const assign = useAction({
    mutationFn: (v: AssignmentValues) =>
      supervisionCommands.createAssignment({
        committeeCode: committee,
        orgCode: v.orgCode,
        groupId: v.who === 'group' ? v.groupId : null,
        accountId: v.who === 'person' ? v.accountId : null,
        from: v.mode === 'dated' ? toIsoDay(v.dates?.[0]) : null,
        to: v.mode === 'dated' ? toIsoDay(v.dates?.[1]) : null,
      }),
    form,
    success: t('supervision.groups.assigned'),
    invalidate: [supervisionKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<AssignmentValues>
      title={t('supervision.groups.addAssignment')}
      form={form}
      initialValues={{ who: groupId ? 'group' : 'person', groupId, mode: 'standing' }}
      onSubmit={(v) => assign.mutate(v)}
      onClose={onClose}
      loading={assign.isPending}
      testId="assignment-form"
    >
      <Form.Item
        name="orgCode"
        label={t('supervision.groups.org')}
        rules={[rules.requiredSelect(t('supervision.groups.org'))]}
      >
        <OrgSelect data-testid="assignment-org" />
      </Form.Item>
      <Form.Item name="who" label={t('supervision.groups.who')}>
        <Segmented
          block
          size="large"
          options={[
            { value: 'group', label: t('supervision.groups.toGroup') },
            { value: 'person', label: t('supervision.groups.toPerson') },
          ]}
        />
      </Form.Item>
      {who === 'group' ? (
        <Form.Item
          name="groupId"
          label={t('supervision.groups.toGroup')}
          rules={[rules.requiredSelect(t('supervision.groups.toGroup'))]}
        >
          <Select
            size="large"
            options={groups.filter((g) => g.active).map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="accountId"
          label={t('supervision.groups.person')}
          rules={[rules.requiredSelect(t('supervision.groups.person'))]}
        >
          <MemberSelect<number>
            size="large"
            loading={visitors.isPending}
            options={(visitors.data?.items ?? []).map((v) => ({ value: v.accountId, label: v.displayName }))}
          />
        </Form.Item>
      )}
      <Form.Item name="mode" label={t('supervision.period')}>
        <Segmented
          block
          size="large"
          options={[
            { value: 'standing', label: t('supervision.groups.standing') },
            { value: 'dated', label: t('supervision.groups.dated') },
          ]}
        />
      </Form.Item>
      {mode === 'dated' ? (
        <Form.Item
          name="dates"
          label={t('supervision.groups.dates')}
          rules={[rules.requiredSelect(t('supervision.groups.dates'))]}
        >
          <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} size="large" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
