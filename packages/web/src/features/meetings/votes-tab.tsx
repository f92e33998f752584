import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import {
  MEETING_LIMITS,
  type MeetingDetailDto,
  type MeetingRecordDto,
} from '@nennep/core/meetings/api-types';
import { VOTE_SUBJECTS, type VoteOutcome, type VoteSubject } from '@nennep/core/meetings/types';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, Select, Tag } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { MemberSelect } from '../../components/member-select';
import { formatDate } from '../../lib/format';
import type { QueuedWrite } from '../../lib/offline/queue';
import { useRules } from '../../lib/rules';
import { meetingWrites, type VoteAnswer } from './api';
import { DeleteItemButton } from './delete-item';
import { isPendingRow } from './offline-overlay';
import { useEnqueueMeetingWrite, useWriteAnswer } from './queued';
import { RecognitionNote } from './recognition-note';
import { memberOptions, type RollCall, votingPresent } from './roll-call';
import type { TabProps } from './shared';
import { canEdit } from './shared';
import { VoteCountFields } from './vote-counts';

interface VoteValues {
  subject: VoteSubject;
  text: string;
  memberCode?: string;
  for: number;
  against: number;
  abstain: number;
}

/** Subjects about one member: recognition and exemption name a member of the cell (admission does not). */
const ABOUT_MEMBER: VoteSubject[] = ['recognition', 'exemption'];

/**
 * Official members of the cell present and not suspended: the most votes that can be cast (not the base,
 * which is the server's). Members attending temporarily vote in their home cell (QĐ 24-QĐ/TW point 9.3.2).
 */
export const presentOfficial = (roll: RollCall) => votingPresent(roll.lines);

export function OutcomeAlert({ outcome }: { outcome: VoteOutcome }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={outcome.passed ? 'success' : 'error'}
      showIcon
      data-testid="vote-outcome"
      data-passed={outcome.passed}
      title={outcome.statement[currentLang()]}
      description={t('votes.eligible', { eligible: outcome.eligible, needed: outcome.needed })}
    />
  );
}

