import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Input, Segmented, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/link-button';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError, Loading } from '../../components/query-state';
import { useCurrentUser } from '../auth/session';
import { RECOMMENDATION_STATUSES, type RecommendationFilters, useRecommendations } from './api';
import { CreateRecommendationModal } from './recommendation-create';
import { RecommendationList } from './recommendation-list';
import { isCommitteeStaff, isHandler } from './roles';
import '../meetings/meetings.css';
import './recommendations.css';
import { useUrlParams } from '../../lib/use-url-params';

const TABS = ['inbox', 'mine', 'all'] as const;
type Tab = (typeof TABS)[number];

/** `?tab=&org=&status=&overdue=&q=` in the URL, so the back button from a recommendation returns here. */
function useListFilters() {
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const tabs = TABS.filter((tab) =>
    tab === 'inbox' ? isHandler(me) : tab === 'mine' ? !!me.memberCode : true,
  );
  const tab: Tab = tabs.find((x) => x === params.get('tab')) ?? tabs[0] ?? 'all';
  const status = RECOMMENDATION_STATUSES.find((s) => s === params.get('status'));
  const filters: RecommendationFilters =
    tab === 'inbox'
      ? { inbox: true }
      : tab === 'mine'
        ? { mine: true }
        : {
            org: params.get('org') || undefined,
            status,
            overdue: params.get('overdue') === 'true',
            q: params.get('q') || undefined,
          };
  return { tabs, tab, filters, update, params };
}

function AllFilters({
  params,
  update,
}: {
  params: URLSearchParams;
  update: (patch: Record<string, string | undefined>) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(params.get('q') ?? '');
  return (
    <div className="nn-rec-filters" data-testid="rec-filters">
      <div className="nn-rec-filter-wide">
        <OrgSelect
          value={params.get('org')}
          onChange={(org) => update({ org })}
          placeholder={t('recommendations.filters.org')}
          data-testid="rec-filter-org"
        />
      </div>
      <Select
        allowClear
        value={params.get('status') || undefined}
        onChange={(status) => update({ status })}
        placeholder={t('recommendations.filters.anyStatus')}
        options={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`recStatus.${s}`) }))}
        aria-label={t('recommendations.fields.status')}
        data-testid="rec-filter-status"
      />
      <Checkbox
        checked={params.get('overdue') === 'true'}
        onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}
        data-testid="rec-filter-overdue"
      >
        {t('recommendations.filters.overdue')}
      </Checkbox>
      <Input.Search
        className="nn-rec-filter-wide"
        allowClear
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value) update({ q: undefined });
        }}
        onSearch={(q) => update({ q: q.trim() || undefined })}
        placeholder={t('recommendations.filters.search')}
        aria-label={t('common.search')}
        data-testid="rec-search"
      />
    </div>
  );
}

/**
 * Under the inbox, read-only: what a level the account answers for passed on and another level has answered,
 * on its way back to the cell's meeting (until it is reported back there).
 */
function PassedList() {
  const { t } = useTranslation();
  const passed = useRecommendations({ passed: true });
  const items = passed.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('recommendations.passed.title')} data-testid="rec-list-passed">
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('recommendations.passed.help')}
      </p>
      <RecommendationList items={items} empty="" />
    </Card>
  );
}

/** `/recommendations`: what waits for the account, what the member raised, and everything visible. */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { tabs, tab, filters, update, params } = useListFilters();
  const list = useRecommendations(filters);
  const [creating, setCreating] = useState(false);
  const staff = isCommitteeStaff(me);
  return (
    <>
      <PageHeader
        title={t('recommendations.title')}
        extra={
          <>
            {isHandler(me) ? (
              <LinkButton to="/recommendations/dashboard" icon={<BarChartOutlined />}>
                {t('recommendations.openDashboard')}
              </LinkButton>
            ) : null}
            {staff ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="rec-create"
              >
                {t('recommendations.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="nn-stack">
        <Segmented<Tab>
          block
          size="large"
          value={tab}
          onChange={(next) => update({ tab: next })}
          options={tabs.map((x) => ({
            value: x,
            label: <span data-testid={`rec-tab-${x}`}>{t(`recommendations.tabs.${x}`)}</span>,
          }))}
        />
        {tab === 'all' ? (
          <Card size="small">
            <AllFilters params={params} update={update} />
          </Card>
        ) : null}
        <Card size="small" data-testid={`rec-list-${tab}`}>
          {list.error && !list.data ? (
            <LoadError error={list.error} onRetry={() => void list.refetch()} />
          ) : !list.data ? (
            <Loading />
          ) : (
            <>
              <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
                <span className="nn-muted" data-testid="rec-count">
                  {t('recommendations.count', { count: list.data.length })}
                </span>
                {list.isFetching ? <Spin size="small" /> : null}
              </Flex>
              <RecommendationList items={list.data} empty={t(`recommendations.empty.${tab}`)} />
            </>
          )}
        </Card>
        {tab === 'inbox' ? <PassedList /> : null}
      </div>
      {creating ? <CreateRecommendationModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
