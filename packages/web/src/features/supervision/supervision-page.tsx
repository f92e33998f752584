import { Alert, Card, Select, Tabs } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { currentLang } from '../../app/i18n';
import { PageHeader } from '../../components/page-header';
import { Loading } from '../../components/query-state';
import { useRuleSets } from '../../lib/rule-sets';
import { useCurrentUser } from '../auth/session';
import { DEFAULT_SUPERVISION_RULES, usePlan } from './api';
import { GroupsTab } from './groups-tab';
import { kindOfKey, periodKeyOf } from './period';
import { PeriodSwitcher } from './period-switcher';
import { PlanTab } from './plan-tab';
import '../meetings/meetings.css';
import './supervision.css';

// ECharts is heavy: the dashboard (and the charts in it) load only when its tab is opened.
const CoverageTab = lazy(async () => ({ default: (await import('./coverage-tab')).CoverageTab }));

const TABS = ['plan', 'groups', 'coverage'] as const;
type Tab = (typeof TABS)[number];

/** The committees the account organises supervision for: its admin and committee-member grants. */
export function useManagedCommittees() {
  const me = useCurrentUser();
  const seen = new Set<string>();
  return me.grants
    .filter((g) => g.role === 'admin' || g.role === 'committee_member')
    .filter((g) => !seen.has(g.orgCode) && seen.add(g.orgCode))
    .map((g) => ({ code: g.orgCode, name: g.orgName }));
}

/** `?committee=&period=&tab=` in the URL, so that the back button from a visit returns to the same view. */
function useSupervisionFilters() {
  const [params, setParams] = useSearchParams();
  const committees = useManagedCommittees();
  const committee = committees.find((c) => c.code === params.get('committee'))?.code ?? committees[0]?.code;
  // The period kind comes from the rule set in force for the committee (quarterly by default).
  const ruleSets = useRuleSets(committee);
  const effective = ruleSets.data?.items.find((r) => r.id === ruleSets.data?.effectiveId);
  const kind = (effective?.content.supervision ?? DEFAULT_SUPERVISION_RULES).period;
  const asked = params.get('period');
  const period = asked && kindOfKey(asked) === kind ? asked : periodKeyOf(kind, dayjs());
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'plan';
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { committees, committee, period, tab, update, ready: !ruleSets.isPending || !committee };
}

/** `/supervision`: the committee plans its visits to the cells, organises its groups and follows coverage. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const { committees, committee, period, tab, update, ready } = useSupervisionFilters();
  const plan = usePlan(ready ? (committee ?? '') : '', period);
  if (!committee) {
    return (
      <>
        <PageHeader title={t('supervision.title')} />
        <Alert type="info" showIcon title={t('supervision.noCommittee')} />
      </>
    );
  }
  const label = plan.data?.period.key === period ? plan.data.period.label[currentLang()] : undefined;
  return (
    <>
      <PageHeader title={t('supervision.title')} sub={committees.find((c) => c.code === committee)?.name} />
      <div className="nn-stack">
        <Card size="small">
          <div className="nn-sup-filters">
            {committees.length > 1 ? (
              <Select
                size="large"
                value={committee}
                onChange={(next) => update({ committee: next, period: undefined })}
                options={committees.map((c) => ({ value: c.code, label: c.name }))}
                aria-label={t('supervision.committee')}
                className="nn-sup-committee"
                data-testid="supervision-committee"
              />
            ) : null}
            <PeriodSwitcher periodKey={period} label={label} onChange={(next) => update({ period: next })} />
          </div>
        </Card>
        {!ready ? (
          <Loading />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(next) => update({ tab: next === 'plan' ? undefined : next })}
            destroyOnHidden
            items={[
              {
                key: 'plan',
                label: <span data-testid="supervision-tab-plan">{t('supervision.tabs.plan')}</span>,
                children: <PlanTab committee={committee} period={period} plan={plan} />,
              },
              {
                key: 'groups',
                label: <span data-testid="supervision-tab-groups">{t('supervision.tabs.groups')}</span>,
                children: <GroupsTab committee={committee} />,
              },
              {
                key: 'coverage',
                label: <span data-testid="supervision-tab-coverage">{t('supervision.tabs.coverage')}</span>,
                children: (
                  <Suspense fallback={<Loading />}>
                    <CoverageTab key={committee} committee={committee} period={period} />
                  </Suspense>
                ),
              },
            ]}
          />
        )}
      </div>
    </>
  );
}
