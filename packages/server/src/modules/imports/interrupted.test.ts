/**
 * An import whose commit was cut short by a crash (issue 12, fault 6): the job stays 'committing' with
 * nothing written; on start it becomes 'failed' and may be committed again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildTestApp, login, TEST_SESSION_DAYS, uploadFile } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import { recoverInterruptedImports } from './jobs.ts';

const NOW = new Date('2026-06-01T09:00:00+07:00');
let ctx: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => NOW });
  await seedTree(ctx.db, {
    orgs: [
      { code: 'ROOT', kind: 'committee' },
      { code: 'XA', kind: 'grassroots_committee', parent: 'ROOT' },
      { code: 'CB1', kind: 'cell', category: 'village', parent: 'XA' },
    ],
    accounts: [['admin', 'admin', 'ROOT']],
  });
});
afterAll(() => ctx.close());

const FILE = Buffer.from(
  [
    'Mã đảng viên,Họ và tên,Giới tính,Ngày sinh,Mã chi bộ,Trạng thái,Ngày vào Đảng,Ngày chính thức,Chức vụ',
    'DV101,Nguyễn Văn An,Nam,15/03/1975,CB1,Chính thức,19/05/2000,19/05/2001,',
    'DV102,Trần Thị Cúc,Nữ,02/09/1980,CB1,Chính thức,19/05/2005,19/05/2006,',
  ].join('\n'),
);

const memberCount = async () =>
  (await ctx.database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM members'))[0]?.n;

/** The same database opened by a new server process, as after a restart. */
async function restart() {
  const app = await buildApp(
    {
      database: ctx.database,
      config: { secureCookies: false, sessionDays: TEST_SESSION_DAYS },
      clock: () => NOW,
    },
    { webDist: null },
  );
  await app.ready();
  return app;
}

describe('an import cut short during its commit', () => {
  it('is marked failed when the server starts, says so, and commits again', async () => {
    const admin = await login(ctx.app, 'admin');
    const preview = (await uploadFile(admin, '/api/imports/members', 'dang-vien.csv', FILE)).json();
    expect(preview.valid).toBe(true);
    // The process died after claiming the job: its transaction, and so every row, is gone.
    await ctx.database.raw.query(`UPDATE import_jobs SET status = 'committing' WHERE id = $1`, [
      preview.jobId,
    ]);
    const before = await memberCount();

    const app = await restart();
    try {
      const client = await login(app, 'admin');
      const status = (await client.get(`/api/imports/${preview.jobId}`)).json();
      expect(status).toMatchObject({
        status: 'failed',
        error: 'Lần ghi trước bị gián đoạn (máy chủ đã dừng giữa chừng); chưa có gì được ghi. Hãy ghi lại.',
      });
      const commit = await client.post(`/api/imports/${preview.jobId}/commit`);
      expect(commit.statusCode).toBe(200);
      expect(commit.json()).toMatchObject({ created: 2 });
      expect(await memberCount()).toBe((before ?? 0) + 2);
      expect((await client.get(`/api/imports/${preview.jobId}`)).json()).toMatchObject({
        status: 'committed',
        error: null,
      });
      const twice = await client.post(`/api/imports/${preview.jobId}/commit`);
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.message).toBe('Lượt nhập này đã được ghi.');
    } finally {
      await app.close();
    }
  });

  it('is recovered when committed again, even before a restart, unless a live commit holds it', async () => {
    const admin = await login(ctx.app, 'admin');
    const file = Buffer.from(FILE.toString().replaceAll('DV10', 'DV20'));
    const preview = (await uploadFile(admin, '/api/imports/members', 'dang-vien.csv', file)).json();
    await ctx.database.raw.query(`UPDATE import_jobs SET status = 'committing' WHERE id = $1`, [
      preview.jobId,
    ]);
    if (ctx.database.native.driver === 'postgres') {
      // Another process's commit in progress holds the job's lock: the job is left alone.
      const other = await ctx.database.native.pool.connect();
      try {
        await other.query('BEGIN');
        await other.query('SELECT pg_advisory_xact_lock(4243, hashtext($1))', [preview.jobId]);
        expect(await recoverInterruptedImports(ctx.database)).toBe(0);
        expect((await admin.post(`/api/imports/${preview.jobId}/commit`)).json().error.message).toBe(
          'Lượt nhập này đang được ghi.',
        );
      } finally {
        await other.query('ROLLBACK');
        other.release();
      }
    }
    const commit = await admin.post(`/api/imports/${preview.jobId}/commit`);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ created: 2 });
  });
});
