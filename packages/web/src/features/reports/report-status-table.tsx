import { Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { type ReportStatus, type ReportStatusLine, useReportStatus } from './api';

const STATUS_COLOR: Record<ReportStatus, string | undefined> = {
  none: undefined,
  draft: 'gold',
  issued: 'green',
};

/** "Tình hình báo cáo của cấp dưới": each child committee, whether it has issued its report of the period. */
export function ReportStatusTable({
  org,
  period,
  onOpen,
}: {
  org: string;
  period: string;
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const query = useReportStatus(org, period);
  const children = query.data?.children ?? [];
  const issued = children.filter((c) => c.status === 'issued').length;
  return (
    <Card
      size="small"
      title={t('reports.below')}
      extra={
        children.length > 0 ? (
          <span className="nn-small">{t('reports.issuedCount', { issued, total: children.length })}</span>
        ) : null
      }
      styles={{ body: { padding: 0 } }}
      data-testid="report-below"
    >
      {query.error ? (
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<ReportStatusLine>
          size="small"
          rowKey="code"
          loading={query.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={children}
          locale={{ emptyText: t('reports.belowEmpty') }}
          columns={[
            {
              title: t('reports.unit'),
              dataIndex: 'name',
              render: (name: string, line) => (
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(line.code)}>
                  {name}
                </Button>
              ),
            },
            {
              title: t('reports.state'),
              dataIndex: 'status',
              render: (status: ReportStatus) => (
                <Tag color={STATUS_COLOR[status]} data-testid={`report-status-${status}`}>
                  {t(`reportStatus.${status}`)}
                </Tag>
              ),
            },
            { title: t('reports.number'), dataIndex: 'number', render: (n: string | null) => n ?? '' },
            {
              title: t('reports.issuedAt'),
              dataIndex: 'issuedAt',
              render: (d: string | null) => formatDate(d),
            },
            { title: t('reports.issuer'), dataIndex: 'issuedBy', render: (n: string | null) => n ?? '' },
          ]}
        />
      )}
    </Card>
  );
}
