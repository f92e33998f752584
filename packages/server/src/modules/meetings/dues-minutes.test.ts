import type { MinutesModel } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login } from '../../test/factories.ts';
import { docxText, squash } from '../documents/testing.ts';
import { buildDuesFixture, TEN_BASES } from '../dues/test-fixture.ts';

/**
 * The dues collected at the meeting's item "Thu đảng phí" reach its minutes (issue 16; QĐ 01-QĐ/TW): one line
 * per month paid at the meeting, "Thu đảng phí tháng MM/YYYY: N/M đảng viên đã nộp, tổng X đồng", written
 * from the payments recorded with the meeting (corrections included; a member whose entries net to nothing
 * is not counted), with vi-VN digits; after adoption the issued minutes keep them and no payment is taken.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;
let now = new Date('2026-06-15T12:00:00Z');
let meetingId: number;
const base = () => `/api/meetings/${meetingId}`;
const pay = (entries: object[]) => sec.post('/api/dues/payments', { meetingId, entries });

const minutesText = async () => {
  const response = await sec.get(`${base()}/documents/minutes.docx`);
  expect(response.statusCode).toBe(200);
  return squash(await docxText(response.rawPayload));
};

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildDuesFixture(ctx.db);
  sec = await login(ctx.app, 'sec');
  for (const { fromMonth, ...basis } of TEN_BASES) {
    const recorded = await sec.post('/api/dues/basis', { ...basis, fromMonth: fromMonth ?? '2026-02' });
    expect(recorded.statusCode, recorded.body).toBe(200);
  }
  const created = await sec.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date: '2026-06-15',
    startTime: '19:30',
  });
  expect(created.statusCode, created.body).toBe(201);
  meetingId = created.json().id;
  await sec.patch(base(), { chairMemberCode: 'DV01', minuteTakerMemberCode: 'DV02' });
});
afterAll(() => ctx.close());

const JUNE = 'Thu đảng phí tháng 06/2026: 3/10 đảng viên đã nộp, tổng 151.000 đồng';

describe('the dues item in the minutes', () => {
  it('has no dues line before anything is paid at the meeting', async () => {
    const agenda: { title: string }[] = (await sec.get(base())).json().agenda;
    expect(agenda.map((a) => a.title)).toContain('Thu đảng phí');
    expect(await minutesText()).not.toContain('đảng viên đã nộp');
  });

  it('states the payments recorded at the meeting under its dues item, month by month', async () => {
    now = new Date('2026-06-15T12:40:00Z');
    expect((await sec.post(`${base()}/start`, { at: '2026-06-15T12:30:00Z' })).statusCode).toBe(200);
    const paid = await pay([
      { memberCode: 'DV01', month: '2026-06', paidVnd: 65_000 },
      { memberCode: 'DV02', month: '2026-06', paidVnd: 50_000 },
      { memberCode: 'DV03', month: '2026-06', paidVnd: 36_000 },
      { memberCode: 'DV04', month: '2026-06', paidVnd: 16_000 },
      { memberCode: 'DV05', month: '2026-05', paidVnd: 5_000 },
    ]);
    expect(paid.statusCode, paid.body).toBe(200);
    // DV04's entry was a slip: corrected by a negative entry, DV04 no longer counts as having paid.
    expect((await pay([{ memberCode: 'DV04', month: '2026-06', paidVnd: -16_000 }])).statusCode).toBe(200);
    // Paid outside the meeting: in the ledger, not in the meeting's minutes.
    const outside = await sec.post('/api/dues/payments', {
      entries: [{ memberCode: 'DV08', month: '2026-06', paidVnd: 30_000 }],
    });
    expect(outside.statusCode, outside.body).toBe(200);

    const text = await minutesText();
    expect(text).toContain(JUNE);
    expect(text).toContain('Thu đảng phí tháng 05/2026: 1/10 đảng viên đã nộp, tổng 5.000 đồng');
    // Under the item "Thu đảng phí" (minuted by them: no "Không có ý kiến."), May before June.
    expect(text).toMatch(
      /\d+\. Thu đảng phí - Thu đảng phí tháng 05\/2026: [^-]+ - Thu đảng phí tháng 06\/2026: 3\/10/,
    );
  });

  it('keeps the lines in the adopted minutes, and no payment is taken at the meeting after adoption', async () => {
    now = new Date('2026-06-15T14:10:00Z');
    expect((await sec.post(`${base()}/end`, { at: '2026-06-15T14:00:00Z' })).statusCode).toBe(200);
    await sec.put(`${base()}/manual-scores`, FULL_MANUAL_SCORES);
    const held = (await sec.get(base())).json();
    const present = (held.record?.rollCall ?? []).filter(
      (l: { status: string; memberStatus: string }) =>
        l.status === 'present' && l.memberStatus === 'official',
    ).length;
    const adopted = await sec.post(`${base()}/adopt`, { for: present, against: 0, abstain: 0 });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const [issued] = await rows<{ model: MinutesModel }>(
      ctx.db,
      sql`SELECT model FROM issued_documents WHERE meeting_id = ${meetingId} AND doc_type = 'BB'`,
    );
    const item = issued?.model.discussion.find((d) => d.item === 'Thu đảng phí');
    expect(item?.notes).toEqual(['Thu đảng phí tháng 05/2026: 1/10 đảng viên đã nộp, tổng 5.000 đồng', JUNE]);
    const late = await pay([{ memberCode: 'DV06', month: '2026-06', paidVnd: 10_000 }]);
    expect(late.statusCode).toBe(409);
    expect(await minutesText()).toContain(JUNE);
  });
});
