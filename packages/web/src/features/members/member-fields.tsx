import type { CreateMemberInput, UpdateMemberInput } from '@nennep/core/members/schemas';
import { MEMBER_LIMITS, type MemberDetailDto, type Position, type Sex } from '@nennep/core/members/types';
import { CELL_KINDS } from '@nennep/core/orgs/types';
import { DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/org-select';
import { DATE_FORMAT, fromIsoDay, toIsoDay } from '../../lib/format';
import { useOptions } from '../../lib/options';
import { useRules } from '../../lib/rules';

export interface MemberFormValues {
  memberCode: string;
  fullName: string;
  sex: Sex;
  birthDate?: Dayjs | null;
  orgCode: string;
  status: 'official' | 'probationary';
  admissionDate: Dayjs;
  officialDate?: Dayjs | null;
  position: Position;
  partyCardNo?: string;
  notes?: string;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function toMemberInput(v: MemberFormValues): CreateMemberInput {
  return {
    memberCode: v.memberCode.trim(),
    fullName: v.fullName.trim(),
    sex: v.sex,
    birthDate: toIsoDay(v.birthDate) ?? null,
    orgCode: v.orgCode,
    status: v.status,
    admissionDate: toIsoDay(v.admissionDate) ?? '',
    officialDate: v.status === 'official' ? (toIsoDay(v.officialDate) ?? null) : null,
    position: v.position,
    partyCardNo: blankToNull(v.partyCardNo),
    notes: blankToNull(v.notes),
  };
}

export function toMemberPatch(v: MemberFormValues): UpdateMemberInput {
  return {
    fullName: v.fullName.trim(),
    sex: v.sex,
    admissionDate: toIsoDay(v.admissionDate),
    officialDate: toIsoDay(v.officialDate) ?? null,
    position: v.position,
    partyCardNo: blankToNull(v.partyCardNo),
    notes: blankToNull(v.notes),
  };
}

export function formValuesOf(m: MemberDetailDto): Partial<MemberFormValues> {
  return {
    fullName: m.fullName,
    sex: m.sex,
    admissionDate: fromIsoDay(m.admissionDate),
    officialDate: fromIsoDay(m.officialDate),
    position: m.position,
    partyCardNo: m.partyCardNo ?? undefined,
    notes: m.notes ?? undefined,
  };
}

/** The fields of a member, single column; `create` adds code, cell and starting status. */
export function MemberFields({ mode }: { mode: 'create' | 'edit' }) {
  const { t } = useTranslation();
  const rules = useRules();
  const options = useOptions();
  const form = Form.useFormInstance<MemberFormValues>();
  const status = Form.useWatch('status', form);
  const showOfficialDate = mode === 'edit' || status === 'official';
  return (
    <>
      {mode === 'create' ? (
        <Form.Item
          name="memberCode"
          label={t('members.code')}
          rules={[rules.required(t('members.code')), rules.code()]}
        >
          <Input maxLength={MEMBER_LIMITS.code} data-testid="member-form-code" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="fullName"
        label={t('members.fullName')}
        rules={[rules.required(t('members.fullName'))]}
      >
        <Input maxLength={MEMBER_LIMITS.fullName} autoComplete="off" data-testid="member-form-name" />
      </Form.Item>
      <Form.Item name="sex" label={t('members.sex')} rules={[rules.requiredSelect(t('members.sex'))]}>
        <Radio.Group options={options.sexes} />
      </Form.Item>
      {mode === 'create' ? (
        // Date of birth is personal data: edited from the personal panel, where it is shown.
        <Form.Item name="birthDate" label={t('members.birthDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      {mode === 'create' ? (
        <>
          <Form.Item name="orgCode" label={t('members.org')} rules={[rules.requiredSelect(t('members.org'))]}>
            <OrgSelect kinds={CELL_KINDS} data-testid="member-form-org" />
          </Form.Item>
          <Form.Item
            name="status"
            label={t('members.status')}
            rules={[rules.requiredSelect(t('members.status'))]}
          >
            <Radio.Group
              options={options.statuses.filter((s) => s.value === 'official' || s.value === 'probationary')}
            />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        name="admissionDate"
        label={t('members.admissionDate')}
        rules={[rules.requiredSelect(t('members.admissionDate'))]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      {showOfficialDate ? (
        <Form.Item name="officialDate" label={t('members.officialDate')}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      ) : null}
      <Form.Item name="position" label={t('members.position')}>
        <Select<Position> options={options.positions} />
      </Form.Item>
      <Form.Item name="partyCardNo" label={t('members.partyCardNo')}>
        <Input maxLength={MEMBER_LIMITS.partyCardNo} />
      </Form.Item>
      <Form.Item name="notes" label={t('members.notes')}>
        <Input.TextArea rows={3} maxLength={MEMBER_LIMITS.notes} />
      </Form.Item>
    </>
  );
}
