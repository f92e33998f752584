import { CalendarOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/org-select';
import { LoadError } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { type CalendarFeed, inboxCommands, inboxKeys, useCalendarFeeds } from './api';

const fullUrl = (feed: Pick<CalendarFeed, 'url'>) => `${window.location.origin}${feed.url}`;

/** "Lịch trên điện thoại": secret ICS links to subscribe to in a phone's calendar. */
export function CalendarFeedsCard() {
  const { t } = useTranslation();
  const feeds = useCalendarFeeds();
  const [org, setOrg] = useState<string | undefined>();
  const create = useAction({
    mutationFn: inboxCommands.createFeed,
    success: t('feeds.created'),
    invalidate: [inboxKeys.feeds],
  });
  const remove = useAction({
    mutationFn: inboxCommands.deleteFeed,
    success: t('feeds.deleted'),
    invalidate: [inboxKeys.feeds],
  });
  const items = feeds.data ?? [];
  return (
    <Card
      size="small"
      title={
        <span>
          <CalendarOutlined /> {t('feeds.title')}
        </span>
      }
    >
      <Alert type="info" showIcon title={t('feeds.hint')} style={{ marginBottom: 12 }} />
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        <div style={{ flex: '1 1 200px', minWidth: 0 }}>
          <OrgSelect
            value={org}
            onChange={setOrg}
            placeholder={t('feeds.scopePlaceholder')}
            data-testid="feed-org"
          />
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          loading={create.isPending}
          onClick={() => create.mutate(org)}
          data-testid="feed-create"
        >
          {t('feeds.create')}
        </Button>
      </Flex>
      {feeds.error && !feeds.data ? (
        <LoadError error={feeds.error} onRetry={() => void feeds.refetch()} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t('feeds.empty')}</Typography.Text>
      ) : (
        items.map((feed) => (
          <div key={feed.token} className="nn-feed" data-testid="feed">
            <Flex justify="space-between" align="center" gap={8}>
              <div>
                <strong>{feed.orgName ?? t('feeds.mine')}</strong>
                <div className="nn-inbox-when">
                  {t('feeds.createdAt', { date: formatDateTime(feed.createdAt) })}
                </div>
              </div>
              <Popconfirm
                title={t('feeds.deleteConfirm')}
                okText={t('feeds.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(feed.token)}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('feeds.delete')}
                  data-testid="feed-delete"
                />
              </Popconfirm>
            </Flex>
            <Typography.Paragraph
              className="nn-feed-url"
              copyable={{ text: fullUrl(feed) }}
              data-testid="feed-url"
            >
              {fullUrl(feed)}
            </Typography.Paragraph>
          </div>
        ))
      )}
    </Card>
  );
}
