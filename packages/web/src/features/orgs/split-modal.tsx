import { ORG_LIMITS, type OrgCategory, type OrgDetailDto } from '@nennep/core/orgs/types';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { filterByName, MemberSelect } from '../../components/member-select';
import { fetchMembers, memberKeys } from '../../lib/member-list';
import { useOptions } from '../../lib/options';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { fetchTreeChildren, orgCommands, orgKeys } from './api';

interface SplitValues {
  newOrg: { code: string; name: string; category?: OrgCategory | null };
  memberCodes?: string[];
  childCodes?: string[];
  note?: string;
}

/** Split: a new sibling organisation takes some of this one's members and subordinate organisations. */
export function SplitModal({ org, onClose }: { org: OrgDetailDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<SplitValues>();
  const { categories } = useOptions();
  const filters = { org: org.code, pageSize: 200, page: 1 };
  const members = useQuery({ queryKey: memberKeys.list(filters), queryFn: () => fetchMembers(filters) });
  const children = useQuery({ queryKey: orgKeys.tree(org.code), queryFn: () => fetchTreeChildren(org.code) });
  const split = useAction({
    mutationFn: (v: SplitValues) =>
      orgCommands.split(org.code, {
        newOrg: {
          code: v.newOrg.code.trim(),
          name: v.newOrg.name.trim(),
          category: v.newOrg.category ?? null,
        },
        memberCodes: v.memberCodes ?? [],
        childCodes: v.childCodes ?? [],
        note: v.note,
      }),
    form,
    invalidate: [orgKeys.all, memberKeys.all],
    onSuccess: onClose,
  });
  const memberOptions = (members.data?.items ?? [])
    .filter((m) => m.orgCode === org.code)
    .map((m) => ({ value: m.memberCode, label: `${m.fullName} (${m.memberCode})` }));
  const childOptions = (children.data ?? [])
    .filter((c) => c.status === 'active')
    .map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));

  return (
    <FormModal<SplitValues>
      title={t('orgs.actions.split')}
      form={form}
      initialValues={{ newOrg: { code: '', name: '', category: org.category } }}
      onSubmit={(v) => split.mutate(v)}
      onClose={onClose}
      loading={split.isPending}
      okText={t('orgs.actions.split')}
      testId="org-split-form"
    >
      <Alert type="info" showIcon title={t('orgs.actions.splitHelp')} style={{ marginBottom: 16 }} />
      <Form.Item
        name={['newOrg', 'code']}
        label={`${t('orgs.actions.newOrg')}: ${t('orgs.code')}`}
        rules={[rules.required(t('orgs.code')), rules.code()]}
      >
        <Input maxLength={ORG_LIMITS.code} />
      </Form.Item>
      <Form.Item
        name={['newOrg', 'name']}
        label={`${t('orgs.actions.newOrg')}: ${t('orgs.name')}`}
        rules={[rules.required(t('orgs.name'))]}
      >
        <Input maxLength={ORG_LIMITS.name} />
      </Form.Item>
      <Form.Item name={['newOrg', 'category']} label={t('orgs.category')}>
        <Select<OrgCategory> allowClear options={categories} />
      </Form.Item>
      {memberOptions.length > 0 || members.isPending ? (
        <Form.Item name="memberCodes" label={t('orgs.actions.splitMembers')}>
          <MemberSelect<string[]>
            mode="multiple"
            options={memberOptions}
            loading={members.isPending}
            maxTagCount="responsive"
          />
        </Form.Item>
      ) : null}
      {childOptions.length > 0 ? (
        <Form.Item name="childCodes" label={t('orgs.actions.splitChildren')}>
          <Select<string[]>
            mode="multiple"
            options={childOptions}
            showSearch={{ filterOption: filterByName }}
            maxTagCount="responsive"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('common.note')}>
        <Input.TextArea rows={2} maxLength={ORG_LIMITS.note} />
      </Form.Item>
    </FormModal>
  );
}
