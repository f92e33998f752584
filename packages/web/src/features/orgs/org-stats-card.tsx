import type { OrgStatsDto } from '@nennep/core/orgs/types';
import { Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { formatNumber, labelFor } from '../../lib/format';
import { useOrgStats } from './api';

function Stat({ title, value, testId }: { title: string; value: number; testId: string }) {
  return (
    <Statistic
      title={title}
      value={value}
      valueRender={() => (
        <span data-testid={testId} data-value={value}>
          {formatNumber(value)}
        </span>
      )}
    />
  );
}

function Breakdown({
  title,
  counts,
  group,
}: {
  title: string;
  counts: Record<string, number>;
  group: string;
}) {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <Flex wrap gap={6} style={{ marginTop: 6 }}>
        {entries.map(([key, n]) => (
          <Tag key={key} style={{ marginInlineEnd: 0 }}>
            {labelFor(`${group}.${key}`, key)}: <strong>{formatNumber(n)}</strong>
          </Tag>
        ))}
      </Flex>
    </div>
  );
}

export function StatsBody({ stats }: { stats: OrgStatsDto }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="nn-stat-grid">
        <Stat title={t('orgs.stats.members')} value={stats.members.total} testId="stat-members-total" />
        <Stat
          title={t('orgs.stats.official')}
          value={stats.members.official}
          testId="stat-members-official"
        />
        <Stat
          title={t('orgs.stats.probationary')}
          value={stats.members.probationary}
          testId="stat-members-probationary"
        />
        <Stat title={t('orgs.stats.exempt')} value={stats.members.exempt} testId="stat-members-exempt" />
        <Stat title={t('orgs.stats.grassroots')} value={stats.grassrootsOrgs} testId="stat-grassroots" />
      </div>
      <Breakdown title={t('orgs.stats.byKind')} counts={stats.byKind} group="kind" />
      <Breakdown title={t('orgs.stats.cellsByCategory')} counts={stats.cellsByCategory} group="category" />
    </>
  );
}

/** Counts for the subtree of one organisation (`GET /api/orgs/{code}/stats`). */
export function OrgStatsCard({ code, title }: { code: string; title?: string }) {
  const { t } = useTranslation();
  const stats = useOrgStats(code);
  return (
    <Card title={title ?? t('orgs.stats.title')} size="small" data-testid="org-stats">
      <QueryState query={stats}>{(data) => <StatsBody stats={data} />}</QueryState>
    </Card>
  );
}
