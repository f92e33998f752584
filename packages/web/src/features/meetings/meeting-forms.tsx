import { MEETING_LIMITS } from '@nennep/core/meetings/api-types';
import { MEETING_KINDS, type MeetingKind } from '@nennep/core/meetings/types';
import { CELL_KINDS } from '@nennep/core/orgs/types';
import { Alert, App, Checkbox, DatePicker, Form, Input, Segmented, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { OrgSelect } from '../../components/org-select';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { meetingCommands, meetingKeys } from './api';

type Period = 'month' | 'quarter' | 'year';

interface PlanValues {
  orgCode: string;
  period: Period;
  when: Dayjs;
}

/** The first and last day of the month, quarter or year holding `when`. */
export function periodRange(period: Period, when: Dayjs): { from: string; to: string } {
  if (period === 'quarter') {
    const start = when.month(Math.floor(when.month() / 3) * 3).startOf('month');
    return {
      from: start.format('YYYY-MM-DD'),
      to: start.add(2, 'month').endOf('month').format('YYYY-MM-DD'),
    };
  }
  return { from: when.startOf(period).format('YYYY-MM-DD'), to: when.endOf(period).format('YYYY-MM-DD') };
}

/** "Lập kế hoạch": plans a month, a quarter or a year for every cell under an organisation. */
export function PlanModal({
  org,
  month,
  onClose,
}: {
  org: string | undefined;
  month: Dayjs;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  const period = Form.useWatch('period', form) ?? 'month';
  const plan = useAction({
    mutationFn: (v: PlanValues) =>
      meetingCommands.plan({ orgCode: v.orgCode, ...periodRange(v.period, v.when) }),
    form,
    success: false,
    invalidate: [meetingKeys.all],
    onSuccess: (result) => {
      void message.success(t('meetings.plan.done', result));
      onClose();
    },
  });
  return (
    <FormModal<PlanValues>
      title={t('meetings.plan.title')}
      form={form}
      initialValues={{ orgCode: org, period: 'month', when: month }}
      onSubmit={(v) => plan.mutate(v)}
      onClose={onClose}
      loading={plan.isPending}
      okText={t('meetings.plan.submit')}
      testId="plan-form"
    >
      <Form.Item name="orgCode" label={t('meetings.plan.org')} rules={[rules.requiredSelect(t('orgs.name'))]}>
        <OrgSelect data-testid="plan-org" />
      </Form.Item>
      <Form.Item name="period" label={t('meetings.plan.period')}>
        <Segmented<Period>
          block
          options={(['month', 'quarter', 'year'] as const).map((p) => ({
            value: p,
            label: t(`meetings.plan.${p}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="when"
        label={t('meetings.plan.pick')}
        rules={[rules.requiredSelect(t('meetings.plan.period'))]}
      >
        <DatePicker
          picker={period}
          format={period === 'month' ? 'MM/YYYY' : period === 'year' ? 'YYYY' : undefined}
          style={{ width: '100%' }}
          allowClear={false}
        />
      </Form.Item>
      <Alert type="info" showIcon title={t('meetings.plan.help')} />
    </FormModal>
  );
}

interface CreateValues {
  orgCode: string;
  kind: MeetingKind;
  date: Dayjs;
  startTime: Dayjs;
  place?: string;
  title?: string;
  combined?: boolean;
}

/** "Thêm cuộc họp": one meeting outside the plan (extraordinary, model, or a moved thematic one). */
export function CreateMeetingModal({ org, onClose }: { org: string | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch('kind', form);
  const create = useAction({
    mutationFn: (v: CreateValues) =>
      meetingCommands.create({
        orgCode: v.orgCode,
        kind: v.kind,
        date: toIsoDay(v.date) ?? '',
        startTime: v.startTime.format('HH:mm'),
        place: v.place?.trim() || null,
        title: v.title?.trim() || null,
        combined: !!v.combined && (v.kind === 'regular' || v.kind === 'thematic'),
      }),
    form,
    success: t('meetings.create.done'),
    invalidate: [meetingKeys.all],
    onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`),
  });
  return (
    <FormModal<CreateValues>
      title={t('meetings.create.title')}
      form={form}
      initialValues={{ orgCode: org, kind: 'regular', date: dayjs(), startTime: dayjs('2000-01-01T19:30') }}
      onSubmit={(v) => create.mutate(v)}
      onClose={onClose}
      loading={create.isPending}
      testId="meeting-create-form"
    >
      <Form.Item
        name="orgCode"
        label={t('meetings.create.org')}
        rules={[rules.requiredSelect(t('meetings.create.org'))]}
      >
        <OrgSelect kinds={CELL_KINDS} data-testid="meeting-create-org" />
      </Form.Item>
      <Form.Item name="kind" label={t('meetings.create.kind')}>
        <Select<MeetingKind>
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
          data-testid="meeting-create-kind"
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('meetings.create.date')}
        rules={[rules.requiredSelect(t('common.date'))]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="startTime"
        label={t('meetings.create.startTime')}
        rules={[rules.requiredSelect(t('meetings.create.startTime'))]}
      >
        <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} needConfirm={false} />
      </Form.Item>
      <Form.Item name="place" label={t('meetings.create.place')}>
        <Input maxLength={MEETING_LIMITS.place} placeholder={t('meetings.create.placeHint')} />
      </Form.Item>
      <Form.Item name="title" label={t('meetings.create.title2')}>
        <Input maxLength={MEETING_LIMITS.title} />
      </Form.Item>
      {kind === 'regular' || kind === 'thematic' ? (
        <Form.Item name="combined" valuePropName="checked">
          <Checkbox>{t('meetings.create.combined')}</Checkbox>
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
