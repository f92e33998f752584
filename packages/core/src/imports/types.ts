/**
 * The answers of the imports API (preview, column mapping, job status, commit), stated once: the server's
 * `modules/imports` returns them, the web's import page reads them (`import type`). No zod, no imports.
 */

/** What a file imports: the organisation tree or the members. */
export type ImportKind = 'orgs' | 'members';
export const IMPORT_KINDS: readonly ImportKind[] = ['orgs', 'members'];

/**
 * Where an import job stands: `ready` (previewed, valid), `invalid` (errors, nothing can be written),
 * `committing`, `committed`, `failed` (the commit stopped; nothing was written, it may be committed again).
 */
export type ImportJobStatus = 'ready' | 'invalid' | 'committing' | 'committed' | 'failed';

/** Where a column's key came from: the header itself, a remembered mapping, a guess, the user. */
export type MappingBasis = 'header' | 'saved' | 'guess' | 'chosen';
/** How the whole file was mapped: its headers are the template's, a remembered mapping, a guess, the user's. */
export type MappingSource = 'exact' | 'saved' | 'guessed' | 'chosen';

/** One problem of one row, the column named in the reader's language. */
export interface ImportRowErrorDto {
  row: number;
  field: string;
  message: string;
}

/** What a valid file would do: rows to create, to update, and rows the database already holds as they are. */
export interface ImportSummaryDto {
  create: number;
  update: number;
  unchanged: number;
}

/** What a commit wrote. */
export interface ImportResultDto {
  created: number;
  updated: number;
  unchanged: number;
}

export interface MappedColumnDto {
  /** Position of the column in the file (0 = first). */
  index: number;
  header: string;
  /** Import column fed by this file column; null = ignored. */
  key: string | null;
  /** 1 for a header that matches, the guess's score (0–1) otherwise; 0 when ignored. */
  confidence: number;
  basis: MappingBasis | null;
}

/** An import column a file column may feed, in template order. */
export interface MappingTargetDto {
  key: string;
  /** The template's Vietnamese header. */
  header: string;
  required: boolean;
  date: boolean;
}

/** A value of a mapped column as the import reads it, and whether it is understood. */
export interface ReadValueDto {
  text: string;
  ok: boolean;
}

export interface SampleRowDto {
  row: number;
  /** The file's cells, one per file column. */
  cells: string[];
  /** Mapped values as read, by import column key. */
  read: Record<string, ReadValueDto>;
}

/** The mapping step as the import page shows it. */
export interface ImportMappingDto {
  source: MappingSource;
  /** Some header is not the template's: the page shows the mapping step. */
  needed: boolean;
  columns: MappedColumnDto[];
  targets: MappingTargetDto[];
  /** The first rows (only when the mapping is needed: otherwise the page does not show them). */
  sample: SampleRowDto[];
}

/** `POST /api/imports/:kind`: the checked file, stored as a job; nothing written yet. */
export interface ImportPreviewDto {
  jobId: string;
  fileName: string;
  total: number;
  valid: boolean;
  errors: ImportRowErrorDto[];
  summary: ImportSummaryDto;
  /** Null when the file could not be read as a sheet. */
  mapping: ImportMappingDto | null;
}

/** `GET /api/imports/:jobId`: a job as its uploader polls it during a commit. */
export interface ImportJobDto {
  jobId: string;
  kind: ImportKind;
  fileName: string;
  status: ImportJobStatus;
  total: number;
  processed: number;
  valid: boolean;
  summary: ImportSummaryDto | null;
  result: ImportResultDto | null;
  error: string | null;
  errors: ImportRowErrorDto[];
}
