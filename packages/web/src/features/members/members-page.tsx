import { FileExcelOutlined, SearchOutlined, UserAddOutlined } from '@ant-design/icons';
import { MEMBER_STATUSES, type MemberStatus, SEXES, type Sex } from '@nennep/core/members/types';
import { Button, Card, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LinkButton } from '../../components/link-button';
import { OrgSelect, useDebounced } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError } from '../../components/query-state';
import type { MemberFilters } from '../../lib/member-list';
import { useOptions } from '../../lib/options';
import { useIsMobile } from '../../lib/use-mobile';
import { useAnyAbilities, useOrg } from '../orgs/api';
import { exportUrl, useMemberList } from './api';
import { MemberCards, MemberTable } from './member-list-views';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === value);

/** Filters live in the URL, so a list can be bookmarked and the back button restores it. */
function useFilters(): [MemberFilters, (patch: Partial<MemberFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: MemberFilters = {
    org: params.get('org') || undefined,
    q: params.get('q') || undefined,
    status: pick<MemberStatus>(params.get('status'), MEMBER_STATUSES),
    exempt: pick(params.get('exempt'), ['true', 'false'] as const),
    sex: pick<Sex>(params.get('sex'), SEXES),
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 50,
  };
  const update = (patch: Partial<MemberFilters>) => {
    const next: Record<string, string | number | undefined> = { ...filters, page: 1, ...patch };
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === '') continue;
      if ((key === 'page' && value === 1) || (key === 'pageSize' && value === 50)) continue;
      search.set(key, String(value));
    }
    setParams(search, { replace: true });
  };
  return [filters, update];
}

export function MembersPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const options = useOptions();
  const [filters, setFilters] = useFilters();
  const [text, setText] = useState(filters.q ?? '');
  const q = useDebounced(text.trim(), 350);
  const list = useMemberList(filters);
  const org = useOrg(filters.org);
  const anyAbilities = useAnyAbilities();
  const canAdd = filters.org ? !!org.data?.abilities.manageMembers : anyAbilities.manageMembers;

  // Typing settles into the URL (and resets to page 1).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text should trigger this
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ q: q || undefined });
  }, [q]);

  const onPage = (page: number, pageSize: number) =>
    setFilters({ page: pageSize !== filters.pageSize ? 1 : page, pageSize });
  const hasFilters = !!(filters.org || filters.q || filters.status || filters.exempt || filters.sex);
  const addHref = filters.org ? `/members/new?org=${encodeURIComponent(filters.org)}` : '/members/new';

  return (
    <>
      <PageHeader
        title={t('members.title')}
        sub={org.data ? org.data.name : undefined}
        extra={
          <>
            <Button
              icon={<FileExcelOutlined />}
              href={exportUrl(filters)}
              download
              data-testid="member-export"
            >
              {t('members.export')}
            </Button>
            {canAdd ? (
              <LinkButton type="primary" icon={<UserAddOutlined />} to={addHref} data-testid="member-create">
                {t('members.create')}
              </LinkButton>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <div className="nn-filters">
          <Input
            className="nn-filter-wide"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('members.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => setFilters({ q: text.trim() || undefined })}
            data-testid="member-search"
            aria-label={t('common.search')}
          />
          <div className="nn-filter-wide">
            <OrgSelect
              value={filters.org}
              onChange={(org) => setFilters({ org })}
              data-testid="member-filter-org"
            />
          </div>
          <Select<MemberStatus>
            allowClear
            placeholder={t('members.status')}
            aria-label={t('members.status')}
            value={filters.status}
            onChange={(status) => setFilters({ status })}
            options={options.statuses}
            data-testid="member-filter-status"
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('members.exemptFilter')}
            aria-label={t('members.exemptFilter')}
            value={filters.exempt}
            onChange={(exempt) => setFilters({ exempt })}
            options={[
              { value: 'true', label: t('members.exemptYes') },
              { value: 'false', label: t('members.exemptNo') },
            ]}
            data-testid="member-filter-exempt"
          />
          <Select<Sex>
            allowClear
            placeholder={t('members.sex')}
            aria-label={t('members.sex')}
            value={filters.sex}
            onChange={(sex) => setFilters({ sex })}
            options={options.sexes}
            data-testid="member-filter-sex"
          />
          {hasFilters ? (
            <Button
              onClick={() => {
                setText('');
                setFilters({
                  org: undefined,
                  q: undefined,
                  status: undefined,
                  exempt: undefined,
                  sex: undefined,
                });
              }}
            >
              {t('members.clearFilters')}
            </Button>
          ) : null}
        </div>
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : isMobile ? (
          <MemberCards data={list.data} loading={list.isFetching && !list.data} onPage={onPage} />
        ) : (
          <MemberTable data={list.data} loading={list.isFetching} onPage={onPage} />
        )}
      </Card>
    </>
  );
}
