/**
 * The first rows of a mapped file as the import will read them, for the mapping step of the import page:
 * each file cell as written, and each mapped value as understood (dates as dd/mm/yyyy, coded words in
 * the template's words), flagged when it cannot be read.
 */
import { formatVietnameseDate, ORG_KIND_LABELS, type ReadValueDto, type SampleRowDto } from '@nennep/core';
import {
  CATEGORY_LABELS,
  columnsOf,
  ENDED_STATUS_LABELS,
  type ImportKind,
  POSITION_LABELS,
  parseCategory,
  parseKind,
  parsePosition,
  parseSex,
  parseStatus,
  SEX_LABELS,
  STATUS_LABELS,
} from './columns.ts';
import { readDate } from './dates.ts';
import type { Mapping } from './mapping.ts';
import type { Sheet } from './sheet.ts';

/** A mapped value as read, and the first rows of a file as the mapping step shows them (core's DTOs). */
export type ReadValue = ReadValueDto;
export type SampleRow = SampleRowDto;

const STATUS_WORDS: Record<string, string> = { ...STATUS_LABELS, ...ENDED_STATUS_LABELS };

/** Coded columns: the canonical word of a cell, or null when not understood. */
const CODED: Record<string, (text: string) => string | null> = {
  sex: (t) => {
    const v = parseSex(t);
    return v ? SEX_LABELS[v] : null;
  },
  status: (t) => {
    const v = parseStatus(t);
    return v ? (STATUS_WORDS[v] ?? v) : null;
  },
  position: (t) => {
    const v = parsePosition(t);
    return v ? POSITION_LABELS[v] : null;
  },
  kind: (t) => {
    const v = parseKind(t);
    return v ? ORG_KIND_LABELS[v].vi : null;
  },
  category: (t) => {
    const v = parseCategory(t);
    return v ? CATEGORY_LABELS[v] : null;
  },
};

export function readValue(kind: ImportKind, key: string, raw: string): ReadValue {
  const text = raw.trim();
  if (!text) return { text: '', ok: true };
  if (columnsOf(kind).find((c) => c.key === key)?.date) {
    const reading = readDate(text);
    return 'iso' in reading ? { text: formatVietnameseDate(reading.iso), ok: true } : { text, ok: false };
  }
  const coded = CODED[key];
  if (!coded) return { text, ok: true };
  const word = coded(text);
  return word === null ? { text, ok: false } : { text: word, ok: true };
}

export function sampleOf(kind: ImportKind, sheet: Sheet, mapping: Mapping, size = 5): SampleRow[] {
  const width = sheet.header.length;
  return sheet.rows.slice(0, size).map((r) => {
    const read: Record<string, ReadValue> = {};
    for (const c of mapping.columns) {
      if (c.key && !(c.key in read)) read[c.key] = readValue(kind, c.key, r.cells[c.index] ?? '');
    }
    return { row: r.row, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), read };
  });
}