function VoteForm({ meeting, record, roll }: TabProps & { roll: RollCall }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<VoteValues>();
  const subject = Form.useWatch('subject', form) ?? 'resolution';
  const memberCode = Form.useWatch('memberCode', form);
  const probation =
    subject === 'recognition' ? record.probation.find((p) => p.memberCode === memberCode) : undefined;
  const [outcome, setOutcome] = useState<VoteOutcome | null>(null);
  /** The key of the vote last entered here: its outcome shows once the server has answered. */
  const [waiting, setWaiting] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const enqueue = useEnqueueMeetingWrite(meeting.id);
  const onAnswer = useCallback(
    (write: QueuedWrite, answer: unknown) => {
      if (write.key !== waiting) return;
      setWaiting(null);
      const result = answer as VoteAnswer | undefined;
      if (result?.outcome) setOutcome(result.outcome);
    },
    [waiting],
  );
  useWriteAnswer(onAnswer);
  const most = presentOfficial(roll);
  // The roll call may arrive after the form: suggest "all present in favour" until the user changes it.
  useEffect(() => {
    if (!form.isFieldTouched('for')) form.setFieldsValue({ for: most });
  }, [form, most]);
  const textFor = (s: VoteSubject) =>
    t(`votes.defaultText.${s}`, { month: dayjs(meeting.date).format('MM/YYYY') });
  // Kept on the device and sent in order (issue 18); the outcome is the server's, shown once it answers.
  const enter = async (v: VoteValues, confirmEarly?: boolean) => {
    setSaving(true);
    setOutcome(null);
    const text = v.text.trim();
    const write = meetingWrites.vote(meeting.id, {
      confirmEarly,
      subject: v.subject,
      text,
      memberCode: ABOUT_MEMBER.includes(v.subject) ? (v.memberCode ?? null) : null,
      for: v.for,
      against: v.against,
      abstain: v.abstain,
    });
    const kept = await enqueue(write, t('meetingOffline.labelVote', { text }));
    setSaving(false);
    setWaiting(kept?.key ?? null);
  };
  // Before the twelve months of probation end (Điều lệ Đảng art. 5) the secretary confirms that the cell
  // votes all the same, or stops: asked here, since the answer may come only once the network returns.
  const onFinish = (v: VoteValues) => {
    const line =
      v.subject === 'recognition' ? record.probation.find((p) => p.memberCode === v.memberCode) : undefined;
    if (!line?.early) {
      void enter(v);
      return;
    }
    modal.confirm({
      title: t('votes.earlyTitle'),
      content: t('votes.early', { ends: formatDate(line.probationEnds) }),
      okText: t('votes.recordAnyway'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'vote-early-confirm' },
      onOk: () => enter(v, true),
    });
  };
  const onSubject = (next: VoteSubject) => {
    const text = form.getFieldValue('text') as string | undefined;
    // Replace the wording only while it is still the suggestion for the previous subject.
    if (!text || VOTE_SUBJECTS.some((s) => textFor(s) === text)) form.setFieldsValue({ text: textFor(next) });
    setOutcome(null);
  };
  return (
    <Card size="small" title={t('votes.title')}>
      <Form<VoteValues>
        form={form}
        name="vote"
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => setOutcome(null)}
        initialValues={{
          subject: 'resolution',
          text: textFor('resolution'),
          for: most,
          against: 0,
          abstain: 0,
        }}
        data-testid="vote-form"
      >
        <Form.Item name="subject" label={t('votes.subject')}>
          <Select<VoteSubject>
            size="large"
            onChange={onSubject}
            options={VOTE_SUBJECTS.map((s) => ({ value: s, label: t(`voteSubject.${s}`) }))}
            data-testid="vote-subject"
          />
        </Form.Item>
        <Form.Item name="text" label={t('votes.text')} rules={[rules.required(t('votes.text'))]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={MEETING_LIMITS.vote}
            data-testid="vote-text"
          />
        </Form.Item>
        {ABOUT_MEMBER.includes(subject) ? (
          <Form.Item
            name="memberCode"
            label={t('votes.member')}
            rules={[rules.requiredSelect(t('votes.member'))]}
          >
            <MemberSelect
              size="large"
              options={memberOptions(
                // About the cell's own members: one attending temporarily is decided on in the home cell.
                (subject === 'recognition'
                  ? roll.lines.filter((l) => l.memberStatus === 'probationary')
                  : roll.lines
                ).filter((l) => !l.attachedHere),
              )}
              data-testid="vote-member"
            />
          </Form.Item>
        ) : null}
        <RecognitionNote line={probation} />
        <div className="nn-muted" style={{ marginBottom: 8 }} data-testid="vote-present-official">
          {t('votes.presentOfficial', { count: most })}
        </div>
        <VoteCountFields testIdPrefix="vote" />
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={saving}
          data-testid="vote-submit"
        >
          {t('votes.submit')}
        </Button>
      </Form>
      {outcome ? (
        <div style={{ marginTop: 12 }}>
          <OutcomeAlert outcome={outcome} />
        </div>
      ) : waiting ? (
        <div className="nn-muted" style={{ marginTop: 12 }} data-testid="vote-outcome-pending">
          {t('meetingOffline.outcomePending')}
        </div>
      ) : null}
    </Card>
  );
}

function VoteList({ meeting, record }: { meeting: MeetingDetailDto; record: MeetingRecordDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('votes.recorded')}>
      {record.votes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('votes.empty')} />
      ) : (
        <div className="nn-card-list" data-testid="vote-list">
          {record.votes.map((v) => (
            <div
              key={v.id}
              className="nn-vote"
              data-testid="vote-row"
              data-unsent={isPendingRow(v) || undefined}
            >
              <Flex justify="space-between" align="start" gap={4}>
                <Flex wrap gap={4} align="center">
                  <Tag>{t(`voteSubject.${v.subject}`)}</Tag>
                  {isPendingRow(v) ? (
                    <Tag color="orange" data-testid="unsent-tag">
                      {t('meetingOffline.notSent')}
                    </Tag>
                  ) : v.passed ? (
                    <Tag color="green" icon={<CheckCircleFilled />}>
                      {t('votes.passed')}
                    </Tag>
                  ) : (
                    <Tag color="red" icon={<CloseCircleFilled />}>
                      {t('votes.failed')}
                    </Tag>
                  )}
                </Flex>
                {canEdit(meeting) && !isPendingRow(v) ? (
                  <DeleteItemButton meetingId={meeting.id} kind="votes" itemId={v.id} />
                ) : null}
              </Flex>
              <div>
                {v.text}
                {v.member ? <strong> — {v.member}</strong> : null}
              </div>
              <div className="nn-muted">
                {isPendingRow(v) ? t('meetingOffline.outcomePending') : v.statement[currentLang()]}
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

/** "Biểu quyết": resolution, recognition, admission, exemption; the outcome as the server states it. */
export function VotesTab(props: TabProps & { roll: RollCall }) {
  return (
    <div className="nn-stack">
      {props.editable ? <VoteForm {...props} /> : null}
      <VoteList meeting={props.meeting} record={props.record} />
    </div>
  );
}
