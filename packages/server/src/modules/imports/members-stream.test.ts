/**
 * A members file read, validated and written in batches (members-stream.ts), with a batch of 4 rows so
 * that small files cross several batches: errors keep their rows across batch boundaries, a repeated code
 * names its row in an earlier batch, an error in the last batch rolls back the batches already COPYed,
 * and the preview → commit of the API reads the stored file again in batches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { actorForToken, createSession } from '../../http/session.ts';
import { buildAccount, buildMember, buildOrg, buildTestApp } from '../../test/factories.ts';
import { commitImportJob, previewImport } from './jobs.ts';
import { runImport } from './service.ts';

const BATCH = 4;
const TODAY = '2026-06-01';
const NOW = new Date('2026-06-01T09:00:00+07:00');
const HEADER =
  'Mã đảng viên,Họ và tên,Giới tính,Ngày sinh,Mã chi bộ,Trạng thái,Ngày vào Đảng,Ngày chính thức,Chức vụ';
const csv = (lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');
/** A valid row of a member `code` in `cell`. */
const line = (code: string, cell = 'CB1', name = 'Nguyễn Văn An') =>
  `${code},${name},Nam,15/03/1975,${cell},Chính thức,19/05/2000,19/05/2001,`;
/** `count` valid rows, codes `prefix`1 … */
const valid = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => line(`${prefix}${i + 1}`, i % 2 ? 'CB2' : 'CB1'));

let database: Database;
let close: () => Promise<void>;
let admin: Actor;

beforeAll(async () => {
  const built = await buildTestApp({ clock: () => NOW });
  ({ database, close } = built);
  const { db } = built;
  await buildOrg(db, { code: 'ROOT', kind: 'committee' });
  await buildOrg(db, { code: 'XA', kind: 'grassroots_committee', parent: 'ROOT' });
  await buildOrg(db, { code: 'CB1', kind: 'cell', category: 'village', parent: 'XA' });
  await buildOrg(db, { code: 'CB2', kind: 'cell', category: 'village', parent: 'XA' });
  await buildMember(db, { code: 'OLD1', name: 'Trần Thị Cũ', org: 'CB1', sex: 'female' });
  const account = await buildAccount(db, 'admin', 'admin', 'ROOT');
  const { token } = await createSession(db, account.id, 1, NOW);
  const actor = await actorForToken(db, token, NOW);
  if (!actor) throw new Error('no actor');
  admin = actor;
});
afterAll(() => close());

/** Row counts and a checksum of every table an import writes. */
async function tables() {
  const result: Record<string, unknown> = {};
  for (const name of ['members', 'member_events', 'member_periods', 'audit_events']) {
    const [row] = await database.raw.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${name} t`,
    );
    result[name] = row;
  }
  return result;
}

const imported = (file: Buffer) =>
  runImport(database, null, 'members', file, 'dang-vien.csv', TODAY, undefined, { batchSize: BATCH });

describe('a members file bigger than one batch', () => {
  it('writes every batch, the last one partial, and an update in a later batch', async () => {
    const rows = [...valid('B', 10), line('OLD1', 'CB2', 'Trần Thị Cũ').replace(',Nam,', ',Nữ,')];
    const progress: number[] = [];
    const report = await runImport(
      database,
      null,
      'members',
      csv(rows),
      'dang-vien.csv',
      TODAY,
      (done) => progress.push(done),
      { batchSize: BATCH },
    );
    expect(report).toMatchObject({ valid: true, total: 11, errors: [] });
    expect(report.result).toEqual({ created: 10, updated: 1, unchanged: 0 });
    const [counts] = await database.raw.query(
      `SELECT (SELECT count(*)::int FROM members WHERE member_code LIKE 'B%') AS created,
         (SELECT count(*)::int FROM member_events e JOIN members m ON m.id = e.member_id
            WHERE m.member_code LIKE 'B%' AND e.kind = 'created') AS events,
         (SELECT o.code FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.member_code = 'OLD1') AS cell,
         (SELECT count(*)::int FROM member_events e JOIN members m ON m.id = e.member_id
            WHERE m.member_code = 'OLD1' AND e.kind = 'transferred') AS transfers`,
    );
    expect(counts).toEqual({ created: 10, events: 10, cell: 'CB2', transfers: 1 });
    // Progress came batch by batch, not once at the end.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(11);
  });
});

describe('errors across batch boundaries', () => {
  it('reports every error with its own row, a repeat naming its row in an earlier batch, and writes nothing', async () => {
    const before = await tables();
    const rows = valid('E', 12);
    rows[1] = line('E2', 'KHONGCO'); // row 3, batch 1
    rows[5] = line('E1'); // row 7, batch 2: repeats row 2
    rows[11] = line('E12').replace(',Nam,', ',Khác,'); // row 13, batch 3
    const report = await imported(csv(rows));
    expect(report.valid).toBe(false);
    expect(report.total).toBe(12);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'org_code'],
      [7, 'member_code'],
      [13, 'sex'],
    ]);
    expect(report.errors[1]?.message).toContain('trùng với dòng 2');
    expect(report.result).toBeUndefined();
    expect(await tables()).toEqual(before);
  });

  it('rolls back the batches already written when a row of the last batch fails', async () => {
    const before = await tables();
    const rows = valid('L', 10);
    rows[9] = line('L10').replace('15/03/1975', '31/02/1975'); // row 11, the third batch
    const report = await imported(csv(rows));
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([[11, 'birth_date']]);
    expect(await tables()).toEqual(before);
    // The same file corrected goes in whole.
    const fixed = await imported(csv(valid('L', 10)));
    expect(fixed.result).toEqual({ created: 10, updated: 0, unchanged: 0 });
  });
});

describe('the preview and the commit of the API, in batches', () => {
  it('stores the file, not its rows, and reads it again at commit', async () => {
    const file = csv(valid('P', 9));
    const preview = await previewImport(
      database,
      admin,
      'members',
      file,
      'dang-vien.csv',
      TODAY,
      undefined,
      undefined,
      BATCH,
    );
    expect(preview).toMatchObject({ valid: true, total: 9, summary: { create: 9 } });
    const [job] = await database.raw.query<{ rows: { encoding: string; data: string }[] }>(
      'SELECT rows FROM import_jobs WHERE id = $1',
      [preview.jobId],
    );
    expect(job?.rows[0]?.encoding).toBe('file+base64');
    expect(Buffer.from(job?.rows[0]?.data ?? '', 'base64').equals(file)).toBe(true);
    const result = await commitImportJob(database, admin, preview.jobId, TODAY, undefined, BATCH);
    expect(result).toEqual({ created: 9, updated: 0, unchanged: 0 });
  });

  it('refuses the commit whole when a row of its last batch became invalid since the preview', async () => {
    const rows = valid('Q', 8);
    rows.push(line('Q9', 'CB9'));
    await buildOrg(database.db, { code: 'CB9', kind: 'cell', parent: 'XA' });
    const preview = await previewImport(
      database,
      admin,
      'members',
      csv(rows),
      'dang-vien.csv',
      TODAY,
      undefined,
      undefined,
      BATCH,
    );
    expect(preview.valid).toBe(true);
    await database.raw.query(`UPDATE orgs SET status = 'dissolved', ended_at = now() WHERE code = 'CB9'`);
    const before = await tables();
    await expect(
      commitImportJob(database, admin, preview.jobId, TODAY, undefined, BATCH),
    ).rejects.toMatchObject({ status: 409, fields: [{ field: 'row.10.org_code' }] });
    expect(await tables()).toEqual(before);
  });
});
