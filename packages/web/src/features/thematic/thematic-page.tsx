import { quarterOf } from '@nennep/core/thematic/rules';
import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError, Loading } from '../../components/query-state';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { useOrg } from '../orgs/api';
import { todayIso } from './api';
import { CellCard } from './cell-card';
import { CoverageCard } from './coverage-card';
import { defaultOrg, isCellKind } from './default-org';
import { PendingCard } from './pending-card';
import { SessionsCard } from './sessions-card';
import { TopicsCard } from './topics-card';

/** The quarter a year opens on: this quarter for this year, the last one for a past year, else the first. */
function defaultQuarter(year: number): number {
  const today = todayIso();
  const now = Number(today.slice(0, 4));
  return year === now ? quarterOf(today) : year < now ? 4 : 1;
}

/**
 * "Sinh hoạt chuyên đề" as a programme (issue 17 item 1; HD 12-HD/BTCTW (06/7/2018), on sinh hoạt chuyên
 * đề): for a committee, the year's topics, the cells' own topics awaiting approval, its committee-wide sessions
 * and the coverage of a quarter; for a cell, its registrations of the year by quarter and its papers for the
 * sessions. What the actor may do comes with each list (`abilities`). `?org=&year=&quarter=`.
 */
export function ThematicPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const now = Number(todayIso().slice(0, 4));
  const year = Number(params.get('year')) || now;
  const quarter = Number(params.get('quarter')) || defaultQuarter(year);
  const org = params.get('org') ?? defaultOrg(me);
  const orgQuery = useOrg(org);
  return (
    <>
      <PageHeader
        title={t('thematic.title')}
        extra={
          <Select
            aria-label={t('thematic.year')}
            data-testid="thematic-year"
            value={year}
            style={{ width: 100 }}
            options={[now + 1, now, now - 1, now - 2].map((y) => ({ value: y, label: String(y) }))}
            onChange={(y) => update({ year: String(y), quarter: undefined })}
          />
        }
      />
      <Flex vertical gap={12}>
        <OrgSelect
          value={org}
          onChange={(code) => update({ org: code })}
          placeholder={t('thematic.chooseOrg')}
        />
        {!org ? null : orgQuery.error ? (
          <LoadError error={orgQuery.error} onRetry={() => void orgQuery.refetch()} />
        ) : !orgQuery.data ? (
          <Loading />
        ) : isCellKind(orgQuery.data.kind) ? (
          <CellCard cell={org} year={year} />
        ) : (
          <>
            <TopicsCard org={org} year={year} />
            <PendingCard org={org} year={year} />
            <SessionsCard org={org} year={year} />
            <CoverageCard
              org={org}
              year={year}
              quarter={quarter}
              onQuarter={(q) => update({ quarter: String(q) })}
            />
          </>
        )}
      </Flex>
    </>
  );
}
