import {
  CheckCircleOutlined,
  DownloadOutlined,
  FileAddOutlined,
  ReloadOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import type { ImportKind, ImportPreviewDto, ImportResultDto, ImportRowErrorDto } from '@nennep/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Result, Statistic, Table, Typography } from 'antd';
import { type ChangeEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHEET_ACCEPT } from '../../components/file-upload';
import { ApiError } from '../../lib/api';
import { formatNumber, labelFor } from '../../lib/format';
import { memberKeys } from '../../lib/member-list';
import { useAction, useNotifyError } from '../../lib/use-action';
import { orgKeys } from '../orgs/api';
import { commitImport, FINISHED, fetchImportJob, previewImport, templateUrl } from './api';
import { ColumnMapping } from './column-mapping';
import type { ColumnChoice } from './types';

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; percent: number; sent: boolean }
  | { step: 'preview'; preview: ImportPreviewDto; file: File };

function Templates({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('imports.templates')}>
      <Typography.Paragraph type="secondary">{t('imports.templatesHelp')}</Typography.Paragraph>
      <Flex wrap gap={8}>
        <Button
          icon={<DownloadOutlined />}
          href={templateUrl(kind, 'xlsx')}
          download
          data-testid={`template-${kind}-xlsx`}
        >
          {kind}.xlsx
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={templateUrl(kind, 'csv')}
          download
          data-testid={`template-${kind}-csv`}
        >
          {kind}.csv
        </Button>
      </Flex>
    </Card>
  );
}

/** `row.12.fullName` field errors → error table rows. */
function rowErrorsOf(error: unknown): ImportRowErrorDto[] {
  if (!(error instanceof ApiError)) return [];
  return error.fields.flatMap((f) => {
    const match = /^row\.(\d+)\.(.+)$/.exec(f.field);
    return match ? [{ row: Number(match[1]), field: match[2] ?? '', message: f.message }] : [];
  });
}

/** Column header as written in the template (the server names the column by its key). */
const columnName = (field: string) => labelFor(`imports.columns.${field}`, field);

function ErrorTable({ errors }: { errors: ImportRowErrorDto[] }) {
  const { t } = useTranslation();
  return (
    <Table<ImportRowErrorDto>
      data-testid="import-errors"
      size="small"
      tableLayout="fixed"
      rowKey={(e) => `${e.row}:${e.field}:${e.message}`}
      dataSource={errors}
      scroll={{ y: 420 }}
      pagination={errors.length > 200 ? { pageSize: 100, showSizeChanger: false } : false}
      columns={[
        { key: 'row', title: t('imports.row'), dataIndex: 'row', width: 64 },
        { key: 'field', title: t('imports.column'), render: (_, e) => columnName(e.field), width: '25%' },
        { key: 'message', title: t('imports.error'), dataIndex: 'message' },
      ]}
    />
  );
}

function ResultView({ result, onAgain }: { result: ImportResultDto; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="success"
      title={t('imports.resultTitle')}
      subTitle={
        <span data-testid="import-result" data-created={result.created} data-updated={result.updated}>
          {t('imports.created', { count: result.created })} ·{' '}
          {t('imports.updated', { count: result.updated })} ·{' '}
          {t('imports.unchangedCount', { count: result.unchanged })}
        </span>
      }
      extra={
        <Button icon={<ReloadOutlined />} onClick={onAgain}>
          {t('imports.again')}
        </Button>
      }
    />
  );
}

/** Commit with a progress bar fed by polling the job while the commit request is running. */
function CommitStep({
  preview,
  kind,
  onAgain,
  blocked,
}: {
  preview: ImportPreviewDto;
  kind: ImportKind;
  onAgain: () => void;
  /** The column mapping was changed and not applied yet, or is being applied. */
  blocked: boolean;
}) {
  const { t } = useTranslation();
  const [result, setResult] = useState<ImportResultDto | null>(null);
  // The server re-checks at commit time; rows that became invalid come back as `row.N.field` errors.
  const [lateErrors, setLateErrors] = useState<ImportRowErrorDto[]>([]);
  const commit = useAction({
    onError: (error) => setLateErrors(rowErrorsOf(error)),
    mutationFn: () => commitImport(preview.jobId),
    success: false,
    invalidate: [kind === 'orgs' ? orgKeys.all : memberKeys.all, orgKeys.all],
    onSuccess: (answer) => setResult(answer),
  });
  const polling = (commit.isPending || (commit.isSuccess && !result)) && !commit.isError;
  const job = useQuery({
    queryKey: ['imports', 'job', preview.jobId],
    queryFn: () => fetchImportJob(preview.jobId),
    enabled: polling,
    refetchInterval: (query) => (query.state.data && FINISHED.has(query.state.data.status) ? false : 700),
  });
  if (lateErrors.length > 0) {
    return (
      <div className="nn-stack">
        <Alert type="error" showIcon title={t('imports.invalid')} data-testid="import-invalid" />
        <ErrorTable errors={lateErrors} />
        <Button icon={<ReloadOutlined />} onClick={onAgain}>
          {t('imports.again')}
        </Button>
      </div>
    );
  }
  const finalResult = result ?? (job.data?.result && FINISHED.has(job.data.status) ? job.data.result : null);
  if (finalResult) return <ResultView result={finalResult} onAgain={onAgain} />;
  if (job.data?.status === 'failed') {
    return (
      <Alert type="error" showIcon title={t('imports.failed')} description={job.data.error ?? undefined} />
    );
  }
  const total = job.data?.total || preview.total || 1;
  const processed = job.data?.processed ?? 0;
  return (
    <div>
      {polling ? (
        <div data-testid="import-commit-progress">
          <Typography.Text>{t('imports.committing')}</Typography.Text>
          <Progress percent={Math.min(100, Math.round((processed / total) * 100))} status="active" />
          <Typography.Text type="secondary">
            {formatNumber(processed)} / {formatNumber(total)}
          </Typography.Text>
        </div>
      ) : (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!preview.valid || blocked}
          onClick={() => commit.mutate(undefined)}
          data-testid="import-commit"
        >
          {t('imports.commit')}
        </Button>
      )}
    </div>
  );
}

