import { RightOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Progress, Table, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelTag } from '../../components/meeting-tags';
import { formatDate } from '../../lib/format';
import { useIsMobile } from '../../lib/use-mobile';
import type { CoverageDto } from './api';

type Child = CoverageDto['children'][number];
type Quality = CoverageDto['quality'][number];
type Pending = CoverageDto['pending'][number];

const PENDING_COLORS: Record<Pending['state'], string> = {
  unplanned: 'orange',
  planned: 'blue',
  overdue: 'red',
};

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** The node's children with their coverage; a unit above the cells opens its own coverage. */
export function ChildrenTable({
  data,
  onOpen,
}: {
  data: CoverageDto;
  onOpen: (child: { code: string; name: string }) => void;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Child> = [
    {
      key: 'name',
      title: t('supervision.coverage.unit'),
      // A committee with cells below opens its own coverage; a cell is a leaf.
      render: (_, c) =>
        !c.drill ? (
          c.orgName
        ) : (
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={() => onOpen({ code: c.orgCode, name: c.orgName })}
            data-testid="coverage-drill"
          >
            {c.orgName} <RightOutlined />
          </Button>
        ),
    },
    {
      key: 'visited',
      title: t('supervision.coverage.visited'),
      render: (_, c) => (
        <div style={{ minWidth: 90 }}>
          {c.visited}/{c.targetCells}
          <Progress percent={percent(c.visited, c.targetCells)} size="small" showInfo={false} />
        </div>
      ),
    },
    {
      key: 'toVisit',
      title: t('supervision.coverage.toVisit'),
      dataIndex: 'toVisit',
      align: 'right',
      responsive: ['sm'],
    },
    {
      key: 'overdue',
      title: t('supervision.coverage.overdue'),
      align: 'right',
      render: (_, c) => (c.overdue ? <Tag color="red">{c.overdue}</Tag> : 0),
    },
  ];
  return (
    <Table<Child>
      rowKey="orgCode"
      size="small"
      columns={columns}
      dataSource={data.children}
      pagination={false}
      onRow={(c) =>
        ({ 'data-testid': 'coverage-child', 'data-code': c.orgCode }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}

function Gap({ gap }: { gap: number | null }) {
  if (gap === null) return <span className="nn-muted">—</span>;
  return (
    <strong
      style={{ color: gap < 0 ? '#cf1322' : gap > 0 ? '#237804' : undefined }}
      data-testid="quality-gap"
    >
      {gap > 0 ? `+${gap}` : gap}
    </strong>
  );
}

/** Each visited cell: its own rating beside the visitor's, and the gap in points. */
export function QualityTable({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (data.quality.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.coverage.noQuality')} />;
  }
  const cellLink = (q: Quality) => <Link to={`/supervision/visits/${q.visitId}`}>{q.cellName}</Link>;
  if (isMobile) {
    return (
      <div className="nn-sup-rows">
        {data.quality.map((q) => (
          <div
            key={q.visitId}
            data-testid="quality-row"
            data-code={q.cellCode}
            data-level={q.visitorLevel ?? ''}
          >
            <div className="nn-sup-row-title">{cellLink(q)}</div>
            {q.parentName ? <div className="nn-muted nn-small">{q.parentName}</div> : null}
            <Flex wrap gap={8} align="center">
              <span className="nn-muted">{t('supervision.coverage.cellLevel')}:</span>
              {q.cellLevel ? <LevelTag level={q.cellLevel} total={q.cellTotal} /> : '—'}
            </Flex>
            <Flex wrap gap={8} align="center">
              <span className="nn-muted">{t('supervision.coverage.visitorLevel')}:</span>
              {q.visitorLevel ? <LevelTag level={q.visitorLevel} total={q.visitorTotal} /> : '—'}
              <span className="nn-muted">{t('supervision.coverage.gap')}:</span>
              <Gap gap={q.gap} />
            </Flex>
          </div>
        ))}
      </div>
    );
  }
  const columns: TableColumnsType<Quality> = [
    {
      key: 'cell',
      title: t('supervision.plan.cell'),
      render: (_, q) => (
        <>
          {cellLink(q)}
          {q.parentName ? <div className="nn-muted nn-small">{q.parentName}</div> : null}
        </>
      ),
    },
    {
      key: 'cellLevel',
      title: t('supervision.coverage.cellLevel'),
      render: (_, q) => (q.cellLevel ? <LevelTag level={q.cellLevel} total={q.cellTotal} /> : '—'),
    },
    {
      key: 'visitorLevel',
      title: t('supervision.coverage.visitorLevel'),
      render: (_, q) => (q.visitorLevel ? <LevelTag level={q.visitorLevel} total={q.visitorTotal} /> : '—'),
    },
    {
      key: 'gap',
      title: t('supervision.coverage.gap'),
      align: 'right',
      render: (_, q) => <Gap gap={q.gap} />,
    },
  ];
  return (
    <Table<Quality>
      rowKey="visitId"
      size="small"
      columns={columns}
      dataSource={data.quality}
      pagination={data.quality.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      onRow={(q) =>
        ({
          'data-testid': 'quality-row',
          'data-code': q.cellCode,
          'data-level': q.visitorLevel ?? '',
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}

/** Target cells still without a reported visit, with their state. */
export function PendingList({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  if (data.pending.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.coverage.nothingPending')} />
    );
  }
  return (
    <div className="nn-sup-rows nn-sup-scroll">
      {data.pending.map((p) => (
        <Flex
          key={p.cellCode}
          justify="space-between"
          gap={8}
          align="start"
          data-testid="pending-row"
          data-state={p.state}
        >
          <div style={{ minWidth: 0 }}>
            <div>
              {p.visitId ? <Link to={`/supervision/visits/${p.visitId}`}>{p.cellName}</Link> : p.cellName}
            </div>
            <div className="nn-muted nn-small">
              {p.parentName}
              {p.date ? ` · ${formatDate(p.date)}` : ''}
            </div>
          </div>
          <Tag color={PENDING_COLORS[p.state]}>{t(`pendingState.${p.state}`)}</Tag>
        </Flex>
      ))}
    </div>
  );
}

/** Visits arranged and reported, per visitor or per group. */
export function TallyList({
  items,
}: {
  items: { key: number; name: string; planned: number; reported: number }[];
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div className="nn-sup-rows">
      {items.map((i) => (
        <div key={i.key} data-testid="tally-row">
          <Flex justify="space-between" gap={8}>
            <span>{i.name}</span>
            <span className="nn-muted">
              {t('supervision.coverage.reported')}: <strong>{i.reported}</strong>/{i.planned}
            </span>
          </Flex>
          <Progress percent={percent(i.reported, i.planned)} size="small" showInfo={false} />
        </div>
      ))}
    </div>
  );
}

export function BelowTargetList({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  if (data.committeeMembersBelowTarget.length === 0) {
    return <div className="nn-muted">{t('supervision.coverage.allOnTarget')}</div>;
  }
  return (
    <div className="nn-sup-rows">
      {data.committeeMembersBelowTarget.map((m) => (
        <Flex key={m.accountId} justify="space-between" gap={8} data-testid="below-target">
          <span>{m.displayName}</span>
          <Tag color="orange">
            {t('supervision.coverage.belowValue', { visits: m.visitsThisYear, target: m.target })}
          </Tag>
        </Flex>
      ))}
    </div>
  );
}

/** Under a list the server cut short (a province's root): how many are shown of how many. */
export function Shown({ shown, all }: { shown: number; all: number }) {
  const { t, i18n } = useTranslation();
  if (shown >= all) return null;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en' : 'vi-VN');
  return (
    <div className="nn-muted nn-small" style={{ marginTop: 8 }} data-testid="list-shown">
      {t('supervision.coverage.shown', {
        shown: number(shown),
        all: number(all),
      })}
    </div>
  );
}
