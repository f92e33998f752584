import { ArrowLeftOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { type SessionStatus, type ThematicSessionDto, useThematicSession } from './session-api';
import { SessionCommentsCard } from './session-comments-card';
import { SessionPapersCard } from './session-papers-card';
import { SessionResolutionCard } from './session-resolution-card';

const COLORS: Record<SessionStatus, string> = { preparing: 'blue', consulting: 'gold', issued: 'green' };

function SessionView({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={<span style={{ overflowWrap: 'anywhere' }}>{session.title}</span>}
        sub={
          <Flex vertical gap={2}>
            <Flex wrap gap={4}>
              <Link to={`/thematic?org=${encodeURIComponent(session.orgCode)}&year=${session.year}`}>
                <ArrowLeftOutlined /> {session.orgName}
              </Link>
              <Typography.Text type="secondary">
                · {t('thematicSession.quarterOf', { quarter: session.quarter, year: session.year })}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary">
              {t('thematicSession.when', {
                time: session.time,
                date: formatDate(session.date),
                place: session.place,
              })}
            </Typography.Text>
            {session.topicTitle ? (
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {t('thematicSession.topic', { title: session.topicTitle })}
              </Typography.Text>
            ) : null}
            <span>
              <Tag color={COLORS[session.status]} data-testid="session-status" data-status={session.status}>
                {t(`thematicSession.status.${session.status}`)}
              </Tag>
            </span>
          </Flex>
        }
      />
      <Flex vertical gap={12}>
        <SessionPapersCard session={session} />
        <SessionResolutionCard session={session} />
        <SessionCommentsCard session={session} />
      </Flex>
    </>
  );
}

/**
 * The committee-wide thematic session (seed 004; issue 17 item 1): each cell's paper and where it stands; the
 * committee's draft resolution sent to every member for comments (on a phone), then issued and passed on.
 */
export function ThematicSessionPage() {
  const id = Number(useParams().id);
  const query = useThematicSession(id);
  return <QueryState query={query}>{(session) => <SessionView session={session} />}</QueryState>;
}
