import { SendOutlined } from '@ant-design/icons';
import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Empty, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MemberSelect } from '../../components/member-select';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import {
  categoryOptions,
  type MeetingRecommendations,
  type RecommendationDto,
  recommendationCommands,
  recommendationKeys,
  useCategories,
  useMeetingRecommendations,
} from '../recommendations/api';
import { categoryText, RecLevelTag, RecStatusTag } from '../recommendations/recommendation-tags';
import { meetingKeys } from './api';
import { memberOptions, type RollCall } from './roll-call';
import '../recommendations/recommendations.css';
import { RECOMMENDATION_LIMITS } from '@nennep/core/recommendations/limits';

/** The chair raises it when no member is named: the select's value for "nobody". */
const CHAIR = '__chair';

interface RaiseValues {
  memberCode: string;
  category: string;
  text: string;
}

function RaiseForm({ meeting, roll }: { meeting: MeetingDetailDto; roll: RollCall }) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RaiseValues>();
  const categories = useCategories(meeting.orgCode, meeting.date);
  const raise = useAction({
    mutationFn: (v: RaiseValues) =>
      recommendationCommands.raiseInMeeting(meeting.id, {
        text: v.text.trim(),
        category: v.category,
        memberCode: v.memberCode === CHAIR ? null : v.memberCode,
      }),
    form,
    success: t('recommendations.meeting.saved'),
    invalidate: [recommendationKeys.lists],
    onSuccess: (answer) => {
      queryClient.setQueryData(recommendationKeys.meeting(meeting.id), answer);
      form.resetFields(['text']);
    },
  });
  const members = memberOptions(roll.lines.filter((l) => l.status !== 'attached_elsewhere'));
  const who = t('recommendations.meeting.member');
  const category = t('recommendations.fields.category');
  const text = t('recommendations.fields.text');
  return (
    <Form<RaiseValues>
      form={form}
      name="recommendation"
      layout="vertical"
      onFinish={(v) => raise.mutate(v)}
      initialValues={{ memberCode: CHAIR, category: 'other' }}
      data-testid="rec-raise-form"
    >
      <Form.Item name="memberCode" label={who} rules={[rules.requiredSelect(who)]}>
        <MemberSelect
          size="large"
          options={[{ value: CHAIR, label: t('recommendations.meeting.chair') }, ...members]}
          data-testid="rec-raise-member"
        />
      </Form.Item>
      <Form.Item name="category" label={category} rules={[rules.requiredSelect(category)]}>
        <Select size="large" options={categoryOptions(categories)} data-testid="rec-raise-category" />
      </Form.Item>
      <Form.Item name="text" label={text} rules={[rules.required(text)]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={RECOMMENDATION_LIMITS.text}
          data-testid="rec-raise-text"
        />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        icon={<SendOutlined />}
        loading={raise.isPending}
        block
        data-testid="rec-raise-submit"
      >
        {t('recommendations.meeting.submit')}
      </Button>
    </Form>
  );
}

function RaisedRow({ rec }: { rec: RecommendationDto }) {
  return (
    <div className="nn-opinion" data-testid="meeting-rec" data-id={rec.id}>
      <div>
        <strong>{rec.raisedBy}:</strong> <Link to={`/recommendations/${rec.id}`}>{rec.text}</Link>
      </div>
      <Flex wrap gap={4} align="center" className="nn-small">
        <span className="nn-muted">{categoryText(rec)}</span>
        <RecStatusTag status={rec.status} />
        <RecLevelTag level={rec.level} />
      </Flex>
    </div>
  );
}

/** "Kiến nghị của đảng viên": those raised at this meeting, and (while it runs) the form to raise one. */
export function MeetingRecommendationsCard({
  meeting,
  editable,
  roll,
}: {
  meeting: MeetingDetailDto;
  editable: boolean;
  roll: RollCall;
}) {
  const { t } = useTranslation();
  const list = useMeetingRecommendations(meeting.id);
  const raised = list.data?.raised ?? [];
  return (
    <Card size="small" title={t('recommendations.meeting.title')} data-testid="meeting-recs">
      {editable ? <RaiseForm meeting={meeting} roll={roll} /> : null}
      <div style={{ marginTop: editable ? 16 : 0 }} data-testid="meeting-rec-list">
        {list.isPending ? null : raised.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommendations.meeting.empty')} />
        ) : (
          raised.map((r) => <RaisedRow key={r.id} rec={r} />)
        )}
      </div>
    </Card>
  );
}

function AnswerRow({
  meeting,
  rec,
  editable,
}: {
  meeting: MeetingDetailDto;
  rec: RecommendationDto;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const given = useAction({
    mutationFn: (value: boolean) => recommendationCommands.answerGiven(meeting.id, rec.id, value),
    success: t('common.saved'),
    invalidate: [recommendationKeys.detail(rec.id), recommendationKeys.lists, meetingKeys.detail(meeting.id)],
    onSuccess: (answer: MeetingRecommendations) =>
      queryClient.setQueryData(recommendationKeys.meeting(meeting.id), answer),
  });
  return (
    <div className="nn-opinion" data-testid="meeting-answer" data-id={rec.id} data-given={rec.answerGiven}>
      <div>
        <Link to={`/recommendations/${rec.id}`}>{rec.text}</Link>
        <span className="nn-muted nn-small">
          {' '}
          — {rec.raisedBy}, {rec.cellName}
        </span>
      </div>
      <div className="nn-muted nn-small" style={{ marginTop: 4 }}>
        {t('recommendations.meeting.answerOf', { name: rec.handlerName })}
        {rec.answeredBy ? ` · ${rec.answeredBy}` : ''}:
      </div>
      <div className="nn-rec-answer" data-testid="meeting-answer-text">
        {rec.answer}
      </div>
      <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
        <Checkbox
          checked={rec.answerGiven}
          disabled={!editable || given.isPending || rec.status !== 'answered'}
          onChange={(e) => given.mutate(e.target.checked)}
          className="nn-rec-given"
          data-testid="meeting-answer-given"
        >
          {t('recommendations.meeting.given')}
        </Checkbox>
        {rec.status === 'reported_back' ? <RecStatusTag status={rec.status} /> : null}
      </Flex>
    </div>
  );
}

/**
 * "Trả lời kiến nghị cần thông báo": the answers this meeting gives back to the members, each ticked
 * when read out. Shown only when there are some.
 */
export function MeetingAnswersCard({ meeting, editable }: { meeting: MeetingDetailDto; editable: boolean }) {
  const { t } = useTranslation();
  const list = useMeetingRecommendations(meeting.id);
  const toAnswer = list.data?.toAnswer ?? [];
  if (toAnswer.length === 0) return null;
  return (
    <Card size="small" title={t('recommendations.meeting.answersTitle')} data-testid="meeting-answers">
      {editable ? (
        <p className="nn-muted" style={{ marginTop: 0 }}>
          {t('recommendations.meeting.answersHelp')}
        </p>
      ) : null}
      {toAnswer.map((r) => (
        <AnswerRow key={r.id} meeting={meeting} rec={r} editable={editable} />
      ))}
    </Card>
  );
}
