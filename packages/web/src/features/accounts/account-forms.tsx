import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { GrantInput } from '@nennep/core/accounts/schemas';
import { ACCOUNT_LIMITS, type AccountDto, type Role } from '@nennep/core/accounts/types';
import { MEMBER_LIMITS } from '@nennep/core/members/types';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { OrgSelect } from '../../components/org-select';
import { useOptions } from '../../lib/options';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { accountCommands, accountKeys } from './api';

/** Role + organisation rows, at least one. */
function GrantsField() {
  const { t } = useTranslation();
  const rules = useRules();
  const { roles } = useOptions();
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_, grants?: GrantInput[]) => {
            if (!grants || grants.length === 0)
              throw new Error(t('common.requiredSelect', { field: t('accounts.role') }));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Form.Item label={t('accounts.grants')} required>
          {fields.map((field) => (
            <div key={field.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 8 }}>
              <Form.Item
                name={[field.name, 'role']}
                rules={[rules.requiredSelect(t('accounts.role'))]}
                style={{ flex: '1 1 140px', marginBottom: 0 }}
              >
                <Select<Role> options={roles} placeholder={t('accounts.role')} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'orgCode']}
                rules={[rules.requiredSelect(t('accounts.org'))]}
                style={{ flex: '2 1 200px', marginBottom: 0 }}
              >
                <OrgSelect />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('common.close')}
                disabled={fields.length <= 1}
              />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>
            {t('accounts.addGrant')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  memberCode?: string;
  email?: string;
  grants: GrantInput[];
}

export function CreateAccountModal({ defaultOrg, onClose }: { defaultOrg?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<CreateValues>();
  const create = useAction({
    mutationFn: (v: CreateValues) =>
      accountCommands.create({
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        memberCode: v.memberCode?.trim() || null,
        email: v.email?.trim() || null,
        grants: v.grants,
      }),
    form,
    success: t('accounts.created'),
    invalidate: [accountKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<CreateValues>
      title={t('accounts.create')}
      form={form}
      initialValues={{ grants: [{ role: 'cell_secretary', orgCode: defaultOrg ?? '' }] }}
      onSubmit={(v) => create.mutate(v)}
      onClose={onClose}
      loading={create.isPending}
      testId="account-create-form"
    >
      <Form.Item
        name="username"
        label={t('accounts.username')}
        extra={t('accounts.usernameHelp')}
        rules={[
          rules.required(t('accounts.username')),
          { pattern: /^[a-z0-9._-]{3,40}$/, message: t('accounts.usernameHelp') },
        ]}
      >
        <Input
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={ACCOUNT_LIMITS.username}
        />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('accounts.displayName')}
        rules={[rules.required(t('accounts.displayName'))]}
      >
        <Input maxLength={ACCOUNT_LIMITS.displayName} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('accounts.email')}
        rules={[{ type: 'email', message: t('accounts.email') }]}
      >
        <Input type="email" autoComplete="off" autoCapitalize="none" maxLength={ACCOUNT_LIMITS.email} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('accounts.password')}
        rules={[rules.required(t('accounts.password')), { min: 8, message: t('auth.passwordMin') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="memberCode" label={t('accounts.memberCode')}>
        <Input maxLength={MEMBER_LIMITS.code} />
      </Form.Item>
      <GrantsField />
    </FormModal>
  );
}

interface EditValues {
  displayName: string;
  grants: GrantInput[];
}

export function EditAccountModal({ account, onClose }: { account: AccountDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<EditValues>();
  const update = useAction({
    mutationFn: (v: EditValues) =>
      accountCommands.update(account.id, { displayName: v.displayName.trim(), grants: v.grants }),
    form,
    success: t('common.saved'),
    invalidate: [accountKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<EditValues>
      title={`${t('accounts.edit')}: ${account.username}`}
      form={form}
      initialValues={{
        displayName: account.displayName,
        grants: account.grants.map((g) => ({ role: g.role, orgCode: g.orgCode })),
      }}
      onSubmit={(v) => update.mutate(v)}
      onClose={onClose}
      loading={update.isPending}
      testId="account-edit-form"
    >
      <Form.Item
        name="displayName"
        label={t('accounts.displayName')}
        rules={[rules.required(t('accounts.displayName'))]}
      >
        <Input maxLength={ACCOUNT_LIMITS.displayName} />
      </Form.Item>
      <GrantsField />
    </FormModal>
  );
}

export function ResetPasswordModal({ account, onClose }: { account: AccountDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useAction({
    mutationFn: (v: { password: string }) => accountCommands.update(account.id, { password: v.password }),
    form,
    success: t('accounts.passwordReset'),
    invalidate: [accountKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<{ password: string }>
      title={`${t('accounts.resetPassword')}: ${account.username}`}
      form={form}
      onSubmit={(v) => reset.mutate(v)}
      onClose={onClose}
      loading={reset.isPending}
      testId="account-password-form"
    >
      <Form.Item
        name="password"
        label={t('accounts.newPassword')}
        rules={[rules.required(t('accounts.newPassword')), { min: 8, message: t('auth.passwordMin') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
