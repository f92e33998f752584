import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, labelFor } from '../lib/format';
import type { HistoryItem } from '../lib/types';

const DATE_KEY = /(date|from|to|at)$/i;

/** Keys whose values are enum codes we can name (status: official → Chính thức). */
const VALUE_LABELS: Record<string, string> = {
  status: 'status',
  fromStatus: 'status',
  toStatus: 'status',
  kind: 'kind',
  category: 'category',
  position: 'position',
  role: 'role',
};

function renderValue(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    const group = VALUE_LABELS[key];
    if (group) return labelFor(`${group}.${value}`, value);
    if (DATE_KEY.test(key) && /^\d{4}-\d{2}-\d{2}/.test(value)) {
      return value.length > 10 ? formatDateTime(value) : formatDate(value);
    }
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => renderValue('', v)).join(', ');
  return JSON.stringify(value);
}

/** One line per field the server recorded with the event. */
function EventData({ data }: { data: Record<string, unknown> | null }) {
  if (!data) return null;
  const entries = Object.entries(data).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return null;
  return (
    <div className="nn-muted" style={{ fontSize: 13 }}>
      {entries.map(([key, value]) => (
        <div key={key}>
          {labelFor(`fields.${key}`, key)}: {renderValue(key, value)}
        </div>
      ))}
    </div>
  );
}

/** History of an organisation or a member, newest first as the server sends it. */
export function HistoryTimeline({ items, scope }: { items: HistoryItem[]; scope: 'orgs' | 'members' }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />;
  return (
    <Timeline
      items={items.map((item, index) => ({
        key: `${item.at}-${index}`,
        content: (
          <div>
            <div className="nn-muted" style={{ fontSize: 12 }}>
              {formatDateTime(item.at)}
            </div>
            <Typography.Text strong>{labelFor(`${scope}.history.${item.kind}`, item.kind)}</Typography.Text>
            {item.actorName ? (
              <span className="nn-muted"> · {t('orgs.history.by', { name: item.actorName })}</span>
            ) : null}
            <EventData data={item.data} />
          </div>
        ),
      }))}
    />
  );
}
