import type { MeetingSummaryDto } from '@nennep/core/meetings/api-types';
import { Button, Calendar, Card, Empty, Flex, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  hhmm,
  LevelTag,
  meetingColor,
  StatusTag,
  useMeetingTitle,
  weekday,
} from '../../components/meeting-tags';

const rowProps = (m: MeetingSummaryDto) =>
  ({ 'data-testid': 'meeting-row', 'data-id': m.id, 'data-status': m.status }) as HTMLAttributes<HTMLElement>;

const byDate = (items: MeetingSummaryDto[]) => {
  const days = new Map<string, MeetingSummaryDto[]>();
  for (const m of items) days.set(m.date, [...(days.get(m.date) ?? []), m]);
  return days;
};

const PER_CELL = 3;
const MAX_EXPANDED = 12;

/** Desktop: the month as a grid, each meeting a coloured line linking to its page. */
export function MeetingMonthGrid({
  month,
  items,
  showOrg,
  onMonth,
  onMore,
}: {
  month: Dayjs;
  items: MeetingSummaryDto[];
  showOrg: boolean;
  onMonth: (month: Dayjs) => void;
  /** Too many for one cell (a committee's month): the day's full list is better read as a list. */
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const days = byDate(items);
  const [expanded, setExpanded] = useState<string | null>(null);
  const cell = (date: Dayjs) => {
    const key = date.format('YYYY-MM-DD');
    const list = date.isSame(month, 'month') ? (days.get(key) ?? []) : [];
    const shown = expanded === key ? list : list.slice(0, PER_CELL);
    return (
      <div className="nn-cal-cell">
        {shown.map((m) => (
          <Link
            key={m.id}
            to={`/meetings/${m.id}`}
            className={`nn-cal-item${m.status === 'cancelled' ? ' nn-cancelled' : ''}`}
            style={{ borderInlineStartColor: meetingColor(m) }}
            title={`${t(`meetingKind.${m.kind}`)} · ${t(`meetingStatus.${m.status}`)} · ${m.orgName}`}
            {...rowProps(m)}
          >
            <span className="nn-cal-time">{hhmm(m.startTime)}</span> {t(`meetingKind.${m.kind}`)}
            {showOrg ? <span className="nn-cal-org"> · {m.orgName}</span> : null}
            {m.total !== null ? <span className="nn-cal-score"> · {m.total}</span> : null}
          </Link>
        ))}
        {list.length > shown.length ? (
          <Button
            size="small"
            type="link"
            onClick={(e) => {
              e.stopPropagation();
              if (list.length > MAX_EXPANDED) onMore();
              else setExpanded(key);
            }}
          >
            {t('meetings.more', { count: list.length - shown.length })}
          </Button>
        ) : null}
      </div>
    );
  };
  return (
    <Calendar
      className="nn-meeting-cal"
      // The selected cell is today's when it is in view (antd always marks one).
      value={dayjs().isSame(month, 'month') ? dayjs() : month}
      headerRender={() => null}
      cellRender={(date, info) => (info.type === 'date' ? cell(date) : info.originNode)}
      onSelect={(date, { source }) => {
        if (source === 'date' && !date.isSame(month, 'month')) onMonth(date.startOf('month'));
      }}
      data-testid="meeting-calendar"
    />
  );
}

const PAGE = 60;

/** Phones (and the list view): meetings day by day, one card each, with big touch targets. */
export function MeetingList({ items, showOrg }: { items: MeetingSummaryDto[]; showOrg: boolean }) {
  const { t } = useTranslation();
  const title = useMeetingTitle();
  const [limit, setLimit] = useState(PAGE);
  if (items.length === 0) return <Empty description={t('meetings.empty')} />;
  const days = byDate(items.slice(0, limit));
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <div data-testid="meeting-list">
      {[...days.entries()].map(([date, list]) => (
        <div key={date} className="nn-day">
          <div className={`nn-day-head${date === today ? ' nn-today' : ''}`}>
            {weekday(date)}, {dayjs(date).format('DD/MM/YYYY')}
          </div>
          <div className="nn-card-list">
            {list.map((m) => (
              <Link key={m.id} to={`/meetings/${m.id}`} className="nn-meeting-link" {...rowProps(m)}>
                <Card
                  size="small"
                  hoverable
                  className={m.status === 'cancelled' ? 'nn-cancelled' : undefined}
                  style={{ borderInlineStart: `4px solid ${meetingColor(m)}` }}
                >
                  <div className="nn-meeting-card-title">{title(m)}</div>
                  <Flex wrap gap={4} align="center">
                    <StatusTag status={m.status} />
                    <LevelTag level={m.level} total={m.total} />
                    {m.combined ? <Tag>{t('meetings.combined')}</Tag> : null}
                  </Flex>
                  <div className="nn-muted">
                    {hhmm(m.startTime)}
                    {m.place ? ` · ${m.place}` : ''}
                  </div>
                  {showOrg ? <div className="nn-muted">{m.orgName}</div> : null}
                </Card>
              </Link>
            ))}
          </div>
        </div>
      ))}
      {items.length > limit ? (
        <Button block size="large" style={{ marginTop: 12 }} onClick={() => setLimit(limit + PAGE)}>
          {t('meetings.showMore')} ({items.length - limit})
        </Button>
      ) : null}
    </div>
  );
}
