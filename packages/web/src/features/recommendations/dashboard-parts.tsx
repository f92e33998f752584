import { MergeCellsOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Popconfirm, Statistic, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLang } from '../../app/i18n';
import { useAction } from '../../lib/use-action';
import { useIsMobile } from '../../lib/use-mobile';
import {
  type RecommendationDashboardDto,
  type RecommendationDto,
  recommendationCommands,
  recommendationKeys,
} from './api';
import { recLink } from './rec-card';
import { DueText, handlerText, RecLevelTag, RecStatusTag } from './recommendation-tags';

type Dashboard = RecommendationDashboardDto;
type CategoryRow = Dashboard['byCategory'][number];

const red = (n: number) => (n > 0 ? { content: { color: '#cf1322' } } : undefined);

export function Kpis({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const { totals } = data;
  const items: { key: Exclude<keyof Dashboard['totals'], 'closed'>; styles?: ReturnType<typeof red> }[] = [
    { key: 'raised' },
    { key: 'open' },
    { key: 'overdue', styles: red(totals.overdue) },
    { key: 'answered' },
    { key: 'reportedBack' },
  ];
  return (
    <div className="nn-rec-kpis" data-testid="rec-kpis">
      {items.map(({ key, styles }) => (
        <Card size="small" key={key} data-testid={`rec-kpi-${key}`} data-value={totals[key]}>
          <Statistic title={t(`recommendations.dashboard.${key}`)} value={totals[key]} styles={styles} />
        </Card>
      ))}
    </div>
  );
}

/** Raised, open, overdue and answered per category: a table on desktop, rows on a phone. */
export function ByCategory({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const lang = currentLang();
  const d = (key: 'raised' | 'open' | 'overdue' | 'answered') => t(`recommendations.dashboard.${key}`);
  if (data.byCategory.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  if (isMobile) {
    return (
      <div className="nn-rec-rows">
        {data.byCategory.map((c) => (
          <div key={c.category} data-testid="rec-category-row" data-category={c.category}>
            <strong>{c.label[lang]}</strong>
            <Flex wrap gap={4} className="nn-small">
              <Tag>
                {d('raised')}: {c.raised}
              </Tag>
              <Tag color="blue">
                {d('open')}: {c.open}
              </Tag>
              {c.overdue ? (
                <Tag color="red">
                  {d('overdue')}: {c.overdue}
                </Tag>
              ) : null}
              <Tag color="green">
                {d('answered')}: {c.answered}
              </Tag>
            </Flex>
          </div>
        ))}
      </div>
    );
  }
  const columns: TableColumnsType<CategoryRow> = [
    { key: 'label', title: t('recommendations.dashboard.category'), render: (_, c) => c.label[lang] },
    { key: 'raised', title: d('raised'), dataIndex: 'raised', align: 'right' },
    { key: 'open', title: d('open'), dataIndex: 'open', align: 'right' },
    {
      key: 'overdue',
      title: d('overdue'),
      align: 'right',
      render: (_, c) => (c.overdue ? <Tag color="red">{c.overdue}</Tag> : 0),
    },
    { key: 'answered', title: d('answered'), dataIndex: 'answered', align: 'right' },
  ];
  return (
    <Table<CategoryRow>
      rowKey="category"
      size="small"
      columns={columns}
      dataSource={data.byCategory}
      pagination={false}
    />
  );
}

export function ByLevel({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const d = (key: 'open' | 'overdue' | 'answered') => t(`recommendations.dashboard.${key}`);
  return (
    <div className="nn-rec-rows">
      {data.byLevel.map((l) => (
        <Flex key={l.level} wrap gap={4} align="center" data-testid="rec-level-row" data-level={l.level}>
          <RecLevelTag level={l.level} />
          <Flex wrap gap={4} className="nn-small">
            <Tag color="blue">
              {d('open')}: {l.open}
            </Tag>
            {l.overdue ? (
              <Tag color="red">
                {d('overdue')}: {l.overdue}
              </Tag>
            ) : null}
            <Tag color="green">
              {d('answered')}: {l.answered}
            </Tag>
          </Flex>
        </Flex>
      ))}
    </div>
  );
}

export function TimeToAnswer({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const { count, medianDays, p90Days } = data.timeToAnswer;
  if (count === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommendations.dashboard.noAnswers')} />
    );
  }
  const days = (n: number | null) => (n === null ? '—' : t('recommendations.dashboard.days', { days: n }));
  return (
    <div data-testid="rec-time-to-answer">
      <Flex wrap gap={24}>
        <Statistic title={t('recommendations.dashboard.median')} value={days(medianDays)} />
        <Statistic title={t('recommendations.dashboard.p90')} value={days(p90Days)} />
      </Flex>
      <div className="nn-muted nn-small" style={{ marginTop: 8 }}>
        {t('recommendations.dashboard.answeredCount', { count })}
      </div>
    </div>
  );
}

export function OldestOpen({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  if (data.oldestOpen.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommendations.dashboard.noneOpen')} />
    );
  }
  return (
    <div className="nn-rec-rows" data-testid="rec-oldest">
      {data.oldestOpen.map((r) => (
        <div key={r.id} data-testid="rec-oldest-row" data-id={r.id}>
          <Link to={recLink(r.id)} style={{ overflowWrap: 'anywhere' }}>
            {r.text}
          </Link>
          <div className="nn-muted nn-small">
            {r.cellName} · {handlerText(r)} ·{' '}
            {t('recommendations.dashboard.waiting', { days: dayjs().diff(dayjs(r.raisedOn), 'day') })}
          </div>
          <Flex wrap gap={4} className="nn-rec-tags">
            <RecStatusTag status={r.status} />
            <DueText rec={r} />
          </Flex>
        </div>
      ))}
    </div>
  );
}

/** The newer of the pair goes into the older one, when the user acts for it; else the other way round. */
function mergePlan(a: RecommendationDto, b: RecommendationDto) {
  const [older, newer] = a.id < b.id ? [a, b] : [b, a];
  if (newer.abilities.act) return { from: newer.id, into: older.id };
  if (older.abilities.act) return { from: older.id, into: newer.id };
  return null;
}

export function Duplicates({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const merge = useAction({
    mutationFn: (v: { from: number; into: number }) => recommendationCommands.merge(v.from, v.into),
    success: t('recommendations.dashboard.merged'),
    invalidate: [recommendationKeys.all],
  });
  if (data.duplicates.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recommendations.dashboard.noDuplicates')} />
    );
  }
  return (
    <div className="nn-rec-rows" data-testid="rec-duplicates">
      {data.duplicates.map(({ a, b, similarity }) => {
        const plan = mergePlan(a, b);
        return (
          <div key={`${a.id}-${b.id}`} data-testid="rec-duplicate">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Tag color="orange">
                {t('recommendations.dashboard.similarity', { percent: Math.round(similarity * 100) })}
              </Tag>
              {plan ? (
                <Popconfirm
                  title={t('recommendations.dashboard.mergeConfirm', plan)}
                  okText={t('recommendations.dashboard.merge')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => merge.mutate(plan)}
                >
                  <Button size="small" icon={<MergeCellsOutlined />} loading={merge.isPending}>
                    {t('recommendations.dashboard.merge')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
            <div className="nn-rec-pair">
              {[a, b].map((r) => (
                <div key={r.id}>
                  <Link to={recLink(r.id)}>
                    #{r.id} {r.text}
                  </Link>
                  <div className="nn-muted nn-small">{r.cellName}</div>
                </div>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
