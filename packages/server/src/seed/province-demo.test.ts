import { addDays, lastDayOfMonth, type MeetingKind, periodContaining } from '@nennep/core';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Database, rows } from '../db/client.ts';
import { fillFingerprints, pendingFingerprints } from '../modules/documents/fingerprints.ts';
import { renderMinutesDocx } from '../modules/documents/index.ts';
import { sha256 } from '../modules/documents/numbering.ts';
import { scoreOf } from '../modules/meetings/facts.ts';
import { buildMinutes } from '../modules/meetings/minutes.ts';
import { findMeeting } from '../modules/meetings/queries.ts';
import { demoDatabase } from '../test/demo.ts';
import { type Client, login } from '../test/factories.ts';
import { DEMO_COMMUNE_CODE, DEMO_ROOT_CODE, DEMO_SECRETARY_CELL_CODE } from './demo-data.ts';
import { DEMO_PASSWORD, demoDay } from './seed-demo.ts';

/**
 * The 2026 demo as `npm start` serves it (issue 9): a province with no district level, a year of meetings
 * relative to the day it was seeded, supervision, recommendations — and every adopted meeting scored and
 * numbered exactly as the rules give.
 */
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let admin: Client;
/** The day the demo was seeded: every date of it is relative to that day. */
let today = '';
let lastMonth = '';
const monthOf = (date: string) => date.slice(0, 7);

beforeAll(async () => {
  database = await demoDatabase();
  today = (await demoDay(database.db)) ?? '';
  lastMonth = monthOf(addDays(`${monthOf(today)}-01`, -1));
  app = await buildApp({ database, config: { secureCookies: false, sessionDays: 1 } }, { webDist: null });
  await app.ready();
  admin = await login(app, 'admin', DEMO_PASSWORD);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo of 2026, seen by its users', () => {
  it('shows the province most of last month’s meetings held, in at least three quality levels', async () => {
    const response = await admin.get(`/api/meetings-overview?org=${DEMO_ROOT_CODE}&month=${lastMonth}`);
    expect(response.statusCode).toBe(200);
    const { summary, items } = response.json();
    expect(items.length).toBeGreaterThan(90);
    expect((summary.onTime + summary.late) / summary.cells).toBeGreaterThanOrEqual(0.85);
    expect(summary.late + summary.notHeld).toBeGreaterThan(0);
    const levels = Object.values(summary.byLevel as Record<string, number>).filter((n) => n > 0);
    expect(levels.length).toBeGreaterThanOrEqual(3);
  });

  it('shows a commune the visits of its last quarter', async () => {
    const quarter = periodContaining('quarter', addDays(periodContaining('quarter', today, 3).from, -1), 3);
    const response = await admin.get(
      `/api/supervision/coverage?org=${DEMO_COMMUNE_CODE}&period=${quarter.key}`,
    );
    expect(response.statusCode).toBe(200);
    const coverage = response.json();
    expect(coverage.totals.visited).toBeGreaterThan(5);
    expect(coverage.totals.visited).toBe(coverage.totals.targetCells);
  });

  it('has recommendations in at least five states, some moved up for being overdue', async () => {
    const states = await rows<{ status: string; escalated: number }>(
      database.db,
      sql`SELECT status, count(*) FILTER (WHERE escalations > 0)::int AS escalated FROM recommendations GROUP BY status`,
    );
    expect(states.length).toBeGreaterThanOrEqual(5);
    expect(states.reduce((n, s) => n + s.escalated, 0)).toBeGreaterThan(0);
    const listed = (await admin.get(`/api/recommendations?org=${DEMO_ROOT_CODE}`)).json();
    expect(new Set(listed.items.map((r: { status: string }) => r.status)).size).toBeGreaterThanOrEqual(5);
  });

  it('gives the secretary a next meeting within 35 days and a year of adopted ones', async () => {
    const secretary = await login(app, 'secretary', DEMO_PASSWORD);
    const next = (await secretary.get(`/api/meetings?from=${today}&to=${addDays(today, 35)}`)).json();
    const regular = next.items.filter((m: { kind: string }) => m.kind === 'regular');
    expect(regular.length).toBeGreaterThan(0);
    // Two or three days ahead while this month's window (days 1–10) is still open, else early next month.
    const day = Number(today.slice(8, 10));
    expect(regular[0].date <= addDays(today, day <= 8 ? 3 : 26)).toBe(true);
    const year = (await secretary.get(`/api/meetings?from=${addDays(today, -365)}&to=${today}`)).json();
    const adopted = year.items.filter(
      (m: { kind: string; status: string }) => m.kind === 'regular' && m.status === 'adopted',
    );
    expect(adopted.length).toBeGreaterThanOrEqual(11);
  });

  it('gives the visitor a visit in the coming days', async () => {
    const visitor = await login(app, 'visitor', DEMO_PASSWORD);
    const mine = (await visitor.get('/api/supervision/visits?mine=true')).json().items;
    expect(
      mine.some((v: { date: string; status: string }) => v.date >= today && v.status === 'planned'),
    ).toBe(true);
  });

  it('opens on the next job of each role: a meeting to prepare, a cell that has not met', async () => {
    const secretary = (await (await login(app, 'secretary', DEMO_PASSWORD)).get('/api/home')).json();
    expect(secretary.secretary[0]?.orgCode).toBe(DEMO_SECRETARY_CELL_CODE);
    expect(secretary.secretary[0]?.next?.kind).toBe('regular');
    expect(secretary.member?.next?.id).toBe(secretary.secretary[0]?.next?.id);
    const commune = (await (await login(app, 'tanhoi', DEMO_PASSWORD)).get('/api/home')).json();
    const [tanhoi] = commune.committees;
    expect(tanhoi?.orgCode).toBe(DEMO_COMMUNE_CODE);
    // One cell of the commune has not even planned this month's meeting.
    expect(tanhoi?.notMet.some((c: { nextDate: string | null }) => c.nextDate === null)).toBe(true);
  });
});

