import { ClockCircleOutlined, PlayCircleOutlined, PoweroffOutlined } from '@ant-design/icons';
import { MEETING_LIMITS, type MeetingDetailDto } from '@nennep/core/meetings/api-types';
import type { RuleSetContent } from '@nennep/core/rule-set-content';
import { Button, Card, DatePicker, Form, Input, Modal, Progress } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueuedWrites } from '../../lib/offline/queue';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { MeetingDuesCard } from '../dues/meeting-dues-card';
import { meetingCommands, meetingKeys, meetingWrites, useMeetingRules } from './api';
import { ItemConclusionsCard } from './item-conclusions';
import { meetingScope } from './offline-overlay';
import { OpinionsCard } from './opinions-card';
import { PassOnMeetingCard } from './pass-on-card';
import { useEnqueueMeetingWrite } from './queued';
import { MeetingAnswersCard, MeetingRecommendationsCard } from './recommendations-card';
import type { RollCall } from './roll-call';
import { type TabProps, useNow } from './shared';
import { TasksCard } from './tasks-card';

/** The rule set's minimum for this meeting, for display only (the score reads the server's). */
function minimumOf(rules: RuleSetContent | undefined, meeting: MeetingDetailDto): number | null {
  if (!rules) return null;
  const m = rules.minDurationMinutes;
  if (meeting.combined && (meeting.kind === 'regular' || meeting.kind === 'thematic')) return m.combined;
  if (meeting.kind === 'regular' || meeting.kind === 'model') return m.regular;
  if (meeting.kind === 'thematic') return m.thematic;
  return m.other;
}

