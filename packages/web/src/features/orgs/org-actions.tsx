import {
  ApartmentOutlined,
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  ScissorOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { ORG_LIMITS, type OrgCategory, type OrgDetailDto, type OrgKind } from '@nennep/core/orgs/types';
import { Alert, Button, Dropdown, Form, Input, type MenuProps, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { OrgSelect } from '../../components/org-select';
import { useOptions } from '../../lib/options';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { orgCommands, orgKeys } from './api';
import { SplitModal } from './split-modal';

type ActionName = 'createChild' | 'rename' | 'move' | 'merge' | 'split' | 'dissolve';

interface ModalProps {
  org: OrgDetailDto;
  onClose: () => void;
}

const noteField = (label: string) => (
  <Form.Item name="note" label={label}>
    <Input.TextArea rows={2} maxLength={ORG_LIMITS.note} />
  </Form.Item>
);

interface CreateValues {
  code: string;
  name: string;
  kind: OrgKind;
  category?: OrgCategory;
}

function CreateChildModal({ org, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<CreateValues>();
  const { categories, kinds } = useOptions();
  const create = useAction({
    mutationFn: (v: CreateValues) =>
      orgCommands.create({
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        category: v.category ?? null,
        parentCode: org.code,
      }),
    form,
    success: t('orgs.actions.created'),
    invalidate: [orgKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<CreateValues>
      title={t('orgs.actions.createChild')}
      form={form}
      onSubmit={(v) => create.mutate(v)}
      onClose={onClose}
      loading={create.isPending}
      testId="org-create-form"
    >
      <Form.Item label={t('orgs.parent')}>
        <Input value={org.name} disabled />
      </Form.Item>
      <Form.Item name="code" label={t('orgs.code')} rules={[rules.required(t('orgs.code')), rules.code()]}>
        <Input maxLength={ORG_LIMITS.code} autoCapitalize="characters" />
      </Form.Item>
      <Form.Item name="name" label={t('orgs.name')} rules={[rules.required(t('orgs.name'))]}>
        <Input maxLength={ORG_LIMITS.name} />
      </Form.Item>
      <Form.Item name="kind" label={t('orgs.kind')} rules={[rules.requiredSelect(t('orgs.kind'))]}>
        <Select<OrgKind> options={kinds} />
      </Form.Item>
      <Form.Item name="category" label={t('orgs.category')}>
        <Select<OrgCategory> allowClear options={categories} />
      </Form.Item>
    </FormModal>
  );
}

function RenameModal({ org, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ name: string; note?: string }>();
  const rename = useAction({
    mutationFn: (v: { name: string; note?: string }) =>
      orgCommands.rename(org.code, { name: v.name.trim(), note: v.note }),
    form,
    invalidate: [orgKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={t('orgs.actions.rename')}
      form={form}
      initialValues={{ name: org.name }}
      onSubmit={(v) => rename.mutate(v)}
      onClose={onClose}
      loading={rename.isPending}
      testId="org-rename-form"
    >
      <Form.Item
        name="name"
        label={t('orgs.actions.newName')}
        rules={[rules.required(t('orgs.actions.newName'))]}
      >
        <Input maxLength={ORG_LIMITS.name} />
      </Form.Item>
      {noteField(t('common.note'))}
    </FormModal>
  );
}

function MoveModal({ org, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ parentCode: string; note?: string }>();
  const move = useAction({
    mutationFn: (v: { parentCode: string; note?: string }) => orgCommands.move(org.code, v),
    form,
    invalidate: [orgKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={t('orgs.actions.move')}
      form={form}
      onSubmit={(v) => move.mutate(v)}
      onClose={onClose}
      loading={move.isPending}
      testId="org-move-form"
    >
      <Form.Item
        name="parentCode"
        label={t('orgs.actions.newParent')}
        rules={[rules.requiredSelect(t('orgs.actions.newParent'))]}
      >
        <OrgSelect exclude={[org.code, org.parentCode ?? '']} />
      </Form.Item>
      {noteField(t('common.note'))}
    </FormModal>
  );
}

function MergeModal({ org, onClose }: ModalProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ intoCode: string; note?: string }>();
  const merge = useAction({
    mutationFn: (v: { intoCode: string; note?: string }) => orgCommands.merge(org.code, v),
    form,
    invalidate: [orgKeys.all],
    onSuccess: (_, v) => {
      onClose();
      navigate(`/orgs/${encodeURIComponent(v.intoCode)}`);
    },
  });
  return (
    <FormModal
      title={t('orgs.actions.merge')}
      form={form}
      onSubmit={(v) => merge.mutate(v)}
      onClose={onClose}
      loading={merge.isPending}
      okText={t('orgs.actions.merge')}
      danger
      testId="org-merge-form"
    >
      <Alert type="warning" showIcon title={t('orgs.actions.mergeHelp')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="intoCode"
        label={t('orgs.actions.mergeInto')}
        rules={[rules.requiredSelect(t('orgs.actions.mergeInto'))]}
      >
        <OrgSelect exclude={[org.code]} />
      </Form.Item>
      {noteField(t('common.note'))}
    </FormModal>
  );
}

function DissolveModal({ org, onClose }: ModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const dissolve = useAction({
    mutationFn: (v: { note?: string }) => orgCommands.dissolve(org.code, v),
    form,
    invalidate: [orgKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal
      title={t('orgs.actions.dissolveConfirm', { name: org.name })}
      form={form}
      onSubmit={(v) => dissolve.mutate(v)}
      onClose={onClose}
      loading={dissolve.isPending}
      okText={t('orgs.actions.dissolve')}
      danger
      testId="org-dissolve-form"
    >
      <Alert type="warning" showIcon title={t('orgs.actions.dissolveHelp')} style={{ marginBottom: 16 }} />
      {noteField(t('common.reason'))}
    </FormModal>
  );
}

/** The "Thao tác" menu of an organisation; shown only when the server says `abilities.update`. */
export function OrgActions({ org }: { org: OrgDetailDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ActionName | null>(null);
  const close = () => setOpen(null);
  const active = org.status === 'active';
  const items: MenuProps['items'] = [
    { key: 'createChild', icon: <PlusOutlined />, label: t('orgs.actions.createChild'), disabled: !active },
    { key: 'rename', icon: <EditOutlined />, label: t('orgs.actions.rename'), disabled: !active },
    {
      key: 'move',
      icon: <SwapOutlined />,
      label: t('orgs.actions.move'),
      disabled: !active || !org.parentCode,
    },
    {
      key: 'merge',
      icon: <MergeCellsOutlined />,
      label: t('orgs.actions.merge'),
      disabled: !active || !org.parentCode,
    },
    {
      key: 'split',
      icon: <ScissorOutlined />,
      label: t('orgs.actions.split'),
      disabled: !active || !org.parentCode,
    },
    { type: 'divider' },
    {
      key: 'dissolve',
      icon: <DeleteOutlined />,
      label: t('orgs.actions.dissolve'),
      danger: true,
      disabled: !active || !org.parentCode,
    },
  ];
  return (
    <>
      <Dropdown
        menu={{ items, onClick: ({ key }) => setOpen(key as ActionName) }}
        trigger={['click']}
        placement="bottomRight"
      >
        <Button icon={<ApartmentOutlined />} data-testid="org-actions">
          {t('orgs.actions.title')} <DownOutlined />
        </Button>
      </Dropdown>
      {open === 'createChild' ? <CreateChildModal org={org} onClose={close} /> : null}
      {open === 'rename' ? <RenameModal org={org} onClose={close} /> : null}
      {open === 'move' ? <MoveModal org={org} onClose={close} /> : null}
      {open === 'merge' ? <MergeModal org={org} onClose={close} /> : null}
      {open === 'split' ? <SplitModal org={org} onClose={close} /> : null}
      {open === 'dissolve' ? <DissolveModal org={org} onClose={close} /> : null}
    </>
  );
}
