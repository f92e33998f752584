/** The answers of the imports API and the column mapping step, mirroring the server's `modules/imports/jobs.ts`. */

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  jobId: string;
  fileName: string;
  total: number;
  valid: boolean;
  errors: ImportRowError[];
  summary: { create: number; update: number; unchanged: number };
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportJob {
  status: string;
  total: number;
  processed: number;
  result?: ImportResult | null;
  error?: string | null;
}

export type MappingSource = 'exact' | 'saved' | 'guessed' | 'chosen';
export type MappingBasis = 'header' | 'saved' | 'guess' | 'chosen';

export interface MappedColumn {
  /** Position of the column in the file (0 = first). */
  index: number;
  header: string;
  /** Import column fed by this file column; null = ignored. */
  key: string | null;
  /** 1 for a matching header, the guess's score (0–1) otherwise; 0 when ignored. */
  confidence: number;
  basis: MappingBasis | null;
}

export interface MappingTarget {
  key: string;
  /** The template's Vietnamese header. */
  header: string;
  required: boolean;
  date: boolean;
}

export interface SampleRow {
  row: number;
  cells: string[];
  read: Record<string, { text: string; ok: boolean }>;
}

export interface ImportMapping {
  source: MappingSource;
  /** Some header is not the template's: the page shows the mapping step. */
  needed: boolean;
  columns: MappedColumn[];
  targets: MappingTarget[];
  sample: SampleRow[];
}

export interface MappedPreview extends ImportPreview {
  mapping?: ImportMapping | null;
}

/** One import column key (or null, ignored) per file column, in the file's order. */
export type ColumnChoice = (string | null)[];
