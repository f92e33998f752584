/**
 * The column mapping of an import file: which column of the file feeds which column of the import.
 * A file with the template's headers maps itself (exact, folded). Any other file — say, a list exported
 * from the province's member database, with "Họ và tên đảng viên", "Ngày sinh (dd/mm/yyyy)", "Quê quán" —
 * gets a guessed mapping: each header is compared, accent-insensitively, with the words of every column
 * (template header, aliases, hints), words shared by many columns weighing less, then corrected by what
 * the first cells hold (dates under a date column, "Nam"/"Nữ" under sex). The user adjusts it in the
 * import page; the mapping used by a committed file is remembered per organisation and file shape
 * (mapping-store.ts). Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { MappedColumnDto, MappingBasis, MappingSource } from '@nennep/core';
import type { Bilingual } from '../../http/errors.ts';
import {
  type ColumnSpec,
  columnsOf,
  fold,
  headerKey,
  type ImportKind,
  parseCategory,
  parseKind,
  parsePosition,
  parseSex,
  parseStatus,
} from './columns.ts';
import { looksLikeDate } from './dates.ts';
import type { Sheet } from './sheet.ts';

// How a column and a file were mapped, as the web shows it: core's imports/types.ts.
export type { MappingBasis, MappingSource } from '@nennep/core';
export type MappedColumn = MappedColumnDto;

export interface Mapping {
  source: MappingSource;
  /** Some header is not the template's: the user should look at the mapping before committing. */
  needed: boolean;
  /** The file's shape: SHA-256 of its folded headers, sorted and deduplicated. */
  shape: string;
  columns: MappedColumn[];
}

export interface MappingError {
  field: string;
  message: Bilingual;
}

/** Headers of row numbers and the like, which never need mapping. */
const IGNORABLE = new Set(['stt', 'tt', 'so tt', 'so thu tu', 'no', '#']);
/** Guesses below this score leave the column ignored. */
export const GUESS_THRESHOLD = 0.5;
const STOP_WORDS = new Set(['va', 'cua', 'cac', 'la', 'theo', 'hoac']);

export function shapeOf(header: readonly string[]): string {
  const names = [...new Set(header.map(fold).filter(Boolean))].sort();
  return createHash('sha256').update(names.join('\n')).digest('hex');
}

/** Whether the headers are all the template's (or row numbers): then the file maps itself. */
export function matchesTemplate(kind: ImportKind, header: readonly string[]): boolean {
  return header.every((h) => headerKey(kind, h) !== null || !fold(h) || IGNORABLE.has(fold(h)));
}

const column = (
  index: number,
  header: string,
  key: string | null,
  confidence: number,
  basis: MappingBasis | null,
) => ({ index, header, key, confidence: key ? confidence : 0, basis: key ? basis : null }) as MappedColumn;

/**
 * The template's mapping: headers matched as they stand, unknown columns ignored (a repeated header
 * feeds its column twice, which `mappingErrors` reports).
 */
export function exactMapping(kind: ImportKind, header: readonly string[]): Mapping {
  return {
    source: 'exact',
    needed: !matchesTemplate(kind, header),
    shape: shapeOf(header),
    columns: header.map((h, i) => column(i, h, headerKey(kind, h), 1, 'header')),
  };
}

/** A remembered mapping (folded header → key) laid over this file; a repeated header maps once. */
export function savedMapping(
  kind: ImportKind,
  header: readonly string[],
  saved: Record<string, string | null>,
): Mapping {
  const known = new Set(columnsOf(kind).map((c) => c.key));
  const used = new Set<string>();
  const columns = header.map((h, i) => {
    const key = saved[fold(h)] ?? null;
    if (!key || !known.has(key) || used.has(key)) return column(i, h, null, 0, null);
    used.add(key);
    return column(i, h, key, 1, 'saved');
  });
  return { source: 'saved', needed: true, shape: shapeOf(header), columns };
}

/**
 * The user's mapping, one key (or null) per file column; checked by `mappingErrors`. A choice the header
 * itself names keeps the basis "header".
 */
export function chosenMapping(
  kind: ImportKind,
  header: readonly string[],
  keys: readonly (string | null)[],
): Mapping {
  const columns = header.map((h, i) => {
    const key = keys[i] ?? null;
    return column(i, h, key, 1, key && headerKey(kind, h) === key ? 'header' : 'chosen');
  });
  return { source: 'chosen', needed: true, shape: shapeOf(header), columns };
}

// ---------------------------------------------------------------- guessing

const stripNotes = (text: string) => text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
const wordsOf = (folded: string) => folded.split(' ').filter((w) => w && !STOP_WORDS.has(w));

interface Candidate {
  spec: ColumnSpec;
  /** Folded template header, key and aliases. */
  names: Set<string>;
  /** Folded hints. */
  hints: Set<string>;
  /** Word lists of every name and hint. */
  wordLists: string[][];
}

const CODED: Record<string, (text: string) => unknown> = {
  sex: parseSex,
  status: parseStatus,
  position: parsePosition,
  kind: parseKind,
  category: parseCategory,
};

const candidateCache = new Map<ImportKind, { candidates: Candidate[]; weight: Map<string, number> }>();

/** The columns of a kind with their words; a word's weight is 1 / the number of columns using it. */
function candidatesOf(kind: ImportKind) {
  let cached = candidateCache.get(kind);
  if (cached) return cached;
  const candidates = columnsOf(kind).map((spec) => {
    const names = new Set([spec.vi, spec.key.replace(/_/g, ' '), ...spec.aliases].map(fold));
    const hints = new Set((spec.hints ?? []).map(fold));
    return { spec, names, hints, wordLists: [...names, ...hints].map(wordsOf) };
  });
  const users = new Map<string, number>();
  for (const c of candidates)
    for (const w of new Set(c.wordLists.flat())) users.set(w, (users.get(w) ?? 0) + 1);
  const weight = new Map([...users].map(([w, n]) => [w, 1 / n]));
  cached = { candidates, weight };
  candidateCache.set(kind, cached);
  return cached;
}