function PreviewView({
  preview,
  kind,
  onAgain,
  onRemap,
}: {
  preview: ImportPreviewDto;
  kind: ImportKind;
  onAgain: () => void;
  /** Checks the same file again with the user's column mapping. */
  onRemap: (choice: ColumnChoice) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [dirty, setDirty] = useState(false);
  const [remapping, setRemapping] = useState(false);
  const remap = async (choice: ColumnChoice) => {
    setRemapping(true);
    try {
      await onRemap(choice);
    } finally {
      setRemapping(false);
    }
  };
  return (
    <div className="nn-stack" data-testid="import-preview">
      {preview.mapping?.needed ? (
        <ColumnMapping mapping={preview.mapping} busy={remapping} onApply={remap} onDirtyChange={setDirty} />
      ) : null}
      <div className="nn-stat-grid">
        <Statistic title={t('imports.totalRows')} value={preview.total} />
        <Statistic title={t('imports.toCreate')} value={preview.summary.create} />
        <Statistic title={t('imports.toUpdate')} value={preview.summary.update} />
        <Statistic title={t('imports.unchanged')} value={preview.summary.unchanged} />
      </div>
      <Typography.Text type="secondary">
        {t('imports.fileName')}: {preview.fileName}
      </Typography.Text>
      {preview.valid ? (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('imports.valid')} />
      ) : (
        <Alert type="error" showIcon title={t('imports.invalid')} data-testid="import-invalid" />
      )}
      {preview.errors.length > 0 ? (
        <div>
          <Typography.Title level={5}>
            {t('imports.errorsTitle', { count: preview.errors.length })}
          </Typography.Title>
          <ErrorTable errors={preview.errors} />
        </div>
      ) : null}
      <Flex wrap gap={8} align="center">
        <div style={{ flex: 1, minWidth: 240 }}>
          <CommitStep preview={preview} kind={kind} onAgain={onAgain} blocked={dirty || remapping} />
        </div>
      </Flex>
    </div>
  );
}

/** One tab of the import page: template, upload with progress, preview with every row error, commit. */
export function ImportPanel({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const reset = () => {
    setPhase({ step: 'idle' });
    if (input.current) input.current.value = '';
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (!/\.(xlsx|csv)$/i.test(file.name)) {
      notifyError(new Error(t('imports.wrongType')));
      event.target.value = '';
      return;
    }
    setPhase({ step: 'uploading', percent: 0, sent: false });
    try {
      const preview = await previewImport(kind, file, {
        onProgress: (percent) => setPhase((p) => (p.step === 'uploading' ? { ...p, percent } : p)),
        onUploaded: () => setPhase((p) => (p.step === 'uploading' ? { ...p, sent: true } : p)),
      });
      setPhase({ step: 'preview', preview: { ...preview, errors: preview.errors ?? [] }, file });
    } catch (error) {
      notifyError(error);
      reset();
    }
  };

  /** Sends the same file again with the chosen mapping; the new preview replaces the old one. */
  const remap = async (file: File, choice: ColumnChoice) => {
    try {
      const preview = await previewImport(kind, file, {}, choice);
      setPhase({ step: 'preview', preview: { ...preview, errors: preview.errors ?? [] }, file });
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <div className="nn-stack">
      <Templates kind={kind} />
      <Card size="small" title={t('imports.chooseFile')}>
        <input
          ref={input}
          type="file"
          accept={SHEET_ACCEPT}
          className="nn-file-input"
          onChange={onFile}
          data-testid="import-file"
          aria-label={t('imports.chooseFile')}
          tabIndex={-1}
        />
        {phase.step === 'uploading' ? (
          <div data-testid="import-upload-progress">
            <Typography.Text>{phase.sent ? t('imports.checking') : t('imports.uploading')}</Typography.Text>
            <Progress percent={phase.percent} status="active" />
          </div>
        ) : (
          <Button
            icon={<FileAddOutlined />}
            onClick={() => input.current?.click()}
            type={phase.step === 'idle' ? 'primary' : 'default'}
          >
            {t('imports.chooseFile')}
          </Button>
        )}
        {phase.step === 'preview' ? (
          <div style={{ marginTop: 16 }}>
            <PreviewView
              key={phase.preview.jobId}
              preview={phase.preview}
              kind={kind}
              onAgain={reset}
              onRemap={(choice) => remap(phase.file, choice)}
            />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
