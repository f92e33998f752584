import { useQueryClient } from '@tanstack/react-query';
import { Button, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { useNotifyError } from '../../lib/use-action';
import { type InboxItem, inboxCommands, inboxKeys } from './api';

const PAGE = 20;

const newestFirst = (a: InboxItem, b: InboxItem) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id;

/** The notices, newest first; opening one marks it read and follows its link. */
export function InboxList({ items }: { items: InboxItem[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const [shown, setShown] = useState(PAGE);
  const open = async (item: InboxItem) => {
    if (!item.readAt) {
      try {
        await inboxCommands.read(item.id);
        await queryClient.invalidateQueries({ queryKey: inboxKeys.inbox, exact: true });
      } catch (error) {
        notifyError(error);
        return;
      }
    }
    if (!item.link) return;
    if (item.link.startsWith('/')) navigate(item.link);
    else window.location.assign(item.link);
  };
  if (items.length === 0) return <Empty description={t('inbox.empty')} />;
  const sorted = [...items].sort(newestFirst);
  return (
    <div>
      {sorted.slice(0, shown).map((item) => (
        <button
          type="button"
          key={item.id}
          className={`nn-inbox-item${item.readAt ? '' : ' nn-unread'}`}
          onClick={() => void open(item)}
          data-testid="inbox-item"
          data-id={item.id}
          data-read={item.readAt ? 'true' : 'false'}
        >
          <div className="nn-inbox-title">
            {item.readAt ? null : <span className="nn-inbox-dot" aria-hidden />}
            <span>{item.title}</span>
          </div>
          {item.body ? <div className="nn-inbox-body">{item.body}</div> : null}
          <div className="nn-inbox-when">{formatDateTime(item.createdAt)}</div>
        </button>
      ))}
      {sorted.length > shown ? (
        <div className="nn-inbox-more">
          <Button onClick={() => setShown(shown + PAGE)} data-testid="inbox-more">
            {t('inbox.more', { count: sorted.length - shown })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
