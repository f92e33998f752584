import { addDays, quarterOf } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { docxText, squash } from '../modules/documents/testing.ts';
import { demoDatabase } from '../test/demo.ts';
import { login } from '../test/factories.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from './demo-data.ts';
import { DUE_DOC_AGE, DUE_DOC_AHEAD, PASSED_DOC_AGE, PASSED_DOC_WINDOW } from './pass-on-demo.ts';
import { DEMO_PASSWORD, demoDay } from './seed-demo.ts';

/**
 * The demo's thematic programme and documents to pass on (issue 17 items 1 and 2), relative to the day it
 * was seeded: topics, registrations linked to the held thematic meetings, this quarter's papers and
 * comments, one own topic pending; two documents per commune, one passed on by most cells, one due.
 */
let app: FastifyInstance;
let database: Database;
let today: string;

const query = async <T>(text: string, params: unknown[] = []) => database.raw.query<T>(text, params);

beforeAll(async () => {
  database = await demoDatabase();
  today = (await demoDay(database.db)) ?? '';
  app = await buildApp({ database, config: { secureCookies: false, sessionDays: 1 } }, { webDist: null });
  await app.ready();
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the demo’s thematic programme', () => {
  it('has each commune committee publish 3–4 topics for the year', async () => {
    const year = Number(today.slice(0, 4));
    const counts = await query<{ code: string; n: number; drafts: number }>(
      `SELECT o.code, count(t.id)::int AS n, count(t.id) FILTER (WHERE t.status <> 'published')::int AS drafts
       FROM orgs o JOIN orgs r ON r.id = o.parent_id AND r.parent_id IS NULL
       LEFT JOIN thematic_topics t ON t.org_id = o.id AND t.year = $1
       WHERE o.kind = 'committee' AND o.category IS NULL GROUP BY o.code ORDER BY o.code`,
      [year],
    );
    expect(counts.length).toBeGreaterThanOrEqual(4);
    for (const c of counts) {
      expect(c.n).toBeGreaterThanOrEqual(3);
      expect(c.n).toBeLessThanOrEqual(4);
      expect(c.drafts).toBe(0);
    }
  });

  it('links the past quarters’ registrations to the thematic meetings held in them', async () => {
    const [past] = await query<{ n: number; wrong: number; unlinked: number; cells: number }>(
      `SELECT count(*)::int AS n,
         count(*) FILTER (WHERE m.status NOT IN ('held', 'adopted') OR m.kind <> 'thematic'
           OR m.org_id <> r.org_id OR extract(year FROM m.scheduled_date) <> r.year
           OR (extract(month FROM m.scheduled_date)::int - 1) / 3 + 1 <> r.quarter
           OR r.paper_shared_at >= m.scheduled_date::timestamptz)::int AS wrong,
         count(*) FILTER (WHERE r.meeting_id IS NULL)::int AS unlinked,
         count(DISTINCT r.org_id)::int AS cells
       FROM thematic_registrations r LEFT JOIN meetings m ON m.id = r.meeting_id
       WHERE r.year * 4 + r.quarter < $1::int * 4 + $2::int`,
      [Number(today.slice(0, 4)), quarterOf(today)],
    );
    expect(past?.n).toBeGreaterThan(50);
    expect(past).toMatchObject({ wrong: 0, unlinked: 0 });
    // Most cells held (and registered) their thematic meeting: the held ones without a registration are none.
    const [missing] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM meetings m JOIN orgs o ON o.id = m.org_id
       JOIN orgs c ON m.org_path LIKE c.path || '%' AND c.kind = 'committee' AND c.category IS NULL
         AND c.parent_id = (SELECT id FROM orgs WHERE parent_id IS NULL)
       WHERE m.kind = 'thematic' AND m.status IN ('held', 'adopted')
         AND m.scheduled_date < make_date($1::int, ($2::int - 1) * 3 + 1, 1)
         AND NOT EXISTS (SELECT 1 FROM thematic_registrations r WHERE r.meeting_id = m.id)`,
      [Number(today.slice(0, 4)), quarterOf(today)],
    );
    expect(missing?.n).toBe(0);
    const papers = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM thematic_registrations r
       WHERE r.paper_shared_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM thematic_papers p WHERE p.registration_id = r.id AND p.shared_at IS NOT NULL)`,
    );
    expect(papers[0]?.n).toBe(0);
  });

  it('has this quarter’s topics registered, some papers commented on, one own topic pending', async () => {
    const year = Number(today.slice(0, 4));
    const quarter = quarterOf(today);
    const [now] = await query<{
      registered: number;
      shared: number;
      commented: number;
      pending: number;
      secretary: number;
      late: number;
    }>(
      `SELECT count(DISTINCT r.id) FILTER (WHERE r.status = 'registered' AND r.meeting_id IS NOT NULL)::int
           AS registered,
         count(DISTINCT r.id) FILTER (WHERE r.paper_shared_at IS NOT NULL)::int AS shared,
         count(DISTINCT c.registration_id)::int AS commented,
         count(DISTINCT r.id) FILTER (WHERE r.status = 'pending' AND r.topic_id IS NULL AND o.parent_id =
           (SELECT id FROM orgs WHERE code = $3))::int AS pending,
         count(DISTINCT r.id) FILTER (WHERE o.code = $4)::int AS secretary,
         count(*) FILTER (WHERE r.paper_shared_at > now() OR c.created_at > now())::int AS late
       FROM thematic_registrations r JOIN orgs o ON o.id = r.org_id
       LEFT JOIN thematic_comments c ON c.registration_id = r.id
       WHERE r.year = $1 AND r.quarter = $2`,
      [year, quarter, DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE],
    );
    expect(now?.registered).toBeGreaterThan(20);
    expect(now?.shared).toBeGreaterThan(0);
    expect(now?.commented).toBe(now?.shared);
    expect(now).toMatchObject({ pending: 1, secretary: 0, late: 0 });
    const twoEach = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM thematic_comments c JOIN thematic_registrations r ON r.id = c.registration_id
       WHERE r.year = $1 AND r.quarter = $2 GROUP BY c.registration_id`,
      [year, quarter],
    );
    for (const row of twoEach) expect(row.n).toBe(2);
    // The commune's committee sees them in its coverage of the quarter.
    const tanhoi = await login(app, 'tanhoi', DEMO_PASSWORD);
    const res = await tanhoi.get(
      `/api/thematic/coverage?org=${DEMO_COMMUNE_CODE}&year=${year}&quarter=${quarter}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().counts.pending).toBe(1);
    expect(res.json().counts.registered).toBeGreaterThan(3);
  });
});

