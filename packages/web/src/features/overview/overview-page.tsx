import { NotificationOutlined } from '@ant-design/icons';
import { QUALITY_LEVELS } from '@nennep/core/meetings/types';
import { Alert, Button, Card, Flex, Pagination, Spin, Statistic, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVEL_TEXT_HEX } from '../../components/meeting-tags';
import { MonthSwitcher } from '../../components/month-switcher';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError, Loading } from '../../components/query-state';
import { useAction } from '../../lib/use-action';
import { useIsMobile } from '../../lib/use-mobile';
import { useCurrentUser } from '../auth/session';
import {
  ALERT_KINDS,
  type AlertRun,
  CELL_PAGE,
  type OverviewDto,
  type OverviewSummary,
  type QualityFiguresDto,
  runAlerts,
  useMeetingsOverview,
  useQualityFigures,
} from './api';
import { OverviewCards, OverviewTable } from './overview-cells';
import { ChildrenCards, ChildrenTable } from './overview-children';
import './overview.css';
import { useUrlParams } from '../../lib/use-url-params';

/** `?org=&month=YYYY-MM` in the URL, so the back button from a meeting returns to the same view. */
function useOverviewFilters() {
  const { params, update } = useUrlParams();
  const monthParam = params.get('month');
  const month =
    monthParam && /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam)
      ? dayjs(`${monthParam}-01`)
      : dayjs().startOf('month');
  const org = params.get('org') || undefined;
  return { org, month, update };
}

function SummaryCards({ summary }: { summary: OverviewSummary }) {
  const { t } = useTranslation();
  return (
    <div className="nn-stat-grid nn-ov-summary" data-testid="overview-summary">
      <Card size="small">
        <Statistic title={t('overview.cells')} value={summary.cells} />
      </Card>
      <Card size="small">
        <Statistic
          title={t('overview.onTime')}
          value={summary.onTime}
          styles={{ content: { color: '#237804' } }}
        />
      </Card>
      <Card size="small">
        <Statistic
          title={t('overview.late')}
          value={summary.late}
          styles={{ content: { color: '#ad4e00' } }}
        />
      </Card>
      <Card size="small">
        <Statistic
          title={t('overview.notHeld')}
          value={summary.notHeld}
          styles={{ content: { color: '#cf1322' } }}
        />
      </Card>
      {QUALITY_LEVELS.map((level) => (
        <Card size="small" key={level}>
          <Statistic
            title={t('overview.levelCount', { level: t(`level.${level}`) })}
            value={summary.byLevel[level]}
            styles={{ content: { color: LEVEL_TEXT_HEX[level] } }}
          />
        </Card>
      ))}
    </div>
  );
}

function AlertResult({ run, onClose }: { run: AlertRun; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={run.raised > 0 ? 'warning' : 'success'}
      showIcon
      closable={{ onClose }}
      data-testid="alerts-result"
      title={t('overview.alertsDone', {
        date: dayjs(run.date).format('DD/MM/YYYY'),
        raised: run.raised,
        notified: run.notified,
      })}
      description={
        <Flex wrap gap={4}>
          {ALERT_KINDS.map((kind) => (
            <Tag key={kind} color={run.byKind[kind] > 0 ? 'orange' : undefined}>
              {t(`overview.alertKind.${kind}`)}: {run.byKind[kind]}
            </Tag>
          ))}
        </Flex>
      }
    />
  );
}

/** The figures per child node (drill down by choosing one), when the node has more than itself. */
function ChildrenCard({ figures, onDrill }: { figures: QualityFiguresDto; onDrill: (code: string) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const only = figures.lines[0];
  if (figures.lines.length === 0 || (figures.lines.length === 1 && only?.orgCode === figures.org.code))
    return null;
  return (
    <Card
      size="small"
      title={t('overview.byUnit')}
      styles={isMobile ? { body: { padding: 8 } } : undefined}
      data-testid="overview-children"
    >
      {isMobile ? (
        <ChildrenCards lines={figures.lines} onDrill={onDrill} />
      ) : (
        <ChildrenTable lines={figures.lines} onDrill={onDrill} />
      )}
    </Card>
  );
}

/**
 * The cells of the node, a page of them from the server; above `CELL_PAGE` cells with units to drill into,
 * only a hint to choose one (a province lists its ten thousand cells commune by commune).
 */
function CellsCard({
  data,
  drillable,
  onOffset,
}: {
  data: OverviewDto;
  drillable: boolean;
  onOffset: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (data.total > CELL_PAGE && drillable)
    return (
      <Alert
        type="info"
        showIcon
        title={t('overview.drillHint', { count: data.total })}
        data-testid="overview-drill-hint"
      />
    );
  return (
    <Card size="small" styles={isMobile ? { body: { padding: 8 } } : undefined}>
      {isMobile ? <OverviewCards items={data.items} /> : <OverviewTable items={data.items} />}
      {data.total > CELL_PAGE ? (
        <Pagination
          size="small"
          style={{ marginTop: 8 }}
          current={Math.floor(data.offset / CELL_PAGE) + 1}
          pageSize={CELL_PAGE}
          total={data.total}
          showSizeChanger={false}
          onChange={(page) => onOffset((page - 1) * CELL_PAGE)}
        />
      ) : null}
    </Card>
  );
}

/** The committee's month: whether each cell of the subtree held its regular meeting, and how well. */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { org, month, update } = useOverviewFilters();
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = `${org ?? ''} ${month.format('YYYY-MM')}`;
  const offset = page.key === key ? page.offset : 0;
  const query = useMeetingsOverview(org, month.format('YYYY-MM'), offset);
  const figures = useQualityFigures(org, month.format('YYYY-MM'));
  const isAdmin = me.grants.some((g) => g.role === 'admin');
  const [run, setRun] = useState<AlertRun | null>(null);
  const alerts = useAction({
    mutationFn: runAlerts,
    success: false,
    invalidate: [['inbox']],
    onSuccess: (result) => setRun(result),
  });
  const data = query.data;

  return (
    <>
      <PageHeader
        title={t('overview.title')}
        sub={data?.org.name}
        extra={
          isAdmin ? (
            <Button
              icon={<NotificationOutlined />}
              loading={alerts.isPending}
              onClick={() => alerts.mutate(undefined)}
              data-testid="alerts-run"
            >
              {t('overview.runAlerts')}
            </Button>
          ) : null
        }
      />
      <div className="nn-stack">
        {run ? <AlertResult run={run} onClose={() => setRun(null)} /> : null}
        <Card size="small">
          <div className="nn-filters">
            <div className="nn-filter-wide">
              <OrgSelect
                value={org ?? data?.org.code}
                onChange={(next) => update({ org: next })}
                placeholder={t('overview.org')}
                data-testid="overview-org"
              />
            </div>
          </div>
          <Flex gap={4} align="center" wrap>
            <MonthSwitcher
              month={month}
              onChange={(next) => update({ month: next?.format('YYYY-MM') })}
              label={t('overview.month')}
              testId="overview-month"
            />
            {query.isFetching ? <Spin size="small" /> : null}
          </Flex>
        </Card>
        {query.error && !data ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : !data ? (
          <Loading />
        ) : (
          <>
            <SummaryCards summary={data.summary} />
            {figures.data ? (
              <ChildrenCard figures={figures.data} onDrill={(code) => update({ org: code })} />
            ) : null}
            <CellsCard
              data={data}
              drillable={figures.data?.lines.some((line) => line.drill) ?? true}
              onOffset={(next) => setPage({ key, offset: next })}
            />
          </>
        )}
      </div>
    </>
  );
}
