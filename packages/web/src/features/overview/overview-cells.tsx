import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Table, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LevelTag } from '../../components/meeting-tags';
import { formatDate, formatNumber } from '../../lib/format';
import type { OverviewRow, OverviewState } from './api';

export const STATE_COLORS: Record<OverviewState, string> = {
  on_time: 'green',
  late: 'orange',
  not_held: 'red',
  planned: 'blue',
  upcoming: 'default',
};

const rowProps = (row: OverviewRow) =>
  ({
    'data-testid': 'overview-row',
    'data-code': row.orgCode,
    'data-state': row.state,
  }) as HTMLAttributes<HTMLElement>;

const percent = (value: number | null) => (value === null ? '—' : `${formatNumber(value)}%`);

export function StateTag({ state }: { state: OverviewState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLORS[state]}>{t(`overviewState.${state}`)}</Tag>;
}

function CellName({ row }: { row: OverviewRow }) {
  return (
    <>
      {row.meetingId ? <Link to={`/meetings/${row.meetingId}`}>{row.orgName}</Link> : row.orgName}
      {row.parentName ? <div className="nn-muted nn-ov-small">{row.parentName}</div> : null}
    </>
  );
}

/** Desktop: one table row per cell; a row with a meeting opens it. */
export function OverviewTable({ items }: { items: OverviewRow[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<OverviewRow> = [
    { title: t('overview.cell'), key: 'name', render: (_, row) => <CellName row={row} /> },
    { title: t('overview.state'), key: 'state', render: (_, row) => <StateTag state={row.state} /> },
    { title: t('overview.date'), key: 'date', render: (_, row) => formatDate(row.date) || '—' },
    { title: t('overview.level'), key: 'level', render: (_, row) => <LevelTag level={row.level} /> },
    { title: t('overview.total'), key: 'total', align: 'right', render: (_, row) => row.total ?? '—' },
    {
      title: t('overview.attendance'),
      key: 'attendance',
      align: 'right',
      render: (_, row) => percent(row.attendancePercent),
    },
    {
      title: t('overview.speaking'),
      key: 'speaking',
      align: 'right',
      render: (_, row) => percent(row.speakingPercent),
    },
  ];
  return (
    <Table<OverviewRow>
      rowKey="orgCode"
      size="small"
      columns={columns}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description={t('overview.empty')} /> }}
      onRow={(row) => ({
        ...rowProps(row),
        className: row.meetingId ? 'nn-ov-row-link' : undefined,
        onClick: (event) => {
          if (!row.meetingId || (event.target as HTMLElement).closest('a')) return;
          navigate(`/meetings/${row.meetingId}`);
        },
      })}
    />
  );
}

function CellCard({ row }: { row: OverviewRow }) {
  const { t } = useTranslation();
  const body = (
    <Card size="small" {...rowProps(row)}>
      <div className="nn-ov-card-head">
        <div>
          <div className="nn-ov-card-name">{row.orgName}</div>
          {row.parentName ? <div className="nn-muted nn-ov-small">{row.parentName}</div> : null}
        </div>
        <StateTag state={row.state} />
      </div>
      <div className="nn-ov-card-meta">
        {row.date ? <span>{formatDate(row.date)}</span> : null}
        {row.level ? <LevelTag level={row.level} total={row.total} /> : null}
        {row.attendancePercent !== null ? (
          <span>
            {t('overview.attendance')}: {percent(row.attendancePercent)}
          </span>
        ) : null}
        {row.speakingPercent !== null ? (
          <span>
            {t('overview.speaking')}: {percent(row.speakingPercent)}
          </span>
        ) : null}
        {row.meetingId ? <RightOutlined style={{ marginInlineStart: 'auto' }} /> : null}
      </div>
    </Card>
  );
  return row.meetingId ? (
    <Link to={`/meetings/${row.meetingId}`} style={{ display: 'block', color: 'inherit' }}>
      {body}
    </Link>
  ) : (
    body
  );
}

/** Phones: one card per cell. */
export function OverviewCards({ items }: { items: OverviewRow[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('overview.empty')} />;
  return (
    <div className="nn-card-list">
      {items.map((row) => (
        <CellCard key={row.orgCode} row={row} />
      ))}
    </div>
  );
}
