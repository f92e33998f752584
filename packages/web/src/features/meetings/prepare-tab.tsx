import { CalendarOutlined, StopOutlined } from '@ant-design/icons';
import { MEETING_LIMITS, type MeetingDetailDto } from '@nennep/core/meetings/api-types';
import {
  Button,
  Card,
  Collapse,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Timeline,
  TimePicker,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { hhmm, weekday } from '../../components/meeting-tags';
import { MemberSelect } from '../../components/member-select';
import { DATE_FORMAT, formatDate, formatDateTime, labelFor, toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { AgendaEditor } from './agenda-editor';
import { meetingCommands, meetingKeys, useSetMeeting } from './api';
import { InviteButton } from './invite-dialog';
import { MaterialsCard } from './materials-card';
import { memberOptions, type RollCall } from './roll-call';
import type { TabProps } from './shared';
import { SoTayCard } from './so-tay-card';

interface DetailValues {
  place?: string | null;
  title?: string | null;
  chairMemberCode?: string | null;
  minuteTakerMemberCode?: string | null;
}

function DetailsCard({ meeting, record, editable, roll }: TabProps & { roll: RollCall }) {
  const { t } = useTranslation();
  const setMeeting = useSetMeeting();
  const [form] = Form.useForm<DetailValues>();
  const options = memberOptions(roll.lines, false);
  const nameOf = (code: string | null) =>
    roll.lines.find((l) => l.memberCode === code)?.fullName ?? code ?? '—';
  const save = useAction({
    mutationFn: (v: DetailValues) =>
      meetingCommands.update(meeting.id, {
        place: v.place?.trim() || null,
        title: v.title?.trim() || null,
        chairMemberCode: v.chairMemberCode ?? null,
        minuteTakerMemberCode: v.minuteTakerMemberCode ?? null,
      }),
    form,
    success: t('common.saved'),
    onSuccess: setMeeting,
  });
  const when = `${formatDate(meeting.date)} · ${hhmm(meeting.startTime)}`;
  if (!editable) {
    return (
      <Card size="small" title={t('prepare.schedule')}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'when', label: t('prepare.date'), children: when },
            { key: 'place', label: t('prepare.place'), children: meeting.place || '—' },
            { key: 'chair', label: t('prepare.chair'), children: nameOf(record.chairMemberCode) },
            { key: 'taker', label: t('prepare.minuteTaker'), children: nameOf(record.minuteTakerMemberCode) },
          ]}
        />
      </Card>
    );
  }
  return (
    <Card size="small" title={t('prepare.schedule')}>
      <div className="nn-big-text" style={{ marginBottom: 8 }}>
        <CalendarOutlined /> {weekday(meeting.date)}, {when}
      </div>
      <ScheduleActions meeting={meeting} />
      <Form<DetailValues>
        form={form}
        name="prepare"
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{
          place: meeting.place,
          title: meeting.title,
          chairMemberCode: record.chairMemberCode,
          minuteTakerMemberCode: record.minuteTakerMemberCode,
        }}
        data-testid="prepare-form"
      >
        <Form.Item name="place" label={t('prepare.place')}>
          <Input size="large" maxLength={MEETING_LIMITS.place} placeholder={t('meetings.create.placeHint')} />
        </Form.Item>
        <Form.Item name="title" label={t('prepare.title')}>
          <Input size="large" maxLength={MEETING_LIMITS.title} />
        </Form.Item>
        {(
          [
            ['chairMemberCode', t('prepare.chair'), 'prepare-chair'],
            ['minuteTakerMemberCode', t('prepare.minuteTaker'), 'prepare-minute-taker'],
          ] as const
        ).map(([name, label, testId]) => (
          <Form.Item key={name} name={name} label={label}>
            <MemberSelect
              size="large"
              allowClear
              placeholder={t('prepare.pickMember')}
              options={options}
              loading={roll.loading}
              data-testid={testId}
            />
          </Form.Item>
        ))}
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          loading={save.isPending}
          data-testid="prepare-save"
        >
          {t('prepare.saveDetails')}
        </Button>
      </Form>
    </Card>
  );
}

interface RescheduleValues {
  date: Dayjs;
  startTime: Dayjs;
  reason: string;
}

