import type {
  ImportJobDto,
  ImportJobStatus,
  ImportKind,
  ImportPreviewDto,
  ImportResultDto,
} from '@nennep/core';
import { apiGet, apiPost, seg } from '../../lib/api';
import { type UploadOptions, uploadFile } from '../../lib/upload';
import type { ColumnChoice } from './types';

export const templateUrl = (kind: ImportKind, format: 'xlsx' | 'csv') =>
  `/api/imports/templates/${kind}.${format}`;

/**
 * Uploads the file and gets the checked preview; nothing is written yet. `columns` is the user's column
 * mapping (one key or null per file column); without it the server maps the file itself.
 */
export const previewImport = (kind: ImportKind, file: File, options: UploadOptions, columns?: ColumnChoice) =>
  uploadFile<ImportPreviewDto>(
    columns
      ? `/api/imports/${kind}?columns=${encodeURIComponent(columns.map((k) => k ?? '').join(','))}`
      : `/api/imports/${kind}`,
    file,
    options,
  );

export const commitImport = (jobId: string) => apiPost<ImportResultDto>(`/api/imports/${seg(jobId)}/commit`);

export const fetchImportJob = (jobId: string) => apiGet<ImportJobDto>(`/api/imports/${seg(jobId)}`);

/** Statuses after which polling stops: written, or stopped with nothing written. */
export const FINISHED: ReadonlySet<ImportJobStatus> = new Set<ImportJobStatus>(['committed', 'failed']);
