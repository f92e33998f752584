import type { AuditEventDto, AuditLogDto } from '@nennep/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError } from '../../components/query-state';
import { apiGet } from '../../lib/api';
import { formatDateTime, labelFor } from '../../lib/format';

const PAGE_SIZE = 50;
/** The actor name of what no account did (the server's `audit`, http/audit.ts). */
const SYSTEM = 'system';

/** `{ created: 7000, fileName: "x" }` → `Thêm mới: 7000 · Tệp: x`. */
function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail === 'string') return detail;
  if (typeof detail !== 'object' || Array.isArray(detail)) return JSON.stringify(detail);
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(
      ([k, v]) => `${labelFor(`fields.${k}`, k)}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
    )
    .join(' · ');
}

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const org = params.get('org') || undefined;
  const page = Number(params.get('page')) || 1;
  const audit = useQuery({
    queryKey: ['audit', org ?? '', page],
    queryFn: () => apiGet<AuditLogDto>('/api/audit', { org, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const setQuery = (next: { org?: string; page?: number }) => {
    const search = new URLSearchParams();
    if (next.org) search.set('org', next.org);
    if (next.page && next.page > 1) search.set('page', String(next.page));
    setParams(search, { replace: true });
  };

  type Row = AuditEventDto & { key: string };
  const columns: TableColumnsType<Row> = [
    { key: 'at', title: t('audit.at'), render: (_, a) => formatDateTime(a.at), width: 150 },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, a) => (a.actorName === SYSTEM ? t('common.system') : a.actorName),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, a) => labelFor(`auditActions.${a.action}`, a.action),
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, a) => {
        const id = a.entityId;
        // Import job ids are UUIDs: the first block is enough to tell them apart on screen.
        const short = id.length > 20 ? `${id.slice(0, 8)}…` : id;
        return (
          <span title={id}>
            {labelFor(`entityTypes.${a.entityType}`, a.entityType)} {short}
          </span>
        );
      },
    },
    {
      key: 'detail',
      title: t('audit.detail'),
      render: (_, a) => (
        <Typography.Text
          style={{ maxWidth: 420, display: 'inline-block' }}
          ellipsis={{ tooltip: detailText(a.detail) }}
        >
          {detailText(a.detail)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card size="small">
        <div style={{ maxWidth: 420, marginBottom: 12 }}>
          <OrgSelect value={org} onChange={(code) => setQuery({ org: code })} />
        </div>
        {audit.error && !audit.data ? (
          <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <Table<Row>
            rowKey="key"
            size="small"
            columns={columns}
            dataSource={(audit.data?.items ?? []).map((a, i) => ({ ...a, key: `${page}-${i}` }))}
            loading={audit.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: audit.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => setQuery({ org, page: p }),
            }}
            data-testid="audit-table"
          />
        )}
      </Card>
    </>
  );
}
