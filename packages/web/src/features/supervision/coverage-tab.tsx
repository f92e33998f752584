import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Flex, Progress, Row, Spin, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/query-state';
import { type CoverageDto, reportUrl, useCoverage } from './api';
import { CoverageBarChart, LevelsChart, StatePie } from './coverage-charts';
import {
  BelowTargetList,
  ChildrenTable,
  PendingList,
  QualityTable,
  Shown,
  TallyList,
} from './coverage-tables';
import { ReportIssue } from './report-issue';

function Kpis({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  const { totals } = data;
  const share = totals.targetCells === 0 ? 0 : Math.round((totals.visited / totals.targetCells) * 100);
  return (
    <div className="nn-sup-kpis" data-testid="coverage-kpis">
      <Card
        size="small"
        className="nn-sup-kpi-main"
        data-testid="coverage-visited"
        data-value={totals.visited}
      >
        <Statistic
          title={t('supervision.coverage.visited')}
          value={totals.visited}
          suffix={`/ ${totals.targetCells}`}
        />
        <Progress percent={share} size="small" />
      </Card>
      <Card size="small">
        <Statistic title={t('supervision.coverage.toVisit')} value={totals.toVisit} />
      </Card>
      <Card size="small">
        <Statistic
          title={t('supervision.coverage.overdue')}
          value={totals.overdue}
          styles={totals.overdue ? { content: { color: '#cf1322' } } : undefined}
        />
      </Card>
      <Card size="small">
        <Statistic
          title={t('supervision.coverage.reportsOverdue')}
          value={totals.reportsOverdue}
          styles={totals.reportsOverdue ? { content: { color: '#cf1322' } } : undefined}
        />
      </Card>
    </div>
  );
}

/** "Bao quát & chất lượng": coverage and quality of the period, from the committee down to each unit. */
export function CoverageTab({ committee, period }: { committee: string; period: string }) {
  const { t } = useTranslation();
  // The drill-down path below the committee: each step opens a child's own coverage.
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const org = trail.at(-1)?.code ?? committee;
  const query = useCoverage(org, period);
  const data = query.data;
  if (query.error && !data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return <Loading />;
  return (
    <div className="nn-stack" data-testid="coverage-tab">
      <Flex wrap gap={8} align="center" justify="space-between">
        <Breadcrumb
          items={[
            { key: committee, title: data.orgCode === committee ? data.orgName : committee },
            ...trail.map((s) => ({ key: s.code, title: s.name })),
          ].map((item, i, all) => ({
            key: item.key,
            title:
              i < all.length - 1 ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => setTrail(trail.slice(0, i))}
                  data-testid="coverage-up"
                >
                  {item.title}
                </Button>
              ) : (
                item.title
              ),
          }))}
        />
        {query.isFetching ? <Spin size="small" /> : null}
      </Flex>
      <Flex wrap gap={8}>
        <Button
          icon={<FileWordOutlined />}
          href={reportUrl(committee, period, 'docx')}
          download
          data-testid="report-docx"
        >
          {t('supervision.coverage.docx')}
        </Button>
        <Button
          icon={<FileExcelOutlined />}
          href={reportUrl(committee, period, 'xlsx')}
          download
          data-testid="report-xlsx"
        >
          {t('supervision.coverage.xlsx')}
        </Button>
        {trail.length === 0 ? <ReportIssue data={data} committee={committee} period={period} /> : null}
      </Flex>
      <Kpis data={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('supervision.coverage.byUnit')}>
            {data.children.length > 0 ? <CoverageBarChart data={data} /> : <StatePie data={data} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('supervision.coverage.levels')}>
            <LevelsChart data={data} />
          </Card>
        </Col>
      </Row>
      {data.children.length > 0 ? (
        <Card size="small" title={t('supervision.coverage.byUnit')} styles={{ body: { padding: 0 } }}>
          <ChildrenTable data={data} onOpen={(child) => setTrail([...trail, child])} />
        </Card>
      ) : null}
      <Card size="small" title={t('supervision.coverage.quality')}>
        <div className="nn-muted nn-small" style={{ marginBottom: 8 }}>
          {t('supervision.coverage.gapHelp')}
        </div>
        <QualityTable data={data} />
        <Shown shown={data.quality.length} all={data.listed.quality} />
      </Card>
      <Card size="small" title={t('supervision.coverage.pending', { count: data.listed.pending })}>
        <PendingList data={data} />
        <Shown shown={data.pending.length} all={data.listed.pending} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('supervision.coverage.byVisitor')}>
            <TallyList items={data.byVisitor.map((v) => ({ key: v.accountId, name: v.displayName, ...v }))} />
            <Shown shown={data.byVisitor.length} all={data.listed.byVisitor} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('supervision.coverage.byGroup')}>
            <TallyList items={data.byGroup.map((g) => ({ key: g.groupId, ...g }))} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('supervision.coverage.belowTarget')}>
        <BelowTargetList data={data} />
      </Card>
    </div>
  );
}
