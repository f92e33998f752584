import { MessageOutlined, RightOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { useRecommendations } from './api';
import { RecCard } from './rec-card';
import { isHandler } from './roles';
import '../meetings/meetings.css';
import './recommendations.css';

/**
 * Home page: the recommendations waiting for the account (only when there are some) and the first few of
 * them. A member's own recommendations are on the member's card (features/home/member-card.tsx).
 */
export function RecommendationsHomeCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const handler = isHandler(me);
  const inbox = useRecommendations({ inbox: true }, handler);
  const items = inbox.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      className="nn-rec-home nn-rec-home-urgent"
      data-testid="home-recommendations"
      title={
        <span className="nn-rec-home-title">
          <MessageOutlined /> {t('recommendations.home.inbox', { count: items.length })}
        </span>
      }
    >
      <div className="nn-card-list">
        {items.slice(0, 3).map((r) => (
          <RecCard key={r.id} rec={r} />
        ))}
      </div>
      <Link to="/recommendations?tab=inbox" className="nn-rec-home-link" data-testid="home-rec-inbox">
        {t('recommendations.home.all')} <RightOutlined />
      </Link>
    </Card>
  );
}
