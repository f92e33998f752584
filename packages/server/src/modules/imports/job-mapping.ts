/**
 * The mapping step of a preview: which mapping a file gets, and how the import page shows it.
 */
import type { ImportMappingDto } from '@nennep/core';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { invalidField } from '../../http/errors.ts';
import { columnsOf, type ImportKind } from './columns.ts';
import { chosenMapping, exactMapping, guessMapping, type Mapping, savedMapping } from './mapping.ts';
import { findSavedMapping } from './mapping-store.ts';
import type { Sheet } from './parse.ts';
import { sampleOf } from './sample.ts';

/** The mapping step as the import page shows it. */
export type MappingView = ImportMappingDto;

/** The mapping of a file: the user's, else the template's headers, else a remembered one, else a guess. */
export async function resolveMapping(
  database: Database,
  actor: Actor,
  kind: ImportKind,
  sheet: Sheet,
  chosen: readonly (string | null)[] | undefined,
): Promise<Mapping> {
  if (chosen) {
    if (chosen.length !== sheet.header.length) {
      throw invalidField('columns', {
        vi: `Cách ghép cột không khớp tệp: tệp có ${sheet.header.length} cột, cách ghép có ${chosen.length}.`,
        en: `The column mapping does not fit the file: the file has ${sheet.header.length} columns, the mapping ${chosen.length}.`,
      });
    }
    const keys = new Set(columnsOf(kind).map((c) => c.key));
    const unknown = chosen.find((k) => k !== null && !keys.has(k));
    if (unknown) {
      throw invalidField('columns', {
        vi: `Không có cột "${unknown}" trong tệp nhập này.`,
        en: `This import has no column "${unknown}".`,
      });
    }
    return chosenMapping(kind, sheet.header, chosen);
  }
  const exact = exactMapping(kind, sheet.header);
  if (!exact.needed) return exact;
  const saved = await findSavedMapping(database.raw, actor, kind, exact.shape);
  return saved ? savedMapping(kind, sheet.header, saved) : guessMapping(kind, sheet);
}

export function viewOf(kind: ImportKind, mapping: Mapping, sheet: Sheet): MappingView {
  return {
    source: mapping.source,
    needed: mapping.needed,
    columns: mapping.columns,
    targets: columnsOf(kind).map((c) => ({ key: c.key, header: c.vi, required: c.required, date: !!c.date })),
    sample: mapping.needed ? sampleOf(kind, sheet, mapping) : [],
  };
}
