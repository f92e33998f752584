import { SO_TAY_LIMITS } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login, uploadFile } from '../../test/factories.ts';
import { commune, membersOf, seedTree } from '../../test/tree.ts';
import { pdfText, run, squash } from '../documents/testing.ts';
import { buildSoTayPackage } from './so-tay-package.ts';

/**
 * The Sổ tay đảng viên điện tử (issue 17 item 4; HD 42-HD/BTCTW (28/10/2025): materials posted on the app
 * at least one day before the meeting): the package (agenda first, then the materials), the record that it
 * was posted, and the materials criterion that accepts it beside publication in the app.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-05-01T09:00:00+07:00');
let secretary: Client;
let committee: Client;
let member: Client;
let stranger: Client;

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A PDF of `pages` pages, each saying "<label> page n" (ASCII: pdf-lib's standard fonts). */
async function samplePdf(label: string, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++)
    doc.addPage([595, 842]).drawText(`${label} page ${i}`, { x: 72, y: 760, font });
  return Buffer.from(await doc.save());
}

const pageText = async (pdf: Buffer, first: number, last: number) =>
  squash(
    (await run('pdftotext', ['-enc', 'UTF-8', '-f', `${first}`, '-l', `${last}`, '-', '-'], pdf)).toString(),
  );

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await seedTree(ctx.db, {
    orgs: [
      ...commune('GA'),
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'D', name: 'Chi bộ thôn Hạ Hội', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: [
      ...membersOf('C', 'M0', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']),
      ...membersOf('D', 'D0', ['Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hải']),
    ],
    accounts: [
      ['bithu', 'cell_secretary', 'C'],
      ['danguy', 'committee_member', 'GA'],
      ['dangvien', 'member', 'C', 'M04'],
      ['bithu-d', 'cell_secretary', 'D'],
    ],
  });
  secretary = await login(ctx.app, 'bithu');
  committee = await login(ctx.app, 'danguy');
  member = await login(ctx.app, 'dangvien');
  stranger = await login(ctx.app, 'bithu-d');
});
afterAll(() => ctx.close());

/** A regular meeting of cell C on `date` at 19:30, at the village hall. */
async function plannedMeeting(date: string) {
  const created = await secretary.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date,
    startTime: '19:30',
    place: 'Nhà văn hóa thôn Thượng Hội',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: number = created.json().id;
  return { id, base: `/api/meetings/${id}` };
}

