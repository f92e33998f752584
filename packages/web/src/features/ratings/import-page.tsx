import { CheckCircleOutlined, DownloadOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FileUploadButton, SHEET_ACCEPT } from '../../components/file-upload';
import { PageHeader } from '../../components/page-header';
import { formatNumber, labelFor } from '../../lib/format';
import { uploadFile } from '../../lib/upload';
import { useAction } from '../../lib/use-action';
import { useCurrentUser } from '../auth/session';
import { grantOrgs, RATING_LEVELS, type RatingLevel, ratingKeys, thisYear } from './api';
import { RatingLevelTag } from './parts';

/** The answer of `POST /api/ratings/import/{preview,commit}` (server ratings/import-routes.ts). */
interface RatingImportDto {
  valid: boolean;
  total: number;
  errors: { row: number; field: string; message: string }[];
  byLevel: Record<RatingLevel, number>;
  written: number;
}
type ImportError = RatingImportDto['errors'][number];

type Phase =
  | { step: 'idle' }
  | { step: 'preview'; report: RatingImportDto; file: File }
  | { step: 'done'; report: RatingImportDto };

const COLUMNS = ['year', 'period', 'subject', 'code', 'score', 'level', 'notes'] as const;

/** The columns of issue 15 point 4, with two example rows (an organisation, a member). */
const templateHref = (year: number) =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(
    [COLUMNS.join(','), `${year},,org,CB01,85,good,`, `${year},,member,DV0001,92,excellent,`].join('\n'),
  )}`;

function ErrorTable({ errors }: { errors: ImportError[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportError>
      data-testid="rating-import-errors"
      size="small"
      tableLayout="fixed"
      rowKey={(e) => `${e.row}:${e.field}:${e.message}`}
      dataSource={errors}
      pagination={errors.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      columns={[
        { key: 'row', title: t('ratings.import.row'), dataIndex: 'row', width: 56 },
        {
          key: 'field',
          title: t('ratings.import.column'),
          width: '28%',
          render: (_, e) => labelFor(`ratings.import.columns.${e.field}`, e.field),
        },
        { key: 'message', title: t('ratings.import.error'), dataIndex: 'message' },
      ]}
    />
  );
}

/** The decisions of the file by level (those to be written, or written). */
function ByLevel({ report, testId }: { report: RatingImportDto; testId: string }) {
  return (
    <Flex wrap gap={8} data-testid={testId}>
      {RATING_LEVELS.map((level) => (
        <span key={level} data-testid={`${testId}-${level}`} data-count={report.byLevel[level]}>
          <RatingLevelTag level={level} /> {formatNumber(report.byLevel[level])}
        </span>
      ))}
    </Flex>
  );
}

function Preview({
  report,
  file,
  onDone,
  onAgain,
}: {
  report: RatingImportDto;
  file: File;
  onDone: (report: RatingImportDto) => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const [late, setLate] = useState<RatingImportDto | null>(null);
  // The commit checks the same file again inside its one transaction: all or nothing (import.ts).
  const commit = useAction({
    mutationFn: () => uploadFile<RatingImportDto>('/api/ratings/import/commit', file),
    success: false,
    invalidate: [ratingKeys.all],
    onSuccess: (answer) => (answer.valid ? onDone(answer) : setLate(answer)),
  });
  const shown = late ?? report;
  return (
    <div className="nn-stack" data-testid="rating-import-preview">
      <div className="nn-stat-grid">
        <Statistic title={t('ratings.import.total')} value={shown.total} />
      </div>
      <Typography.Text type="secondary">{file.name}</Typography.Text>
      <ByLevel report={shown} testId="rating-import-levels" />
      {shown.valid ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('ratings.import.valid')} />
      ) : (
        <Alert
          type="error"
          showIcon
          title={t('ratings.import.invalid')}
          data-testid="rating-import-invalid"
        />
      )}
      {shown.errors.length > 0 ? (
        <div>
          <Typography.Title level={5}>
            {t('ratings.import.errorsTitle', { count: shown.errors.length })}
          </Typography.Title>
          <ErrorTable errors={shown.errors} />
        </div>
      ) : null}
      <Flex wrap gap={8}>
        {shown.valid ? (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={commit.isPending}
            onClick={() => commit.mutate(undefined)}
            data-testid="rating-import-commit"
          >
            {t('ratings.import.commit')}
          </Button>
        ) : null}
        <Button icon={<ReloadOutlined />} onClick={onAgain}>
          {t('ratings.import.again')}
        </Button>
      </Flex>
    </div>
  );
}

/**
 * Results rated on paper (issue 15 point 4), as the members import goes: choose a file, read the preview with
 * every error named by row and column (nothing written), then save — all rows or none — and read the summary.
 */
export function RatingImportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const year = thisYear();
  const org = grantOrgs(me, ['admin', 'committee_member'])[0];
  const reset = () => setPhase({ step: 'idle' });

  return (
    <>
      <PageHeader title={t('ratings.import.title')} />
      <div className="nn-stack">
        <Card size="small">
          <Typography.Paragraph type="secondary">{t('ratings.import.help')}</Typography.Paragraph>
          <Button icon={<DownloadOutlined />} href={templateHref(year)} download="xep-loai.csv">
            {t('ratings.import.template')}
          </Button>
        </Card>
        <Card size="small" title={t('ratings.import.chooseFile')}>
          {phase.step !== 'done' ? (
            <FileUploadButton<RatingImportDto>
              url={() => '/api/ratings/import/preview'}
              label={t('ratings.import.chooseFile')}
              testId="rating-import-file"
              accept={SHEET_ACCEPT}
              refuse={(file) =>
                /\.(xlsx|csv)$/i.test(file.name) ? undefined : t('ratings.import.wrongType')
              }
              primary={phase.step === 'idle'}
              onDone={(report, file) => setPhase({ step: 'preview', report, file })}
            />
          ) : null}
          {phase.step === 'preview' ? (
            <div style={{ marginTop: 16 }}>
              <Preview
                key={`${phase.file.name}:${phase.file.lastModified}:${phase.report.total}`}
                report={phase.report}
                file={phase.file}
                onDone={(report) => setPhase({ step: 'done', report })}
                onAgain={reset}
              />
            </div>
          ) : null}
          {phase.step === 'done' ? (
            <Result
              status="success"
              title={
                <span data-testid="rating-import-done" data-written={phase.report.written}>
                  {t('ratings.import.done', { count: phase.report.written })}
                </span>
              }
              subTitle={<ByLevel report={phase.report} testId="rating-import-written" />}
              extra={
                <Flex wrap gap={8} justify="center">
                  {org ? (
                    <Link to={`/ratings/summary?org=${encodeURIComponent(org)}&year=${year}`}>
                      <Button type="primary" data-testid="rating-import-summary">
                        {t('ratings.import.viewSummary')}
                      </Button>
                    </Link>
                  ) : null}
                  <Button icon={<ReloadOutlined />} onClick={reset}>
                    {t('ratings.import.again')}
                  </Button>
                </Flex>
              }
            />
          ) : null}
        </Card>
      </div>
    </>
  );
}
