import { RightOutlined } from '@ant-design/icons';
import { Card, Empty } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyVisits } from './api';
import { MyVisitCard } from './visit-tags';
import '../meetings/meetings.css';
import './supervision.css';

/** Home page: a visitor's next visits, big and first, with the way to all of them. */
export function UpcomingVisitsCard({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const { t } = useTranslation();
  const visits = useMyVisits();
  const today = dayjs().format('YYYY-MM-DD');
  const items = visits.data?.items ?? [];
  // Still to do first: open visits (to report, or coming), soonest first.
  const open = items.filter((v) => v.status === 'planned' || v.status === 'checked_in');
  const next = [...open.filter((v) => v.date <= today), ...open.filter((v) => v.date > today)].slice(0, 3);
  if (hideWhenEmpty && (visits.isPending || items.length === 0)) return null;
  return (
    <Card
      size="small"
      className="nn-upcoming"
      data-testid="home-upcoming-visits"
      title={<span className="nn-upcoming-title">{t('supervision.upcoming.title')}</span>}
      loading={visits.isPending}
    >
      {next.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.upcoming.none')} />
      ) : (
        <div className="nn-card-list">
          {next.map((v) => (
            <MyVisitCard key={v.id} visit={v} />
          ))}
        </div>
      )}
      <Link to="/supervision/my-visits" className="nn-upcoming-all" data-testid="home-my-visits">
        {t('supervision.upcoming.all')} <RightOutlined />
      </Link>
    </Card>
  );
}