const upload = async (base: string, name: string, bytes: Buffer, publishAt: string) => {
  const response = await uploadFile(
    secretary,
    `${base}/materials?publishAt=${encodeURIComponent(publishAt)}`,
    name,
    bytes,
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as number;
};

describe('the package for the Sổ tay', () => {
  let base = '';

  beforeAll(async () => {
    now = new Date('2026-05-01T09:00:00+07:00');
    ({ base } = await plannedMeeting('2026-05-10'));
    await upload(
      base,
      'bao-cao-thang-4.pdf',
      await samplePdf('Monthly report', 2),
      '2026-05-02T08:00:00+07:00',
    );
    await upload(
      base,
      'du-thao-nghi-quyet.docx',
      Buffer.from('PK\u0003\u0004 not a pdf'),
      '2026-05-02T08:00:00+07:00',
    );
    await upload(base, 'anh-cong-trinh.png', PNG_1X1, '2026-05-02T08:00:00+07:00');
    await upload(base, 'phu-luc.pdf', await samplePdf('Annex', 1), '2026-04-30T08:00:00+07:00');
  });

  it('starts with the agenda page, then appends the pages of every PDF and each picture', async () => {
    const response = await secretary.get(`${base}/so-tay-package.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.rawPayload;
    // The agenda first (its own page or pages), then report (2) + picture (1) + annex (1); the DOCX apart.
    const total = (await PDFDocument.load(pdf)).getPageCount();
    const own = total - 4;
    expect(own).toBeGreaterThanOrEqual(1);
    expect(squash(await pageText(pdf, 1, 1))).toContain('CHƯƠNG TRÌNH SINH HOẠT');
    const agenda = await pageText(pdf, 1, own);
    const range = (from: number, to: number) => (from === to ? `trang ${from}` : `trang ${from}–${to}`);
    for (const phrase of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'CHƯƠNG TRÌNH SINH HOẠT',
      'Chi bộ thôn Thượng Hội',
      'ngày 10/05/2026',
      'Thời gian: 19 giờ 30, ngày 10/05/2026',
      'Địa điểm: Nhà văn hóa thôn Thượng Hội',
      'NỘI DUNG SINH HOẠT',
      `1. bao-cao-thang-4.pdf — kèm theo, ${range(own + 1, own + 2)}`,
      '2. du-thao-nghi-quyet.docx — đính kèm riêng',
      `3. anh-cong-trinh.png — kèm theo, ${range(own + 3, own + 3)}`,
      `4. phu-luc.pdf — kèm theo, ${range(own + 4, own + 4)}`,
      'Sổ tay đảng viên điện tử',
    ])
      expect(agenda).toContain(phrase);
    // The agenda items, in order.
    const meeting = (await secretary.get(base)).json() as { agenda: { title: string }[] };
    expect(meeting.agenda.length).toBeGreaterThan(2);
    const positions = meeting.agenda.map((item) => agenda.indexOf(squash(item.title)));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(await pageText(pdf, own + 1, own + 2)).toBe('Monthly report page 1 Monthly report page 2');
    expect(await pageText(pdf, own + 4, own + 4)).toBe('Annex page 1');
    // A regular meeting's agenda with four materials fits on one page.
    expect(own).toBe(1);
    // Same input, same bytes.
    expect((await secretary.get(`${base}/so-tay-package.pdf`)).rawPayload.equals(pdf)).toBe(true);
  });

  it('gives a member of the cell the materials already published only, and another cell nothing', async () => {
    const own = await member.get(`${base}/so-tay-package.pdf`);
    expect(own.statusCode, own.body).toBe(200);
    const pages = (await PDFDocument.load(own.rawPayload)).getPageCount();
    const text = squash(await pdfText(own.rawPayload));
    expect(text).toContain(`1. phu-luc.pdf — kèm theo, trang ${pages}`);
    expect(text.endsWith('Annex page 1')).toBe(true);
    expect(text).not.toContain('bao-cao-thang-4.pdf');
    expect((await stranger.get(`${base}/so-tay-package.pdf`)).statusCode).toBe(404);
    expect((await committee.get(`${base}/so-tay-package.pdf`)).statusCode).toBe(200);
  });

  it('refuses an unreadable PDF by naming the file, with a 400 on `materials`', async () => {
    const other = await plannedMeeting('2026-09-12');
    await upload(
      other.base,
      'bi-hong.pdf',
      Buffer.from('%PDF-1.4\nkhông phải PDF thật'),
      '2026-04-30T08:00:00+07:00',
    );
    const response = await secretary.get(`${other.base}/so-tay-package.pdf`);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.fields[0].field).toBe('materials');
    expect(error.message).toContain('bi-hong.pdf');
  });

  it('refuses a package above the size limit with a 400 on `materials`', async () => {
    const big = { fileName: 'lon.pdf', contentType: 'application/pdf' };
    const input = {
      heading: { superior: 'ĐẢNG BỘ XÃ TÂN HỘI', issuer: 'CHI BỘ THÔN THƯỢNG HỘI' },
      meetingName: 'Sinh hoạt thường kỳ',
      date: '2026-05-10',
      startTime: '19:30',
      place: null,
      agenda: [],
    };
    const tooBig = Buffer.alloc(SO_TAY_LIMITS.packageMaxBytes + 1, 0x25);
    const refused = await buildSoTayPackage({ ...input, materials: [{ ...big, bytes: tooBig }] }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(400);
    expect((refused as AppError).fields[0]?.field).toBe('materials');
    // Not PDF and not a picture: sent apart, so it does not count against the package.
    const apart = await buildSoTayPackage({
      ...input,
      materials: [{ fileName: 'lon.zip', contentType: 'application/zip', bytes: Buffer.alloc(1024, 1) }],
    });
    expect((await PDFDocument.load(apart)).getPageCount()).toBe(1);
  });
});

describe('the record "posted on the Sổ tay"', () => {
  it('is refused in the future, with a bad time, to a member and to another cell; a committee member may', async () => {
    now = new Date('2026-06-01T09:00:00+07:00');
    const { base } = await plannedMeeting('2026-06-05');
    const future = await secretary.post(`${base}/so-tay-posted`, { postedAt: '2026-06-01T09:05:00+07:00' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].field).toBe('postedAt');
    const ancient = await secretary.post(`${base}/so-tay-posted`, { postedAt: '2025-01-01T08:00:00+07:00' });
    expect(ancient.statusCode).toBe(400);
    expect(ancient.json().error.fields[0].field).toBe('postedAt');
    const garbled = await secretary.post(`${base}/so-tay-posted`, { postedAt: '01/06/2026' });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().error.fields[0].field).toBe('postedAt');
    expect(
      (await member.post(`${base}/so-tay-posted`, { postedAt: '2026-06-01T08:00:00+07:00' })).statusCode,
    ).toBe(403);
    expect((await member.delete(`${base}/so-tay-posted`)).statusCode).toBe(403);
    expect(
      (await stranger.post(`${base}/so-tay-posted`, { postedAt: '2026-06-01T08:00:00+07:00' })).statusCode,
    ).toBe(404);
    expect((await stranger.delete(`${base}/so-tay-posted`)).statusCode).toBe(404);
    const byCommittee = await committee.post(`${base}/so-tay-posted`, {
      postedAt: '2026-06-01T08:00:00+07:00',
    });
    expect(byCommittee.statusCode, byCommittee.body).toBe(200);
    expect(byCommittee.json().soTay).toMatchObject({ early: true, recordedBy: expect.any(String) });
  });

  it('shows who and when on the meeting, is undone before adoption, and leaves a trail', async () => {
    now = new Date('2026-10-10T09:00:00+07:00');
    const { id, base } = await plannedMeeting('2026-10-15');
    const recorded = await secretary.post(`${base}/so-tay-posted`, { postedAt: '2026-10-10T08:30:00+07:00' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const shown = (await member.get(base)).json();
    expect(shown.soTay.postedAt).toBe('2026-10-10T01:30:00.000Z');
    expect(shown.soTay.early).toBe(true);
    expect(shown.abilities.recordSoTay).toBe(false);
    expect((await secretary.get(base)).json().abilities.recordSoTay).toBe(true);
    const undone = await secretary.delete(`${base}/so-tay-posted`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().soTay).toBeNull();
    const trail = await rows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_events WHERE entity_type = 'meeting' AND entity_id = ${id} ORDER BY id`,
    );
    expect(trail.map((t) => t.action)).toEqual(
      expect.arrayContaining(['meeting.so_tay_posted', 'meeting.so_tay_undone']),
    );
  });
});

describe('the materials criterion with a Sổ tay record', () => {
  /** The materials criterion of the meeting's score, as the secretary reads it. */
  const criterion = async (base: string) => {
    const score = (await secretary.get(`${base}/score`)).json() as {
      criteria: { criterionId: string; points: number; explanation: { vi: string } }[];
    };
    return score.criteria.find((c) => c.criterionId === 'materials_early');
  };

  it('is met by an early Sổ tay record with no early publication in the app, and not by a late one', async () => {
    now = new Date('2026-07-01T09:00:00+07:00');
    const { base } = await plannedMeeting('2026-07-05');
    // Published in the app only on the day of the meeting: not a day before.
    await upload(base, 'bao-cao.pdf', await samplePdf('Report', 1), '2026-07-05T08:00:00+07:00');
    expect((await criterion(base))?.points).toBe(0);

    // Posted on the Sổ tay at noon the day before (7.5 hours short of a day): kept, not early.
    now = new Date('2026-07-05T08:00:00+07:00');
    expect(
      (await secretary.post(`${base}/so-tay-posted`, { postedAt: '2026-07-04T20:00:00+07:00' })).json().soTay
        .early,
    ).toBe(false);
    expect((await criterion(base))?.points).toBe(0);

    // Recorded again: posted on the 3rd, two days before.
    const early = await secretary.post(`${base}/so-tay-posted`, { postedAt: '2026-07-03T10:00:00+07:00' });
    expect(early.json().soTay.early).toBe(true);
    const met = await criterion(base);
    expect(met?.points).toBe(2);
    expect(met?.explanation.vi).toContain('Sổ tay đảng viên điện tử');

    // A material uploaded after the posting was not in the package posted: the record no longer meets it.
    await upload(base, 'bo-sung.pdf', await samplePdf('Addendum', 1), '2026-07-05T08:00:00+07:00');
    expect((await criterion(base))?.points).toBe(0);

    // Undone: back to the app's publication alone.
    await secretary.delete(`${base}/so-tay-posted`);
    expect((await criterion(base))?.points).toBe(0);
  });

  it('is refused once the minutes are adopted', async () => {
    now = new Date('2026-08-01T09:00:00+07:00');
    const { base } = await plannedMeeting('2026-08-03');
    expect(
      (await secretary.post(`${base}/so-tay-posted`, { postedAt: '2026-08-01T08:00:00+07:00' })).statusCode,
    ).toBe(200);
    expect(
      (await secretary.patch(base, { chairMemberCode: 'M01', minuteTakerMemberCode: 'M02' })).statusCode,
    ).toBe(200);
    now = new Date('2026-08-03T19:35:00+07:00');
    expect((await secretary.post(`${base}/start`, { at: '2026-08-03T19:30:00+07:00' })).statusCode).toBe(200);
    now = new Date('2026-08-03T21:12:00+07:00');
    expect((await secretary.post(`${base}/end`, { at: '2026-08-03T21:10:00+07:00' })).statusCode).toBe(200);
    await secretary.request({ method: 'PUT', url: `${base}/manual-scores`, payload: FULL_MANUAL_SCORES });
    const adopted = await secretary.post(`${base}/adopt`, { for: 4, against: 0, abstain: 0 });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const again = await secretary.post(`${base}/so-tay-posted`, { postedAt: '2026-08-02T08:00:00+07:00' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('đã được thông qua');
    expect((await secretary.delete(`${base}/so-tay-posted`)).statusCode).toBe(409);
    const shown = (await secretary.get(base)).json();
    expect(shown.soTay.postedAt).toBe('2026-08-01T01:00:00.000Z');
    expect(shown.abilities.recordSoTay).toBe(false);
  });
});
