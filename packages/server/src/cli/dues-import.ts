import { readFileSync } from 'node:fs';
import type { Database } from '../db/client.ts';
import { type DuesImportKind, renderDuesError, runDuesImport } from '../modules/dues/import.ts';

/**
 * `nennep import dues-basis FILE` / `nennep import dues FILE` (issue 16 point 6): the whole file or nothing;
 * each error printed with its row and column, in Vietnamese. The exit status is 1 when refused.
 */
export async function runDuesImportCommand(database: Database, kind: DuesImportKind, file: string) {
  const report = await runDuesImport(database, kind, readFileSync(file), file, new Date());
  if (!report.valid) {
    for (const error of report.errors) console.error(renderDuesError(error));
    console.error(`Tệp có ${report.errors.length} lỗi; không ghi gì vào hệ thống.`);
    return 1;
  }
  console.log(JSON.stringify({ rows: report.total, written: report.written }));
  return 0;
}
