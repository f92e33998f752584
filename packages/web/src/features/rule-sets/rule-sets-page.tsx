import { PlusOutlined } from '@ant-design/icons';
import type { RuleSetDto } from '@nennep/core/meetings/api-types';
import { Card, Empty, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LinkButton } from '../../components/link-button';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useRuleSets } from '../../lib/rule-sets';
import { useGrantOrgs, useOrg } from '../orgs/api';
import { RuleSetView } from './rule-set-view';
import '../meetings/meetings.css';

function VersionList({
  items,
  effectiveId,
  selected,
  onSelect,
}: {
  items: RuleSetDto[];
  effectiveId: number | null;
  selected: number | undefined;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('common.empty')} />;
  // Newest first: the one a reader looks for is the latest.
  const sorted = [...items].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.id - a.id);
  return (
    <div className="nn-card-list" data-testid="rule-set-list">
      {sorted.map((r) => (
        <button
          type="button"
          key={r.id}
          className={`nn-version${r.id === selected ? ' nn-version-on' : ''}`}
          onClick={() => onSelect(r.id)}
          data-testid="rule-set-row"
          data-id={r.id}
          data-effective={r.id === effectiveId}
        >
          <div className="nn-version-name">{r.name}</div>
          <Flex wrap gap={4} align="center">
            {r.id === effectiveId ? (
              <Tag color="green" data-testid="rule-set-in-force">
                {t('ruleSets.inForce')}
              </Tag>
            ) : null}
            <Tag color={r.inherited ? 'default' : 'blue'}>
              {r.inherited ? t('ruleSets.inherited') : t('ruleSets.own')}
            </Tag>
            <span className="nn-muted">
              {t('ruleSets.effectiveFrom')} {formatDate(r.effectiveFrom)} · {r.orgCode}
            </span>
          </Flex>
        </button>
      ))}
    </div>
  );
}

/** `/rule-sets`: the dated rule sets that govern an organisation's meetings, own and inherited. */
export function RuleSetsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { orgs } = useGrantOrgs();
  const org = params.get('org') || orgs.find((o) => o.abilities.update)?.code || orgs[0]?.code;
  const orgDetail = useOrg(org);
  const list = useRuleSets(org);
  const selectedParam = Number(params.get('id')) || undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const selectedId = selectedParam ?? list.data?.effectiveId ?? undefined;
  const selected = list.data?.items.find((r) => r.id === selectedId);
  const canCreate = !!orgDetail.data?.abilities.update;
  const newHref = `/rule-sets/new?org=${encodeURIComponent(org ?? '')}${selected ? `&from=${selected.id}` : ''}`;
  return (
    <>
      <PageHeader
        title={t('ruleSets.title')}
        sub={orgDetail.data?.name}
        extra={
          canCreate ? (
            <LinkButton type="primary" icon={<PlusOutlined />} to={newHref} data-testid="rule-set-new">
              {t('ruleSets.newVersion')}
            </LinkButton>
          ) : null
        }
      />
      <div className="nn-stack">
        <Card size="small">
          <OrgSelect
            value={org}
            onChange={(next) => set({ org: next, id: undefined })}
            placeholder={t('ruleSets.pickOrg')}
            allowClear={false}
            data-testid="rule-set-org"
          />
        </Card>
        {org ? (
          <QueryState query={list}>
            {(data) => (
              <div className="nn-two-cols">
                <Card size="small" title={t('ruleSets.list')}>
                  <VersionList
                    items={data.items}
                    effectiveId={data.effectiveId}
                    selected={selectedId}
                    onSelect={(id) => set({ id: String(id) })}
                  />
                </Card>
                <div>{selected ? <RuleSetView key={selected.id} content={selected.content} /> : null}</div>
              </div>
            )}
          </QueryState>
        ) : (
          <Empty description={t('ruleSets.pickOrg')} />
        )}
      </div>
    </>
  );
}