/** Invite, reschedule and cancel: only before the meeting starts. */
function ScheduleActions({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const setMeeting = useSetMeeting();
  const [open, setOpen] = useState<'reschedule' | 'cancel' | null>(null);
  const [moveForm] = Form.useForm<RescheduleValues>();
  const [cancelForm] = Form.useForm<{ reason: string }>();
  const close = () => setOpen(null);
  const move = useAction({
    mutationFn: (v: RescheduleValues) =>
      meetingCommands.reschedule(meeting.id, {
        date: toIsoDay(v.date) ?? '',
        startTime: v.startTime.format('HH:mm'),
        reason: v.reason,
      }),
    form: moveForm,
    invalidate: [meetingKeys.all],
    onSuccess: (m) => {
      setMeeting(m);
      close();
    },
  });
  const cancel = useAction({
    mutationFn: (v: { reason: string }) => meetingCommands.cancel(meeting.id, v.reason),
    form: cancelForm,
    invalidate: [meetingKeys.all],
    onSuccess: (m) => {
      setMeeting(m);
      close();
    },
  });
  if (meeting.startedAt) return null;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <InviteButton meeting={meeting} />
      <Button onClick={() => setOpen('reschedule')} data-testid="meeting-reschedule">
        {t('prepare.reschedule')}
      </Button>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen('cancel')} data-testid="meeting-cancel">
        {t('prepare.cancel')}
      </Button>
      {open === 'reschedule' ? (
        <FormModal<RescheduleValues>
          title={t('prepare.rescheduleTitle')}
          form={moveForm}
          initialValues={{
            date: dayjs(meeting.date),
            startTime: dayjs(`2000-01-01T${hhmm(meeting.startTime)}`),
          }}
          onSubmit={(v) => move.mutate(v)}
          onClose={close}
          loading={move.isPending}
          testId="reschedule-form"
        >
          <Form.Item name="date" label={t('prepare.date')} rules={[rules.requiredSelect(t('prepare.date'))]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} size="large" />
          </Form.Item>
          <Form.Item
            name="startTime"
            label={t('prepare.time')}
            rules={[rules.requiredSelect(t('prepare.time'))]}
          >
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              style={{ width: '100%' }}
              size="large"
              needConfirm={false}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('common.reason')} rules={[rules.required(t('common.reason'))]}>
            <Input.TextArea rows={2} maxLength={MEETING_LIMITS.reason} />
          </Form.Item>
        </FormModal>
      ) : null}
      {open === 'cancel' ? (
        // Not FormModal: its dismiss button reads "Hủy", too close to "Hủy cuộc họp" for this choice.
        <Modal
          open
          title={t('prepare.cancelTitle')}
          onCancel={close}
          onOk={() => cancelForm.submit()}
          okText={t('prepare.cancelOk')}
          cancelText={t('common.close')}
          okButtonProps={{ danger: true, loading: cancel.isPending, 'data-testid': 'cancel-form-ok' }}
          mask={{ closable: false }}
        >
          <Form
            form={cancelForm}
            layout="vertical"
            onFinish={(v) => cancel.mutate(v)}
            data-testid="cancel-form"
          >
            <Form.Item name="reason" label={t('common.reason')} rules={[rules.required(t('common.reason'))]}>
              <Input.TextArea rows={3} maxLength={MEETING_LIMITS.reason} />
            </Form.Item>
          </Form>
        </Modal>
      ) : null}
    </Flex>
  );
}

function HistoryCard({ record }: { record: TabProps['record'] }) {
  const { t } = useTranslation();
  if (record.history.length === 0) return null;
  return (
    <Collapse
      size="small"
      items={[
        {
          key: 'history',
          label: `${t('prepare.history')} (${record.history.length})`,
          children: (
            <Timeline
              items={record.history.map((h, i) => ({
                key: `${h.at}-${i}`,
                content: (
                  <div>
                    <div className="nn-muted" style={{ fontSize: 12 }}>
                      {formatDateTime(h.at)}
                      {h.actorName ? ` · ${h.actorName}` : ''}
                    </div>
                    <div>{labelFor(`meetingEvents.${h.kind}`, h.kind)}</div>
                    {typeof h.data?.reason === 'string' ? (
                      <div className="nn-muted">{h.data.reason}</div>
                    ) : null}
                  </div>
                ),
              }))}
            />
          ),
        },
      ]}
    />
  );
}

/** "Chuẩn bị": time, place, chair and minute-taker, agenda, materials, the Sổ tay package, reschedule or cancel. */
export function PrepareTab(props: TabProps & { roll: RollCall }) {
  return (
    <div className="nn-stack">
      <DetailsCard {...props} />
      <AgendaEditor
        meeting={props.meeting}
        editable={props.editable}
        opinionCount={props.record.opinions.length}
      />
      <MaterialsCard meeting={props.meeting} editable={props.editable} />
      <SoTayCard meeting={props.meeting} />
      <HistoryCard record={props.record} />
    </div>
  );
}