/** Start and end with one tap; "Nhập giờ khác" records a time already past (forgotten tap). */
function ClockCard({ meeting, editable }: { meeting: MeetingDetailDto; editable: boolean }) {
  const { t } = useTranslation();
  const now = useNow(10_000);
  const rules = useMeetingRules(meeting.orgCode, meeting.date);
  const minimum = minimumOf(rules.data?.content, meeting);
  const [other, setOther] = useState<'start' | 'end' | null>(null);
  const [at, setAt] = useState<Dayjs>(dayjs());
  const [saving, setSaving] = useState(false);
  const enqueue = useEnqueueMeetingWrite(meeting.id);
  const queue = useQueuedWrites(meetingScope(meeting.id));
  // With a network, the tap shows once the server has it (queued.ts): the button waits meanwhile.
  const waiting = saving || (queue.online && queue.pending.some((w) => w.kind === 'clock'));
  // The tap is kept on the device with its time (issue 18): sent later, it still records when it happened.
  const clock = async (which: 'start' | 'end', chosen?: Dayjs) => {
    setSaving(true);
    const when = chosen ?? dayjs();
    const label = t(which === 'start' ? 'meetingOffline.labelStart' : 'meetingOffline.labelEnd', {
      time: when.format('HH:mm DD/MM/YYYY'),
    });
    const kept = await enqueue(meetingWrites.clock(meeting.id, which, when.toISOString()), label);
    setSaving(false);
    if (kept) setOther(null);
  };
  // A time on another day than the meeting's (a forgotten tap, corrected later) shows its date too.
  const fmt = (d: Dayjs) =>
    d.isSame(dayjs(meeting.date), 'day') ? d.format('HH:mm') : d.format('HH:mm DD/MM/YYYY');
  const started = meeting.startedAt ? dayjs(meeting.startedAt) : null;
  const ended = meeting.endedAt ? dayjs(meeting.endedAt) : null;
  const minutes = started ? (ended ?? now).diff(started, 'minute') : 0;
  const next: 'start' | 'end' | null = !started ? 'start' : !ended ? 'end' : null;
  const openOther = (which: 'start' | 'end') => {
    setAt(which === 'start' ? dayjs(`${meeting.date}T${meeting.startTime.slice(0, 5)}`) : dayjs());
    setOther(which);
  };
  return (
    <Card
      size="small"
      title={
        <>
          <ClockCircleOutlined /> {t('clock.title')}
        </>
      }
    >
      <div className="nn-clock" data-testid="clock">
        {started ? (
          <div className="nn-big-text">{t('clock.startedAt', { time: fmt(started) })}</div>
        ) : (
          <div className="nn-big-text">{t('clock.now', { time: now.format('HH:mm') })}</div>
        )}
        {ended ? <div className="nn-big-text">{t('clock.endedAt', { time: fmt(ended) })}</div> : null}
        {started ? (
          <div data-testid="clock-duration">
            {t('clock.duration', { minutes })}
            {minimum ? <span className="nn-muted"> · {t('clock.minimum', { minutes: minimum })}</span> : null}
            {minimum ? (
              <Progress
                aria-label={t('clock.minimum', { minutes: minimum })}
                percent={Math.min(100, Math.round((minutes * 100) / minimum))}
                status={minutes >= minimum ? 'success' : ended ? 'exception' : 'active'}
                showInfo={false}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      {editable ? (
        <div style={{ marginTop: 12 }}>
          {next === 'start' ? (
            <Button
              type="primary"
              size="large"
              block
              className="nn-huge-btn"
              icon={<PlayCircleOutlined />}
              loading={waiting}
              onClick={() => void clock('start')}
              data-testid="clock-start"
            >
              {t('clock.start')} ({now.format('HH:mm')})
            </Button>
          ) : null}
          {next === 'end' ? (
            <Button
              danger
              type="primary"
              size="large"
              block
              className="nn-huge-btn"
              icon={<PoweroffOutlined />}
              loading={waiting}
              onClick={() => void clock('end')}
              data-testid="clock-end"
            >
              {t('clock.end')} ({now.format('HH:mm')})
            </Button>
          ) : null}
          <Button type="link" onClick={() => openOther(next ?? 'end')} data-testid="clock-other">
            {t('clock.otherTime')}
          </Button>
        </div>
      ) : null}
      {other ? (
        <Modal
          open
          title={`${t(other === 'start' ? 'clock.start' : 'clock.end')} — ${t('clock.otherTimeTitle')}`}
          onCancel={() => setOther(null)}
          onOk={() => void clock(other, at)}
          okButtonProps={{ loading: waiting, size: 'large' }}
          cancelButtonProps={{ size: 'large' }}
          okText={t('common.save')}
          cancelText={t('common.cancel')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="DD/MM/YYYY HH:mm"
            value={at}
            allowClear={false}
            needConfirm={false}
            size="large"
            style={{ width: '100%' }}
            onChange={(value) => value && setAt(value)}
          />
        </Modal>
      ) : null}
    </Card>
  );
}

function ConclusionCard({ meeting, record, editable }: TabProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ text: string }>();
  const save = useAction({
    mutationFn: (v: { text: string }) => meetingCommands.conclusion(meeting.id, v.text.trim()),
    form,
    success: t('common.saved'),
    invalidate: [meetingKeys.detail(meeting.id)],
  });
  return (
    <Card size="small" title={t('conclusion.title')}>
      {editable ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          initialValues={{ text: record.conclusion ?? '' }}
          data-testid="conclusion-form"
        >
          <Form.Item name="text" rules={[rules.required(t('conclusion.title'))]}>
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 16 }}
              maxLength={MEETING_LIMITS.conclusion}
              placeholder={t('conclusion.placeholder')}
              aria-label={t('conclusion.title')}
              data-testid="conclusion-text"
            />
          </Form.Item>
          <Button
            size="large"
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid="conclusion-save"
          >
            {t('conclusion.save')}
          </Button>
        </Form>
      ) : (
        <div className="nn-pre">
          {record.conclusion || <span className="nn-muted">{t('conclusion.empty')}</span>}
        </div>
      )}
    </Card>
  );
}

/**
 * "Diễn biến": the clock, the opinions, the chair's conclusion on each item, the recommendations and
 * answers, the tasks and the overall conclusion.
 */
export function ConductTab(props: TabProps & { roll: RollCall }) {
  return (
    <div className="nn-stack">
      <ClockCard meeting={props.meeting} editable={props.editable} />
      <OpinionsCard {...props} />
      <ItemConclusionsCard meeting={props.meeting} editable={props.editable} />
      <MeetingRecommendationsCard meeting={props.meeting} editable={props.editable} roll={props.roll} />
      <MeetingAnswersCard meeting={props.meeting} editable={props.editable} />
      <PassOnMeetingCard meeting={props.meeting} editable={props.editable} roll={props.roll} />
      <MeetingDuesCard meeting={props.meeting} editable={props.editable} />
      <TasksCard {...props} />
      <ConclusionCard {...props} />
    </div>
  );
}
