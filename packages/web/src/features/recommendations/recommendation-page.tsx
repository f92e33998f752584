import { CalendarOutlined, CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Card, Descriptions, Flex, Result, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LinkButton } from '../../components/link-button';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate, formatDateTime } from '../../lib/format';
import { useIsMobile } from '../../lib/use-mobile';
import { useCurrentUser } from '../auth/session';
import { OPEN_RECOMMENDATION_STATUSES, type RecommendationDetailDto, useRecommendation } from './api';
import { RecActions } from './recommendation-actions';
import { categoryText, DueText, RecLevelTag, RecStatusTag } from './recommendation-tags';
import { RecAttachments, RecTimeline } from './recommendation-timeline';
import { isCommitteeStaff } from './roles';
import '../meetings/meetings.css';
import './recommendations.css';

function SourceLink({ rec }: { rec: RecommendationDetailDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const text = t(`recSource.${rec.source}`);
  if (rec.meetingId) return <Link to={`/meetings/${rec.meetingId}`}>{text}</Link>;
  // The visit's page is the committee's and the visitor's; others read the source only.
  if (rec.visitId && isCommitteeStaff(me))
    return <Link to={`/supervision/visits/${rec.visitId}`}>{text}</Link>;
  return <>{text}</>;
}

function Header({ rec }: { rec: RecommendationDetailDto }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const f = (key: 'cell' | 'raisedBy' | 'category' | 'source' | 'handler' | 'due') =>
    t(`recommendations.fields.${key}`);
  return (
    <Card size="small" data-testid="rec-header" data-id={rec.id} data-status={rec.status}>
      <div className="nn-rec-text" data-testid="rec-text">
        {rec.text}
      </div>
      <Flex wrap gap={4} align="center" className="nn-rec-tags">
        <RecStatusTag status={rec.status} />
        <RecLevelTag level={rec.level} />
        {rec.overdue ? <DueText rec={rec} /> : null}
        {rec.escalations > 0 ? (
          <Tag color="red">{t('recommendations.escalations', { count: rec.escalations })}</Tag>
        ) : null}
      </Flex>
      <Descriptions
        size="small"
        column={isMobile ? 1 : 2}
        style={{ marginTop: 8 }}
        items={[
          { key: 'cell', label: f('cell'), children: rec.cellName },
          {
            key: 'raisedBy',
            label: f('raisedBy'),
            children: `${rec.raisedBy}, ${formatDate(rec.raisedOn)}`,
          },
          { key: 'category', label: f('category'), children: categoryText(rec) },
          { key: 'source', label: f('source'), children: <SourceLink rec={rec} /> },
          {
            key: 'handler',
            label: OPEN_RECOMMENDATION_STATUSES.includes(rec.status)
              ? f('handler')
              : t('recommendations.fields.handledBy'),
            children: (
              <span data-testid="rec-handler" data-code={rec.handlerCode}>
                {rec.handlerName}
                {rec.outsideBody ? (
                  <div className="nn-muted">
                    {t('recommendations.detail.outsideBody', { name: rec.outsideBody })}
                  </div>
                ) : null}
              </span>
            ),
          },
          ...(rec.dueDate ? [{ key: 'due', label: f('due'), children: <DueText rec={rec} plain /> }] : []),
        ]}
      />
      {rec.mergedIntoId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={
            <Link to={`/recommendations/${rec.mergedIntoId}`}>
              {t('recommendations.detail.mergedInto', { id: rec.mergedIntoId })}
            </Link>
          }
        />
      ) : null}
      {rec.status === 'declined' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('recommendations.detail.declinedReason')}
          description={<div className="nn-pre">{rec.declinedReason}</div>}
          data-testid="rec-declined"
        />
      ) : null}
    </Card>
  );
}

/** The answer, who gave it, and where it is (or was) given back to the cell's members. */
function AnswerCard({ rec }: { rec: RecommendationDetailDto }) {
  const { t } = useTranslation();
  if (!rec.answer) return null;
  const back = rec.reportedBackAt ? (
    <Alert
      type="success"
      showIcon
      icon={<CheckCircleOutlined />}
      data-testid="rec-reported-back"
      title={t('recommendations.detail.reportedBack', { at: formatDateTime(rec.reportedBackAt) })}
    />
  ) : rec.answerGiven ? (
    <Alert type="success" showIcon title={t('recommendations.detail.answerGiven')} />
  ) : (
    <Alert
      type="info"
      showIcon
      icon={<ClockCircleOutlined />}
      title={
        rec.answerMeetingId
          ? t('recommendations.detail.answerPlanned')
          : t('recommendations.detail.answerWaiting')
      }
    />
  );
  return (
    <Card size="small" title={t('recommendations.detail.answer')} data-testid="rec-answer">
      <div className="nn-rec-answer" data-testid="rec-answer-text">
        {rec.answer}
      </div>
      <div className="nn-muted nn-small" style={{ margin: '6px 0 12px' }}>
        {t('recommendations.detail.answeredBy', {
          by: rec.answeredBy ?? '',
          at: formatDateTime(rec.answeredAt),
        })}
      </div>
      {back}
      {rec.answerMeetingId ? (
        <LinkButton
          to={`/meetings/${rec.answerMeetingId}?tab=conduct`}
          icon={<CalendarOutlined />}
          style={{ marginTop: 8 }}
          data-testid="rec-answer-meeting"
        >
          {t('recommendations.detail.openMeeting')}
        </LinkButton>
      ) : null}
    </Card>
  );
}

function RecommendationBody({ rec }: { rec: RecommendationDetailDto }) {
  return (
    <div className="nn-stack">
      <Header rec={rec} />
      <AnswerCard rec={rec} />
      <RecActions rec={rec} />
      <RecAttachments rec={rec} />
      <RecTimeline rec={rec} />
    </div>
  );
}

/** `/recommendations/:id`: where a recommendation stands, its answer, its history, and the next step. */
export function RecommendationPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const rec = useRecommendation(id);
  if (!(Number.isInteger(id) && id > 0)) return <Result status="404" title={t('common.notFound')} />;
  return (
    <>
      <Breadcrumb
        items={[{ key: 'list', title: <Link to="/recommendations">{t('recommendations.nav')}</Link> }]}
      />
      <PageHeader title={t('recommendations.detail.title', { id })} sub={rec.data?.cellName} />
      <QueryState query={rec}>{(data) => <RecommendationBody rec={data} />}</QueryState>
    </>
  );
}
