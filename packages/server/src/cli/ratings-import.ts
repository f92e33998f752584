import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { type Database, rows } from '../db/client.ts';
import type { Actor } from '../http/access.ts';
import { isLimitRefusal } from '../modules/imports/limits.ts';
import { importRatings, renderRatingImportError } from '../modules/ratings/import.ts';

/**
 * The command line acts for the whole tree, as the other imports do (trusted, no session): an administrator
 * granted on every root, so `decide` finds each subject within scope and the competent committee above it.
 * Its decisions and audit events are recorded as by "system".
 */
export async function commandLineActor(database: Database): Promise<Actor> {
  const roots = await rows<{ id: number; code: string; name: string; path: string }>(
    database.db,
    sql`SELECT id::int AS id, code, name, path FROM orgs WHERE parent_id IS NULL ORDER BY path`,
  );
  return {
    id: 0,
    username: 'system',
    displayName: 'Nhập từ dòng lệnh',
    memberId: null,
    locale: 'vi',
    grants: roots.map((r) => ({
      role: 'admin',
      orgId: r.id,
      orgCode: r.code,
      orgName: r.name,
      path: r.path,
    })),
    visitorOf: [],
    csrfToken: '',
  };
}

/**
 * `nennep import ratings FILE` (issue 15 point 4): results rated on paper, the whole file or nothing; each
 * error printed with its row and column, in Vietnamese. The exit status is 1 when refused.
 */
export async function runRatingsImportCommand(database: Database, file: string, now: Date) {
  const actor = await commandLineActor(database);
  let report: Awaited<ReturnType<typeof importRatings>>;
  try {
    report = await importRatings(
      database.db,
      actor,
      { buffer: readFileSync(file), fileName: file },
      now,
      true,
    );
  } catch (error) {
    const refusal = isLimitRefusal(error) ? error.fields[0] : undefined;
    if (!refusal) throw error;
    console.error(`Tệp: ${refusal.message.vi}`);
    return 1;
  }
  if (!report.valid) {
    for (const error of report.errors) console.error(renderRatingImportError(error));
    console.error(`Tệp có ${report.errors.length} lỗi; không ghi gì vào hệ thống.`);
    return 1;
  }
  console.log(JSON.stringify({ rows: report.total, written: report.written, byLevel: report.byLevel }));
  return 0;
}