describe('the words of 2026', () => {
  it('has no district, urban district or town, and no document numbered /HU', async () => {
    const names = await rows<{ name: string }>(database.db, sql`SELECT name FROM orgs`);
    for (const { name } of names) expect(name).not.toMatch(/huyện|quận|thị trấn/iu);
    const numbers = await rows<{ number: string }>(
      database.db,
      sql`SELECT number FROM issued_documents UNION ALL SELECT number FROM supervision_reports
          UNION ALL SELECT number FROM committee_reports WHERE number IS NOT NULL`,
    );
    expect(numbers.length).toBeGreaterThan(1000);
    for (const { number } of numbers) expect(number).not.toMatch(/\/HU$/u);
  });

  it('heads a village cell’s minutes with its commune and dates them at the commune', async () => {
    const [meeting] = await rows<{ id: number }>(
      database.db,
      sql`SELECT m.id::int AS id FROM meetings m JOIN orgs o ON o.id = m.org_id
          WHERE o.code = ${DEMO_SECRETARY_CELL_CODE} AND m.status = 'adopted' ORDER BY m.scheduled_date DESC LIMIT 1`,
    );
    const response = await admin.get(`/api/meetings/${meeting?.id}/documents/minutes.docx`);
    expect(response.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(response.rawPayload);
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    const superior = text.indexOf('ĐẢNG BỘ XÃ TÂN HỘI');
    expect(superior).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('CHI BỘ THÔN THƯỢNG HỘI')).toBeGreaterThan(superior);
    expect(text).toMatch(/Tân Hội, ngày \d{2} tháng \d{1,2} năm \d{4}/u);
    expect(text).toMatch(/Số \d{2}-BB\/CB/u);
    // The minutes record their own reading and adoption by the demo's 'minutes' vote (no blanks).
    expect(text).toMatch(
      /Biên bản đã được đọc lại trước chi bộ và được \d+\/\d+ đồng chí đảng viên chính thức dự họp tán thành thông qua\./u,
    );
    expect(text.match(/kết thúc lúc/gu)).toHaveLength(1);
  });
});

