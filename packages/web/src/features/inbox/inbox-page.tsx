import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { LoadError } from '../../components/query-state';
import { useInbox } from './api';
import { CalendarFeedsCard } from './calendar-feeds-card';
import { InboxList } from './inbox-list';
import { MyTasksCard } from './my-tasks-card';
import './inbox.css';

/** The account's notices, the member's own tasks and the calendar links for a phone. */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        sub={inbox.data ? t('inbox.unread', { count: inbox.data.unread }) : undefined}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" loading={inbox.isPending} styles={{ body: { padding: 0 } }}>
            {inbox.error && !inbox.data ? (
              <LoadError error={inbox.error} onRetry={() => void inbox.refetch()} />
            ) : (
              <InboxList items={inbox.data?.items ?? []} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <div className="nn-stack">
            <MyTasksCard />
            <CalendarFeedsCard />
          </div>
        </Col>
      </Row>
    </>
  );
}
