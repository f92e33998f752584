import { CalendarOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Flex, Row, Spin } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError, Loading } from '../../components/query-state';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { useCurrentUser } from '../auth/session';
import { exportUrl, useRecommendationDashboard } from './api';
import { ByCategory, ByLevel, Duplicates, Kpis, OldestOpen, TimeToAnswer } from './dashboard-parts';
import '../meetings/meetings.css';
import './recommendations.css';
import { useUrlParams } from '../../lib/use-url-params';

// ECharts is heavy: the chart loads on its own, after the figures.
const CategoryChart = lazy(async () => ({ default: (await import('./dashboard-chart')).CategoryChart }));

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `?org=&from=&to=` in the URL; by default the first organisation the account is staff of, this year. */
function useDashboardFilters() {
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const staff = me.grants.find(
    (g) => g.role === 'admin' || g.role === 'committee_member' || g.role === 'cell_secretary',
  );
  const year = dayjs().format('YYYY');
  const pick = (key: string, fallback: string) => {
    const value = params.get(key);
    return value && ISO_DAY.test(value) ? value : fallback;
  };
  return {
    org: params.get('org') || staff?.orgCode,
    from: pick('from', `${year}-01-01`),
    to: pick('to', `${year}-12-31`),
    year,
    update,
  };
}

/** `/recommendations/dashboard`: how a subtree's recommendations fare — counts, delays, look-alikes. */
export function RecommendationDashboardPage() {
  const { t } = useTranslation();
  const { org, from, to, year, update } = useDashboardFilters();
  const query = useRecommendationDashboard(org, from, to);
  const data = query.data;
  const thisYear = from === `${year}-01-01` && to === `${year}-12-31`;
  return (
    <>
      <Breadcrumb
        items={[{ key: 'list', title: <Link to="/recommendations">{t('recommendations.nav')}</Link> }]}
      />
      <PageHeader
        title={t('recommendations.dashboard.title')}
        sub={data?.orgName}
        extra={
          org ? (
            <Button
              icon={<FileExcelOutlined />}
              href={exportUrl(org, from, to)}
              download
              data-testid="rec-export"
            >
              {t('recommendations.dashboard.export')}
            </Button>
          ) : null
        }
      />
      {!org ? (
        <Alert type="info" showIcon title={t('recommendations.dashboard.noOrg')} />
      ) : (
        <div className="nn-stack">
          <Card size="small">
            <div className="nn-rec-filters">
              <div className="nn-rec-filter-wide">
                <OrgSelect
                  value={org}
                  allowClear={false}
                  onChange={(next) => update({ org: next })}
                  placeholder={t('recommendations.dashboard.org')}
                  data-testid="rec-dashboard-org"
                />
              </div>
              <DatePicker
                format={DATE_FORMAT}
                value={dayjs(from)}
                allowClear={false}
                maxDate={dayjs(to)}
                onChange={(value) => update({ from: toIsoDay(value) })}
                aria-label={t('recommendations.dashboard.from')}
                placeholder={t('recommendations.dashboard.from')}
                data-testid="rec-dashboard-from"
              />
              <DatePicker
                format={DATE_FORMAT}
                value={dayjs(to)}
                allowClear={false}
                minDate={dayjs(from)}
                onChange={(value) => update({ to: toIsoDay(value) })}
                aria-label={t('recommendations.dashboard.to')}
                placeholder={t('recommendations.dashboard.to')}
                data-testid="rec-dashboard-to"
              />
            </div>
            <Flex gap={8} align="center" style={{ marginTop: 8 }}>
              {thisYear ? null : (
                <Button
                  type="link"
                  icon={<CalendarOutlined />}
                  style={{ paddingInline: 0 }}
                  onClick={() => update({ from: undefined, to: undefined })}
                >
                  {t('recommendations.dashboard.thisYear')}
                </Button>
              )}
              {query.isFetching ? <Spin size="small" /> : null}
            </Flex>
          </Card>
          {query.error && !data ? (
            <LoadError error={query.error} onRetry={() => void query.refetch()} />
          ) : !data ? (
            <Loading />
          ) : (
            <>
              <Kpis data={data} />
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={14}>
                  <Card size="small" title={t('recommendations.dashboard.byCategory')}>
                    {data.byCategory.length > 0 ? (
                      <Suspense fallback={<Loading />}>
                        <CategoryChart data={data} />
                      </Suspense>
                    ) : null}
                    <ByCategory data={data} />
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <div className="nn-stack">
                    <Card size="small" title={t('recommendations.dashboard.byLevel')}>
                      <ByLevel data={data} />
                    </Card>
                    <Card size="small" title={t('recommendations.dashboard.timeToAnswer')}>
                      <TimeToAnswer data={data} />
                    </Card>
                  </div>
                </Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} lg={12}>
                  <Card size="small" title={t('recommendations.dashboard.oldestOpen')}>
                    <OldestOpen data={data} />
                  </Card>
                </Col>
                <Col xs={24} lg={12}>
                  <Card size="small" title={t('recommendations.dashboard.duplicates')}>
                    <p className="nn-muted nn-small" style={{ marginTop: 0 }}>
                      {t('recommendations.dashboard.duplicatesHelp')}
                    </p>
                    <Duplicates data={data} />
                  </Card>
                </Col>
              </Row>
            </>
          )}
        </div>
      )}
    </>
  );
}