describe('the demo obeys the rules', () => {
  it('scores and words every adopted meeting as the services do, and numbers them in order', async () => {
    const adopted = await rows<{
      id: number;
      orgId: number;
      date: string;
      number: string;
      resolution: string | null;
    }>(
      database.db,
      sql`SELECT m.id::int AS id, m.org_id::int AS "orgId", m.scheduled_date::text AS date, bb.number,
            nq.number AS resolution
          FROM meetings m JOIN issued_documents bb ON bb.meeting_id = m.id AND bb.doc_type = 'BB'
          LEFT JOIN issued_documents nq ON nq.meeting_id = m.id AND nq.doc_type = 'NQ'
          WHERE m.status = 'adopted' ORDER BY m.org_id, m.scheduled_date, m.id`,
    );
    expect(adopted.length).toBeGreaterThan(1000);
    const seq = new Map<number, number>();
    for (const m of adopted) {
      const n = (seq.get(m.orgId) ?? 0) + 1;
      seq.set(m.orgId, n);
      expect(m.number, `meeting ${m.id}`).toBe(`Số ${String(n).padStart(2, '0')}-BB/CB`);
      expect(m.resolution).toBe(`Số ${String(n).padStart(2, '0')}-NQ/CB`);
    }
    const counters = await rows<{ orgId: number; last: number }>(
      database.db,
      sql`SELECT org_id::int AS "orgId", last FROM document_counters WHERE doc_type = 'BB'`,
    );
    expect(new Map(counters.map((c) => [c.orgId, c.last]))).toEqual(seq);
    // Every meeting: the score the service computes today, and the frozen minutes it would build.
    for (const { id } of adopted) {
      const meeting = await findMeeting(database.db, id);
      if (!meeting) throw new Error(`meeting ${id}`);
      const score = await scoreOf(database.db, meeting);
      expect(meeting.score, `score of meeting ${id}`).toEqual(score);
      expect(meeting.level).toBe(score.level);
    }
    const sample = adopted.filter((_, i) => i % 25 === 0);
    for (const m of sample) {
      const meeting = await findMeeting(database.db, m.id);
      if (!meeting) throw new Error(`meeting ${m.id}`);
      const built = await buildMinutes(database.db, meeting, { minutes: m.number, resolution: m.resolution });
      const [frozen] = await rows<{ model: unknown }>(
        database.db,
        sql`SELECT model FROM issued_documents WHERE meeting_id = ${m.id} AND doc_type = 'BB'`,
      );
      expect(frozen?.model, `minutes of meeting ${m.id}`).toEqual({ ...built.minutes, addenda: [] });
    }
  }, 240_000);

  it('holds one regular meeting a month per cell, and nothing twice in one slot', async () => {
    const doubles = await rows<{ orgId: number; month: string }>(
      database.db,
      sql`SELECT org_id::int AS "orgId", to_char(scheduled_date, 'YYYY-MM') AS month FROM meetings
          WHERE kind = 'regular' AND status <> 'cancelled' GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(doubles).toEqual([]);
    const clashes = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM (SELECT org_id, scheduled_date, start_time FROM meetings
          WHERE status <> 'cancelled' GROUP BY 1, 2, 3 HAVING count(*) > 1) x`,
    );
    expect(clashes[0]?.n).toBe(0);
    const future = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM meetings WHERE status IN ('held', 'adopted') AND scheduled_date >= ${today}`,
    );
    expect(future[0]?.n).toBe(0);
  });

  it('covers the kinds of the year: regular, thematic each quarter, chi ủy before', async () => {
    const kinds = await rows<{ kind: MeetingKind; n: number }>(
      database.db,
      sql`SELECT kind, count(*)::int AS n FROM meetings WHERE status IN ('held', 'adopted') GROUP BY kind`,
    );
    const count = new Map(kinds.map((k) => [k.kind, k.n]));
    expect(count.get('regular')).toBeGreaterThan(1000);
    expect(count.get('thematic')).toBeGreaterThan(300);
    expect(count.get('cell_committee')).toBeGreaterThan(500);
    const [monthEnd] = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM meetings WHERE kind = 'regular' AND scheduled_date > ${lastDayOfMonth(monthOf(addDays(today, 40)))}`,
    );
    expect(monthEnd?.n).toBe(0);
  });

  it('renders the missing fingerprints of the documents loaded in bulk, as adoption would', async () => {
    const before = await pendingFingerprints(database.db);
    expect(before).toBeGreaterThan(1000);
    expect(await fillFingerprints(database.db, { limit: 4, batch: 2 })).toBe(4);
    expect(await pendingFingerprints(database.db)).toBe(before - 4);
    const [doc] = await rows<{ meetingId: number; sha256: string; hash: string; model: never }>(
      database.db,
      sql`SELECT d.meeting_id::int AS "meetingId", d.sha256, m.content_hash AS hash, d.model FROM issued_documents d
          JOIN meetings m ON m.id = d.meeting_id WHERE d.doc_type = 'BB' AND d.sha256 IS NOT NULL ORDER BY d.id LIMIT 1`,
    );
    expect(doc?.sha256).toBe(sha256(await renderMinutesDocx(doc?.model as never)));
    expect(doc?.hash).toBe(doc?.sha256);
    const download = await admin.get(`/api/meetings/${doc?.meetingId}/documents/minutes.docx`);
    expect(sha256(download.rawPayload)).toBe(doc?.sha256);
  });
});
