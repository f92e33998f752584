import { ArrowRightOutlined } from '@ant-design/icons';
import type { MemberHistoryItemDto } from '@nennep/core/members/types';
import type { HistoryItemDto } from '@nennep/core/orgs/types';
import { Empty, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, labelFor } from '../lib/format';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/** Keys whose values are code-list entries we can name (status: official → Chính thức). */
const VALUE_GROUPS: Record<string, string> = {
  status: 'status',
  fromStatus: 'status',
  toStatus: 'status',
  kind: 'kind',
  category: 'category',
  position: 'position',
  role: 'role',
  sex: 'sex',
  source: 'sources',
};

/** Per event kind, keys whose value group differs from the default (a status change has from/to statuses). */
const EVENT_GROUPS: Record<string, Record<string, string>> = {
  status_changed: { from: 'status', to: 'status' },
};

function renderValue(key: string, value: unknown, group?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (group) return labelFor(`${group}.${value}`, value);
    if (ISO_DAY.test(value)) return value.length > 10 ? formatDateTime(value) : formatDate(value);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const itemGroup = key === 'fields' || key === 'changed' ? 'fields' : group;
    return value.map((v) => renderValue('', v, itemGroup)).join(', ');
  }
  return JSON.stringify(value);
}

const READING_ORDER = ['from', 'to'];
const rank = (key: string) => {
  const index = READING_ORDER.indexOf(key);
  return index === -1 ? 0 : index - READING_ORDER.length;
};

/** One line per field the server recorded with the event (internal ids left out). */
function EventData({ kind, data }: { kind: string; data: Record<string, unknown> | null }) {
  if (!data) return null;
  const groups = { ...VALUE_GROUPS, ...EVENT_GROUPS[kind] };
  // jsonb returns keys shortest first ("to" before "from"): put pairs back in reading order.
  const entries = Object.entries(data)
    .filter(([key, value]) => value !== undefined && value !== null && value !== '' && !/Id$/.test(key))
    .sort(([a], [b]) => rank(a) - rank(b));
  if (entries.length === 0) return null;
  return (
    <div className="nn-muted" style={{ fontSize: 13 }}>
      {entries.map(([key, value]) => (
        <div key={key}>
          {labelFor(`fields.${key}`, key)}: {renderValue(key, value, groups[key])}
        </div>
      ))}
    </div>
  );
}

/** A node's history entry, or a member's (with its effective day and the cells of a transfer). */
type Entry = HistoryItemDto & Partial<MemberHistoryItemDto>;

interface HistoryTimelineProps {
  items: Entry[];
  scope: 'orgs' | 'members';
  /** Words the data of the events a feature knows better; `undefined` = the generic field lines. */
  renderData?: (item: Entry) => ReactNode | undefined;
}

/** History of an organisation or a member, newest first as the server sends it. */
export function HistoryTimeline({ items, scope, renderData }: HistoryTimelineProps) {
  const { t } = useTranslation();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />;
  return (
    <Timeline
      data-testid={`${scope}-history-timeline`}
      items={items.map((item, index) => ({
        key: `${item.at}-${index}`,
        content: (
          <div>
            <div className="nn-muted" style={{ fontSize: 12 }}>
              {item.date && formatDate(item.date) !== formatDate(item.at)
                ? `${formatDate(item.date)} · `
                : ''}
              {formatDateTime(item.at)}
            </div>
            <Typography.Text strong>{labelFor(`${scope}.history.${item.kind}`, item.kind)}</Typography.Text>
            {item.actorName ? (
              <span className="nn-muted"> · {t('orgs.history.by', { name: item.actorName })}</span>
            ) : null}
            {item.fromOrg || item.toOrg ? (
              <div style={{ fontSize: 13 }}>
                {item.fromOrg ? <>{item.fromOrg} </> : null}
                <ArrowRightOutlined /> {item.toOrg ?? '—'}
              </div>
            ) : null}
            {renderData?.(item) ?? <EventData kind={item.kind} data={item.data} />}
          </div>
        ),
      }))}
    />
  );
}
