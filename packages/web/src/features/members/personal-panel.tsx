import { EyeInvisibleOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { MEMBER_LIMITS, type MemberDetailDto } from '@nennep/core/members/types';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { QueryState } from '../../components/query-state';
import { DATE_FORMAT, formatDate, fromIsoDay, labelFor, toIsoDay } from '../../lib/format';
import { memberKeys } from '../../lib/member-list';
import { useAction } from '../../lib/use-action';
import { type MemberPersonal, memberCommands, useMemberPersonal } from './api';

/** Editable personal fields (Decree 13/2023 sensitive data). */
const EDITABLE = ['ethnicity', 'religion', 'hometown', 'citizenId', 'phone'] as const;
type Editable = (typeof EDITABLE)[number];
type PersonalValues = Partial<Record<Editable, string>> & { birthDate?: Dayjs | null };

function fieldLabel(key: string): string {
  return labelFor(`members.personal.${key}`, labelFor(`members.${key}`, labelFor(`fields.${key}`, key)));
}

function show(key: string, value: MemberPersonal[string]): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string' && /date$/i.test(key)) return formatDate(value);
  return String(value);
}

function EditPersonalModal({
  member,
  data,
  onClose,
}: {
  member: MemberDetailDto;
  data: MemberPersonal;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PersonalValues>();
  const initial: PersonalValues = {
    birthDate: typeof data.birthDate === 'string' ? fromIsoDay(data.birthDate) : undefined,
  };
  for (const key of EDITABLE) {
    const value = data[key];
    if (typeof value === 'string') initial[key] = value;
  }
  const save = useAction({
    mutationFn: (v: PersonalValues) =>
      memberCommands.update(member.memberCode, {
        ...Object.fromEntries(EDITABLE.map((key) => [key, v[key]?.trim() ? v[key].trim() : null])),
        birthDate: toIsoDay(v.birthDate) ?? null,
      }),
    form,
    success: t('common.saved'),
    invalidate: [memberKeys.personal(member.memberCode), memberKeys.history(member.memberCode)],
    onSuccess: onClose,
  });
  return (
    <FormModal<PersonalValues>
      title={t('members.personal.edit')}
      form={form}
      initialValues={initial}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
      loading={save.isPending}
      testId="member-personal-form"
    >
      <Form.Item name="birthDate" label={t('members.birthDate')}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="ethnicity" label={t('members.personal.ethnicity')}>
        <Input maxLength={MEMBER_LIMITS.ethnicity} />
      </Form.Item>
      <Form.Item name="religion" label={t('members.personal.religion')}>
        <Input maxLength={MEMBER_LIMITS.religion} />
      </Form.Item>
      <Form.Item name="hometown" label={t('members.personal.hometown')}>
        <Input maxLength={MEMBER_LIMITS.hometown} />
      </Form.Item>
      <Form.Item
        name="citizenId"
        label={t('members.personal.citizenId')}
        rules={[{ pattern: /^\d{12}$/, message: `${t('members.personal.citizenId')}: 12` }]}
      >
        <Input maxLength={MEMBER_LIMITS.citizenId} inputMode="numeric" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('members.personal.phone')}
        rules={[{ pattern: /^[0-9+ ]{8,15}$/, message: t('members.personal.phone') }]}
      >
        <Input maxLength={MEMBER_LIMITS.phone} inputMode="tel" autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * Personal data stays hidden until the user asks for it: the server logs every read, so the request
 * is made only on the button press and the answer is not kept in the cache afterwards.
 */
export function PersonalPanel({ member }: { member: MemberDetailDto }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const [editing, setEditing] = useState(false);
  const personal = useMemberPersonal(member.memberCode, visible);
  if (!member.abilities.readPersonal) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <LockOutlined /> {t('members.personal.title')}
        </span>
      }
      extra={
        visible ? (
          <Button size="small" type="text" icon={<EyeInvisibleOutlined />} onClick={() => setVisible(false)}>
            {t('members.personal.hide')}
          </Button>
        ) : null
      }
      data-testid="member-personal"
    >
      {visible ? (
        <QueryState query={personal}>
          {(data) => (
            <>
              <Descriptions
                column={1}
                size="small"
                items={Object.entries(data).map(([key, value]) => ({
                  key,
                  label: fieldLabel(key),
                  children: show(key, value),
                }))}
              />
              {member.abilities.update ? (
                <Button
                  style={{ marginTop: 8 }}
                  onClick={() => setEditing(true)}
                  data-testid="member-personal-edit"
                >
                  {t('members.personal.edit')}
                </Button>
              ) : null}
              {editing ? (
                <EditPersonalModal member={member} data={data} onClose={() => setEditing(false)} />
              ) : null}
            </>
          )}
        </QueryState>
      ) : (
        <>
          <Alert type="info" showIcon title={t('members.personal.logged')} style={{ marginBottom: 12 }} />
          <Button icon={<EyeOutlined />} onClick={() => setVisible(true)} data-testid="member-personal-show">
            {t('members.personal.show')}
          </Button>
        </>
      )}
    </Card>
  );
}