/** How well a header names a column, from its words alone (0–0.95). */
function headerScore(folded: string, candidate: Candidate, weight: Map<string, number>): number {
  if (candidate.names.has(folded)) return 0.95;
  if (candidate.hints.has(folded)) return 0.9;
  const header = new Set(wordsOf(folded));
  if (header.size === 0) return 0;
  let headerWeight = 0;
  for (const w of header) headerWeight += weight.get(w) ?? 1;
  let best = 0;
  for (const list of candidate.wordLists) {
    let shared = 0;
    let nameWeight = 0;
    for (const w of new Set(list)) {
      const k = weight.get(w) ?? 1;
      nameWeight += k;
      if (header.has(w)) shared += k;
    }
    if (shared === 0 || nameWeight === 0) continue;
    // Covering the column's words counts more than covering the header's (headers carry extra words).
    best = Math.max(best, 0.85 * (0.7 * (shared / nameWeight) + 0.3 * (shared / headerWeight)));
  }
  return best;
}

/** How the first cells fit the column: dates under a date column, known words under a coded one. */
function contentFactor(spec: ColumnSpec, values: string[]): number {
  if (values.length === 0) return 1;
  const share = (test: (v: string) => boolean) => values.filter(test).length / values.length;
  if (spec.date) {
    const dates = share(looksLikeDate);
    return dates >= 0.8 ? 1.05 : dates < 0.5 ? 0.4 : 1;
  }
  const parse = CODED[spec.key];
  if (parse) {
    const known = share((v) => parse(v) !== null);
    return known >= 0.8 ? 1.1 : known < 0.5 ? 0.5 : 1;
  }
  return share(looksLikeDate) >= 0.8 ? 0.6 : 1;
}

/** Guesses a mapping: exact headers first, then the best remaining (header, column) pairs. */
export function guessMapping(kind: ImportKind, sheet: Sheet, sampleSize = 30): Mapping {
  const { header } = sheet;
  const exact = header.map((h) => headerKey(kind, h));
  const taken = new Set(exact.filter((k): k is string => k !== null));
  const { candidates, weight } = candidatesOf(kind);
  const pairs: { index: number; key: string; score: number }[] = [];
  for (const [index, text] of header.entries()) {
    const folded = fold(stripNotes(text)) || fold(text);
    if (exact[index] || !folded || IGNORABLE.has(folded)) continue;
    const values = sheet.rows
      .slice(0, sampleSize)
      .map((r) => (r.cells[index] ?? '').trim())
      .filter(Boolean);
    for (const candidate of candidates) {
      if (taken.has(candidate.spec.key)) continue;
      const score = Math.min(
        0.99,
        headerScore(folded, candidate, weight) * contentFactor(candidate.spec, values),
      );
      if (score >= GUESS_THRESHOLD) pairs.push({ index, key: candidate.spec.key, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.index - b.index);
  const guessed = new Map<number, { key: string; score: number }>();
  for (const pair of pairs) {
    if (guessed.has(pair.index) || taken.has(pair.key)) continue;
    guessed.set(pair.index, pair);
    taken.add(pair.key);
  }
  const columns = header.map((h, i) => {
    const key = exact[i];
    if (key) return column(i, h, key, 1, 'header');
    const guess = guessed.get(i);
    return guess
      ? column(i, h, guess.key, Math.round(guess.score * 100) / 100, 'guess')
      : column(i, h, null, 0, null);
  });
  return { source: 'guessed', needed: true, shape: shapeOf(header), columns };
}

// ---------------------------------------------------------------- checks

/** Import columns fed twice, and required columns no file column feeds, named in both languages. */
export function mappingErrors(kind: ImportKind, mapping: Mapping): MappingError[] {
  const errors: MappingError[] = [];
  const byKey = new Map<string, MappedColumn[]>();
  for (const c of mapping.columns) if (c.key) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  for (const spec of columnsOf(kind)) {
    const fed = byKey.get(spec.key) ?? [];
    if (fed.length > 1) {
      const names = fed.map((c) => `"${c.header}"`).join(', ');
      errors.push({
        field: spec.key,
        message: {
          vi: `Cột "${spec.vi}" được lấy từ ${fed.length} cột của tệp (${names}); chỉ chọn một.`,
          en: `Column "${spec.key}" (${spec.vi}) is fed by ${fed.length} columns of the file (${names}); choose one.`,
        },
      });
    }
    if (spec.required && fed.length === 0) {
      const hint = mapping.needed
        ? {
            vi: ' Hãy chọn cột của tệp chứa nó ở bước ghép cột.',
            en: ' Pick the file column holding it in the column mapping.',
          }
        : { vi: '', en: '' };
      errors.push({
        field: spec.key,
        message: {
          vi: `Thiếu cột bắt buộc "${spec.vi}".${hint.vi}`,
          en: `Missing required column "${spec.key}" (${spec.vi}).${hint.en}`,
        },
      });
    }
  }
  return errors;
}

/** The mapping as remembered: folded header → key (null = ignored); the first of repeated headers wins. */
export function storedColumns(mapping: Mapping): Record<string, string | null> {
  const stored: Record<string, string | null> = {};
  for (const c of mapping.columns) {
    const name = fold(c.header);
    if (name && !(name in stored)) stored[name] = c.key;
  }
  return stored;
}