describe('the demo’s documents to pass on', () => {
  it('has two per commune committee, dated from the day seeded', async () => {
    const docs = await query<{ code: string; issued: string; due: string; passed: number }>(
      `SELECT o.code, p.issued_on::text AS issued, p.pass_on_by::text AS due,
         (SELECT count(*)::int FROM pass_on_records x WHERE x.document_id = p.id) AS passed
       FROM pass_on_documents p JOIN orgs o ON o.id = p.org_id ORDER BY o.code, p.issued_on`,
    );
    const communes = new Set(docs.map((d) => d.code));
    expect(communes.size).toBeGreaterThanOrEqual(4);
    for (const code of communes) {
      const [old, recent] = docs.filter((d) => d.code === code);
      expect(old).toMatchObject({
        issued: addDays(today, -PASSED_DOC_AGE),
        due: addDays(today, PASSED_DOC_WINDOW - PASSED_DOC_AGE),
      });
      expect(old?.passed).toBeGreaterThan(0);
      expect(recent).toMatchObject({
        issued: addDays(today, -DUE_DOC_AGE),
        due: addDays(today, DUE_DOC_AHEAD),
        passed: 0,
      });
    }
    const [bad] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pass_on_records x JOIN pass_on_documents p ON p.id = x.document_id
       JOIN meetings m ON m.id = x.meeting_id
       WHERE m.org_id <> x.org_id OR m.status NOT IN ('held', 'adopted') OR x.passed_on <> m.scheduled_date
         OR x.passed_on <= p.issued_on OR x.passed_on >= $1::date`,
      [today],
    );
    expect(bad?.n).toBe(0);
  });

  it('shows the committee most cells passed the resolution on, and the directive due at the next meeting', async () => {
    const tanhoi = await login(app, 'tanhoi', DEMO_PASSWORD);
    const [old, recent] = await query<{ id: number }>(
      `SELECT p.id::int AS id FROM pass_on_documents p JOIN orgs o ON o.id = p.org_id
       WHERE o.code = $1 ORDER BY p.issued_on`,
      [DEMO_COMMUNE_CODE],
    );
    const passed = (await tanhoi.get(`/api/documents-to-pass-on/${old?.id}/status`)).json();
    expect(passed.passedOn).toBeGreaterThan(passed.cells / 2);
    expect(passed.passedOn).toBeLessThan(passed.cells);
    const due = await tanhoi.get(`/api/documents-to-pass-on/${recent?.id}/status`);
    expect(due.statusCode, due.body).toBe(200);
    expect(due.json().passedOn).toBe(0);
    const next = due.json().pending.filter((p: { nextMeeting: unknown }) => p.nextMeeting !== null);
    expect(next.length).toBeGreaterThan(due.json().cells / 2);
  });

  it('has the secretary’s cell pass the resolution on at an adopted meeting, in its minutes', async () => {
    const [record] = await query<{
      meetingId: number;
      documentId: number;
      number: string;
      presenter: string;
      passedOn: string;
      status: string;
      date: string;
    }>(
      `SELECT x.meeting_id::int AS "meetingId", x.document_id::int AS "documentId", p.number, x.presenter,
         x.passed_on::text AS "passedOn", m.status, m.scheduled_date::text AS date
       FROM pass_on_records x JOIN pass_on_documents p ON p.id = x.document_id
         JOIN orgs o ON o.id = x.org_id JOIN meetings m ON m.id = x.meeting_id
       WHERE o.code = $1 AND p.issued_on = $2::date`,
      [DEMO_SECRETARY_CELL_CODE, addDays(today, -PASSED_DOC_AGE)],
    );
    expect(record).toMatchObject({ status: 'adopted' });
    if (!record) return;
    expect(record.passedOn).toBe(record.date);
    expect(record.presenter.length).toBeGreaterThan(0);
    // The same trail as the real command: the meeting's event and its audit line.
    const [trail] = await query<{ events: number; audits: number }>(
      `SELECT (SELECT count(*)::int FROM meeting_events
                WHERE meeting_id = $1 AND kind = 'document_passed_on' AND data->>'documentId' = $2) AS events,
              (SELECT count(*)::int FROM audit_events
                WHERE entity_id = $1::text AND action = 'meeting.document_passed_on') AS audits`,
      [record.meetingId, String(record.documentId)],
    );
    expect(trail).toEqual({ events: 1, audits: 1 });
    const secretary = await login(app, 'secretary', DEMO_PASSWORD);
    // The meeting's card shows it passed on, with the presenter and the day.
    const card = await secretary.get(`/api/meetings/${record.meetingId}/documents-to-pass-on`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().items).toEqual([
      expect.objectContaining({
        documentId: record.documentId,
        passed: expect.objectContaining({ meetingId: record.meetingId, presenter: record.presenter }),
      }),
    ]);
    // The adopted minutes print the line under the superior documents' item.
    const docx = await secretary.get(`/api/meetings/${record.meetingId}/documents/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expect(squash(await docxText(docx.rawPayload))).toContain(`Đã phổ biến văn bản số ${record.number} của`);
    expect(squash(await docxText(docx.rawPayload))).toContain(`(người phổ biến: ${record.presenter}).`);
  });
});
