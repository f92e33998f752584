import { EditOutlined, KeyOutlined, LockOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import type { AccountDto } from '@nennep/core/accounts/types';
import { App, Button, Card, Flex, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { CreateAccountModal, EditAccountModal, ResetPasswordModal } from './account-forms';
import { accountCommands, accountKeys, useAccounts } from './api';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password'; account: AccountDto } | null;

function StateTag({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  if (account.disabled) return <Tag color="red">{t('accounts.disabled')}</Tag>;
  if (account.lockedUntil && new Date(account.lockedUntil) > new Date()) {
    return (
      <Tag color="orange">{t('accounts.lockedUntil', { time: formatDateTime(account.lockedUntil) })}</Tag>
    );
  }
  return <Tag color="green">{t('accounts.active')}</Tag>;
}

export function AccountsPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const org = params.get('org') || undefined;
  const accounts = useAccounts(org);
  const [dialog, setDialog] = useState<Dialog>(null);
  const toggle = useAction({
    mutationFn: (a: AccountDto) => accountCommands.update(a.id, { disabled: !a.disabled }),
    success: t('common.saved'),
    invalidate: [accountKeys.all],
  });
  const askToggle = (a: AccountDto) => {
    if (a.disabled) {
      toggle.mutate(a);
      return;
    }
    modal.confirm({
      title: t('accounts.disableConfirm', { name: a.displayName }),
      okText: t('accounts.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => toggle.mutateAsync(a),
    });
  };

  const columns: TableColumnsType<AccountDto> = [
    { key: 'username', title: t('accounts.username'), dataIndex: 'username' },
    { key: 'displayName', title: t('accounts.displayName'), dataIndex: 'displayName' },
    {
      key: 'grants',
      title: t('accounts.grants'),
      render: (_, a) => (
        <Flex wrap gap={4}>
          {a.grants.map((g) => (
            <Tag key={`${g.role}@${g.orgCode}`} style={{ marginInlineEnd: 0 }}>
              {t(`role.${g.role}`)} · {g.orgName}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'state', title: t('accounts.state'), render: (_, a) => <StateTag account={a} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, a) => (
        <Flex gap={4}>
          <Tooltip title={t('common.edit')}>
            <Button
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setDialog({ kind: 'edit', account: a })}
            />
          </Tooltip>
          <Tooltip title={t('accounts.resetPassword')}>
            <Button
              size="small"
              icon={<KeyOutlined />}
              aria-label={t('accounts.resetPassword')}
              onClick={() => setDialog({ kind: 'password', account: a })}
            />
          </Tooltip>
          <Tooltip title={a.disabled ? t('accounts.enable') : t('accounts.disable')}>
            <Button
              size="small"
              danger={!a.disabled}
              icon={a.disabled ? <UnlockOutlined /> : <LockOutlined />}
              aria-label={a.disabled ? t('accounts.enable') : t('accounts.disable')}
              onClick={() => askToggle(a)}
            />
          </Tooltip>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            data-testid="account-create"
          >
            {t('accounts.create')}
          </Button>
        }
      />
      <Card size="small">
        <div style={{ maxWidth: 420, marginBottom: 12 }}>
          <OrgSelect
            value={org}
            onChange={(code) => setParams(code ? { org: code } : {}, { replace: true })}
          />
        </div>
        {accounts.error && !accounts.data ? (
          <LoadError error={accounts.error} onRetry={() => void accounts.refetch()} />
        ) : (
          <Table<AccountDto>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={accounts.data ?? []}
            loading={accounts.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="account-table"
          />
        )}
      </Card>
      {dialog?.kind === 'create' ? (
        <CreateAccountModal defaultOrg={org} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditAccountModal account={dialog.account} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'password' ? (
        <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
