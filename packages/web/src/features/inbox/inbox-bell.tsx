import { BellOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInbox } from './api';
import './inbox.css';

/** The bell in the header: the count of unread notices (refreshed every minute), opening the inbox. */
export function InboxBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unread = useInbox().data?.unread ?? 0;
  return (
    <span className="nn-inbox-bell">
      <Button
        type="text"
        icon={<BellOutlined />}
        onClick={() => navigate('/inbox')}
        aria-label={t('inbox.bell', { count: unread })}
        title={t('inbox.bell', { count: unread })}
        data-testid="inbox-bell"
      />
      {unread > 0 ? (
        <span className="nn-inbox-count" data-testid="inbox-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </span>
  );
}
