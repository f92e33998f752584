import { FileDoneOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { type CoverageDto, supervisionCommands, supervisionKeys } from './api';

/**
 * Issuing the period's report: it is numbered and frozen, and downloads the same afterwards. Before, the
 * downloads are drafts with a blank number.
 */
export function ReportIssue({
  data,
  committee,
  period,
}: {
  data: CoverageDto;
  committee: string;
  period: string;
}) {
  const { t } = useTranslation();
  const issue = useAction({
    mutationFn: () => supervisionCommands.issueReport(committee, period),
    success: t('supervision.coverage.issued'),
    invalidate: [supervisionKeys.all],
  });
  if (data.report) {
    return (
      <Tag
        color="green"
        icon={<FileDoneOutlined />}
        style={{ whiteSpace: 'normal' }}
        data-testid="report-issued"
      >
        {t('supervision.coverage.issuedAs', {
          number: data.report.number,
          date: formatDate(data.report.issuedAt),
        })}
      </Tag>
    );
  }
  return (
    <Popconfirm
      title={t('supervision.coverage.issueConfirm')}
      okText={t('supervision.coverage.issue')}
      cancelText={t('common.cancel')}
      onConfirm={() => issue.mutate(undefined)}
    >
      <Button icon={<FileDoneOutlined />} loading={issue.isPending} data-testid="report-issue">
        {t('supervision.coverage.issue')}
      </Button>
    </Popconfirm>
  );
}
