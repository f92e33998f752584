/**
 * Round trips on the demo (issue 10, point 4): a member export imports back changing nothing, and every
 * template imports, untouched, into the demo without an error.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { DEMO_ROOT_CODE, DEMO_SECRETARY_CELL_CODE, DEMO_SECRETARY_CELL_SIZE } from '../../seed/demo-data.ts';
import { demoDatabase } from '../../test/demo.ts';
import { type Client, login, uploadFile } from '../../test/factories.ts';
import { MEMBER_COLUMNS } from './columns.ts';
import { TEMPLATE_NAMES } from './templates.ts';

let app: FastifyInstance;
let database: Database;
let admin: Client;

beforeAll(async () => {
  database = await demoDatabase();
  app = await buildApp({ database, config: { secureCookies: false, sessionDays: 1 } }, { webDist: null });
  await app.ready();
  admin = await login(app, 'admin', 'demo1234');
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** Row counts and a checksum of every table an import writes. */
async function tables() {
  const result: Record<string, unknown> = {};
  for (const name of ['orgs', 'members', 'member_events', 'member_periods', 'org_events', 'audit_events']) {
    const [row] = await database.raw.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${name} t`,
    );
    result[name] = row;
  }
  return result;
}

async function exportFile(query: string): Promise<Buffer> {
  const response = await admin.get(`/api/members/export.xlsx?${query}`);
  expect(response.statusCode).toBe(200);
  return response.rawPayload;
}

/** The first worksheet of an .xlsx file. */
async function firstSheet(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  return { workbook, sheet };
}
const bytes = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer());
const columnOf = (key: string) => MEMBER_COLUMNS.findIndex((c) => c.key === key) + 1;

/** Previews a file, commits it, and returns both answers. */
async function importBack(file: Buffer, name = 'dang-vien.xlsx') {
  const preview = (await uploadFile(admin, '/api/imports/members', name, file)).json();
  const commit = preview.valid ? (await admin.post(`/api/imports/${preview.jobId}/commit`)).json() : null;
  return { preview, commit };
}

describe('member export → import', () => {
  it("writes the template's columns, words and date cells", async () => {
    const { sheet } = await firstSheet(await exportFile(`org=${DEMO_SECRETARY_CELL_CODE}`));
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(MEMBER_COLUMNS.map((c) => c.vi));
    const template = await firstSheet((await admin.get('/api/imports/templates/members.xlsx')).rawPayload);
    expect((template.sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(sheet.rowCount).toBe(DEMO_SECRETARY_CELL_SIZE + 1);
    const rows = Array.from({ length: DEMO_SECRETARY_CELL_SIZE }, (_, i) => sheet.getRow(i + 2));
    for (const row of rows) {
      expect(row.getCell(columnOf('admission_date')).value).toBeInstanceOf(Date);
      expect(row.getCell(columnOf('admission_date')).numFmt).toBe('dd/mm/yyyy');
      expect(['Nam', 'Nữ']).toContain(row.getCell(columnOf('sex')).value);
      expect(['Chính thức', 'Dự bị']).toContain(row.getCell(columnOf('status')).value);
      expect(row.getCell(columnOf('org_code')).value).toBe(DEMO_SECRETARY_CELL_CODE);
    }
    expect(rows.map((r) => r.getCell(columnOf('position')).value)).toContain('Bí thư');
    expect(rows.some((r) => r.getCell(columnOf('birth_date')).value instanceof Date)).toBe(true);
  });

  it('records the export without personal values', async () => {
    await exportFile(`org=${DEMO_SECRETARY_CELL_CODE}`);
    const [event] = await database.raw.query<{ detail: Record<string, unknown> }>(
      `SELECT detail FROM audit_events WHERE action = 'member.exported' ORDER BY id DESC LIMIT 1`,
    );
    expect(event?.detail).toEqual({
      rows: DEMO_SECRETARY_CELL_SIZE,
      fields: MEMBER_COLUMNS.map((c) => c.key),
    });
  });

  it('leaves the birth date out for a reader who may not see personal data; the file still imports back', async () => {
    const committee = await login(app, 'committee', 'demo1234');
    const response = await committee.get(`/api/members/export.xlsx?org=${DEMO_SECRETARY_CELL_CODE}`);
    expect(response.statusCode).toBe(200);
    const { sheet } = await firstSheet(response.rawPayload);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(MEMBER_COLUMNS.filter((c) => c.key !== 'birth_date').map((c) => c.vi));
    const [event] = await database.raw.query<{ detail: { fields: string[] } }>(
      `SELECT detail FROM audit_events WHERE action = 'member.exported' AND actor_name = 'committee' ORDER BY id DESC LIMIT 1`,
    );
    expect(event?.detail.fields).not.toContain('birth_date');
    const before = await tables();
    const { preview, commit } = await importBack(response.rawPayload);
    expect(preview.summary).toEqual({ create: 0, update: 0, unchanged: DEMO_SECRETARY_CELL_SIZE });
    expect(commit).toEqual({ created: 0, updated: 0, unchanged: DEMO_SECRETARY_CELL_SIZE });
    expect(await tables()).toEqual(before);
  });

  it('imports the export of a cell back with nothing changed', async () => {
    const file = await exportFile(`org=${DEMO_SECRETARY_CELL_CODE}`);
    const before = await tables();
    const { preview, commit } = await importBack(file);
    expect(preview).toMatchObject({
      valid: true,
      errors: [],
      summary: { create: 0, update: 0, unchanged: DEMO_SECRETARY_CELL_SIZE },
      mapping: { source: 'exact', needed: false },
    });
    expect(commit).toEqual({ created: 0, updated: 0, unchanged: DEMO_SECRETARY_CELL_SIZE });
    expect(await tables()).toEqual(before);
  });

  it('imports the export of the whole province back with nothing changed', async () => {
    const file = await exportFile(`org=${DEMO_ROOT_CODE}`);
    const [{ n } = { n: 0 }] = await database.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM members WHERE status IN ('official', 'probationary')",
    );
    expect(n).toBeGreaterThan(5000);
    const before = await tables();
    const { preview, commit } = await importBack(file);
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toEqual({ create: 0, update: 0, unchanged: n });
    expect(commit).toEqual({ created: 0, updated: 0, unchanged: n });
    expect(await tables()).toEqual(before);
  }, 120_000);

  it('sees a cell edited in the exported file (the comparison is real)', async () => {
    const { workbook, sheet } = await firstSheet(await exportFile(`org=${DEMO_SECRETARY_CELL_CODE}`));
    sheet.getRow(2).getCell(columnOf('notes')).value = 'Ghi chú mới';
    const { preview } = await importBack(await bytes(workbook));
    expect(preview.summary).toEqual({ create: 0, update: 1, unchanged: DEMO_SECRETARY_CELL_SIZE - 1 });
  });

  it('takes removed and deceased members back unchanged, and refuses to edit them', async () => {
    const [member] = await database.raw.query<{ member_code: string }>(
      `UPDATE members SET status = 'deceased' WHERE id = (SELECT m.id FROM members m JOIN orgs o ON o.id = m.org_id
         WHERE o.code = $1 AND m.position = 'member' ORDER BY m.member_code LIMIT 1) RETURNING member_code`,
      [DEMO_SECRETARY_CELL_CODE],
    );
    const { workbook, sheet } = await firstSheet(
      await exportFile(`org=${DEMO_SECRETARY_CELL_CODE}&includeInactive=true`),
    );
    const found = sheet
      .getRows(2, DEMO_SECRETARY_CELL_SIZE)
      ?.find((r) => r.getCell(columnOf('member_code')).value === member?.member_code);
    if (!found) throw new Error('the deceased member is not in the export');
    expect(found.getCell(columnOf('status')).value).toBe('Từ trần');
    const before = await tables();
    const { preview, commit } = await importBack(await bytes(workbook));
    expect(preview.errors).toEqual([]);
    expect(commit).toEqual({ created: 0, updated: 0, unchanged: DEMO_SECRETARY_CELL_SIZE });
    expect(await tables()).toEqual(before);

    found.getCell(columnOf('full_name')).value = 'Tên Đã Sửa';
    const edited = (await importBack(await bytes(workbook))).preview;
    expect(edited.valid).toBe(false);
    expect(edited.errors).toEqual([
      expect.objectContaining({
        row: found.number,
        field: 'full_name',
        message: expect.stringContaining('đã từ trần'),
      }),
    ]);
    found.getCell(columnOf('status')).value = 'Chính thức';
    const revived = (await importBack(await bytes(workbook))).preview;
    expect(revived.errors.map((e: { field: string }) => e.field)).toContain('status');
  });
});

describe('templates on the demo', () => {
  for (const name of TEMPLATE_NAMES) {
    it(`imports ${name}, untouched, without an error`, async () => {
      const template = await admin.get(`/api/imports/templates/${name}`);
      const kind = name.startsWith('orgs') ? 'orgs' : 'members';
      const preview = (await uploadFile(admin, `/api/imports/${kind}`, name, template.rawPayload)).json();
      expect(preview.errors).toEqual([]);
      expect(preview).toMatchObject({
        valid: true,
        summary: { create: kind === 'orgs' ? 2 : 1, update: 0, unchanged: 0 },
        mapping: { source: 'exact', needed: false },
      });
    });
  }

  it('commits the organisations template as a village cell of Tân Hội with a party group', async () => {
    const template = await admin.get('/api/imports/templates/orgs.xlsx');
    const preview = (await uploadFile(admin, '/api/imports/orgs', 'orgs.xlsx', template.rawPayload)).json();
    expect((await admin.post(`/api/imports/${preview.jobId}/commit`)).json()).toMatchObject({ created: 2 });
    const cell = (await admin.get('/api/orgs/HC.TANHOI.DONGHOI')).json();
    expect(cell).toMatchObject({ kind: 'cell', category: 'village', name: 'Chi bộ thôn Đông Hội' });
    const group = (await admin.get('/api/orgs/HC.TANHOI.DONGHOI.XOM1')).json();
    expect(group).toMatchObject({ kind: 'party_group' });
  });
});
