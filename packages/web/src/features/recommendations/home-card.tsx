import { MessageOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session';
import { useRecommendations } from './api';
import { RecCard } from './rec-card';
import { isHandler } from './roles';
import '../meetings/meetings.css';
import './recommendations.css';

/**
 * Home page: the recommendations waiting for the account (only when there are some), the first few of
 * them, and for members the way to their own.
 */
export function RecommendationsHomeCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const handler = isHandler(me);
  const inbox = useRecommendations({ inbox: true }, handler);
  const items = inbox.data ?? [];
  const member = !!me.memberCode;
  if (items.length === 0 && !member) return null;
  return (
    <Card
      size="small"
      className={items.length > 0 ? 'nn-rec-home nn-rec-home-urgent' : 'nn-rec-home'}
      data-testid="home-recommendations"
      title={
        items.length > 0 ? (
          <span className="nn-rec-home-title">
            <MessageOutlined /> {t('recommendations.home.inbox', { count: items.length })}
          </span>
        ) : (
          <span>
            <MessageOutlined /> {t('recommendations.nav')}
          </span>
        )
      }
    >
      {items.length > 0 ? (
        <div className="nn-card-list">
          {items.slice(0, 3).map((r) => (
            <RecCard key={r.id} rec={r} />
          ))}
        </div>
      ) : null}
      <Flex wrap gap={16}>
        {items.length > 0 ? (
          <Link to="/recommendations?tab=inbox" className="nn-rec-home-link" data-testid="home-rec-inbox">
            {t('recommendations.home.all')} <RightOutlined />
          </Link>
        ) : null}
        {member ? (
          <Link to="/recommendations?tab=mine" className="nn-rec-home-link" data-testid="home-rec-mine">
            {t('recommendations.home.mine')} <RightOutlined />
          </Link>
        ) : null}
      </Flex>
    </Card>
  );
}
