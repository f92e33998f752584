import { nameSortKey } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { scoreOf } from '../../modules/meetings/facts.ts';
import { findMeeting } from '../../modules/meetings/queries.ts';
import { createTestDatabase } from '../../test/db.ts';
import { type Client, login } from '../../test/factories.ts';
import { ROOT_CODE } from '../province.ts';
import { scaleOf } from './cli.ts';
import { SCALE_PASSWORD, type ScaleSummary, seedScale } from './seed-scale.ts';
import { PROVINCE_SCALE, SMALL_SCALE } from './tree.ts';

const NOW = new Date('2026-12-05T03:00:00Z');
const SEED = 424_242;

/** md5 of the main tables' rows in a stable order: the same rows give the same value. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    orgs: 'SELECT id, code, name, kind, category, parent_id, path, depth, sort_key FROM orgs',
    members: `SELECT id, member_code, full_name, sort_key, search_text, sex, birth_date, org_id, org_path, status,
      admission_date, official_date, position, party_card_no, exempt_from FROM members`,
    meetings: `SELECT id, org_id, org_path, kind, status, scheduled_date, start_time, started_at, ended_at,
      chair_member_id, minute_taker_member_id, manual_scores, score, level, total, conclusion, adopted_at FROM meetings`,
    attendance: 'SELECT meeting_id, member_id, status, reason, member_status FROM attendance',
    opinions: 'SELECT meeting_id, member_id, guest_name, agenda_index, summary FROM opinions',
    votes: 'SELECT meeting_id, subject, member_id, votes_for, abstain, eligible, passed FROM votes',
    tasks: 'SELECT meeting_id, member_id, text, deadline, status FROM tasks',
    visits: 'SELECT id, plan_id, cell_org_id, meeting_id, account_id, scheduled_date, status FROM visits',
    recommendations:
      'SELECT id, org_id, meeting_id, raised_by, raised_on, text, status, due_date, answer_meeting_id FROM recommendations',
  };
  const out: Record<string, string> = {};
  for (const [table, query] of Object.entries(tables)) {
    const [row] = await database.raw.query<{ md5: string }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM (${query}) t`,
    );
    out[table] = row?.md5 ?? '';
  }
  return out;
}

let database: Database;
let summary: ScaleSummary | null;
let app: FastifyInstance;
let admin: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  summary = await seedScale(database, { now: NOW, seed: SEED, size: SMALL_SCALE });
  app = await buildApp(
    { database, config: { secureCookies: false, sessionDays: 1 }, clock: () => NOW },
    { webDist: null },
  );
  await app.ready();
  admin = await login(app, 'admin', SCALE_PASSWORD);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('seed-demo --scale small', () => {
  it('seeds the tree, the members and a year of meetings for every cell, once', async () => {
    expect(summary).toMatchObject({
      today: '2026-12-05',
      cells: SMALL_SCALE.cells,
      members: SMALL_SCALE.members,
    });
    const [counts] = await database.raw.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM orgs WHERE kind = 'cell') AS cells, (SELECT count(*)::int FROM members) AS members,
         (SELECT count(*)::int FROM orgs WHERE kind = 'committee' AND depth = 1) AS communes,
         (SELECT count(*)::int FROM meetings WHERE scheduled_date < '2026-12-05') AS past,
         (SELECT count(*)::int FROM meetings WHERE status = 'adopted') AS adopted,
         (SELECT count(*)::int FROM attendance) AS attendance, (SELECT count(*)::int FROM visits) AS visits,
         (SELECT count(*)::int FROM visit_reports) AS reports, (SELECT count(*)::int FROM recommendations) AS recs`,
    );
    expect(counts).toMatchObject({ cells: 30, members: 900, communes: 2, past: 30 * 12 });
    expect(counts?.adopted).toBeGreaterThan(30 * 10);
    expect(counts?.attendance).toBeGreaterThan(counts?.members ?? 0);
    expect(counts?.visits).toBeGreaterThan(0);
    expect(counts?.reports).toBeGreaterThan(0);
    expect(counts?.recs).toBeGreaterThan(0);
    expect(await seedScale(database, { now: NOW, seed: SEED, size: SMALL_SCALE })).toBeNull();
  });

  it('is reproducible: the same seed and day give the same rows, another seed others', async () => {
    const again = await createTestDatabase();
    const other = await createTestDatabase();
    try {
      await seedScale(again, { now: NOW, seed: SEED, size: SMALL_SCALE });
      await seedScale(other, { now: NOW, seed: SEED + 1, size: SMALL_SCALE });
      const first = await fingerprint(database);
      expect(await fingerprint(again)).toEqual(first);
      const changed = await fingerprint(other);
      expect(changed.members).not.toBe(first.members);
      expect(changed.attendance).not.toBe(first.attendance);
    } finally {
      await again.close();
      await other.close();
    }
  }, 120_000);

  it('keeps paths, sort keys and levels as the app computes them', async () => {
    const [bad] = await database.raw.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM orgs c JOIN orgs p ON p.id = c.parent_id WHERE c.path <> p.path || c.id || '/') AS paths,
         (SELECT count(*)::int FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.org_path <> o.path) AS members,
         (SELECT count(*)::int FROM meetings m JOIN orgs o ON o.id = m.org_id WHERE m.org_path <> o.path) AS meetings,
         (SELECT count(*)::int FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id JOIN members m ON m.id = a.member_id
            WHERE m.org_id <> mt.org_id) AS strangers,
         (SELECT count(*)::int FROM meetings WHERE status = 'adopted' AND (level IS NULL OR total IS NULL OR score->>'level' <> level)) AS levels`,
    );
    expect(bad).toEqual({ paths: 0, members: 0, meetings: 0, strangers: 0, levels: 0 });
    const names = await database.raw.query<{ full_name: string; sort_key: string }>(
      'SELECT full_name, sort_key FROM members ORDER BY id LIMIT 50',
    );
    for (const m of names) expect(m.sort_key).toBe(nameSortKey(m.full_name));
    // The stored score is the one the service computes from the rows written.
    const sample = await database.raw.query<{ id: number }>(
      `SELECT id::int AS id FROM meetings WHERE status IN ('held', 'adopted') ORDER BY (id * 37) % 101, id LIMIT 40`,
    );
    for (const { id } of sample) {
      const meeting = await findMeeting(database.db, id);
      if (!meeting) throw new Error(`meeting ${id}`);
      const score = await scoreOf(database.db, meeting);
      expect({ id, total: score.total, level: score.level }).toEqual({
        id,
        total: (meeting.score as { total: number }).total,
        level: (meeting.score as { level: string }).level,
      });
    }
  });

  it('serves the overview of the province, a meeting page and the member list', async () => {
    const overview = await admin.get(`/api/meetings-overview?org=${ROOT_CODE}&month=2026-11`);
    expect(overview.statusCode).toBe(200);
    const body = overview.json() as { items: { state: string; level: string | null }[] };
    expect(body.items).toHaveLength(30);
    expect(body.items.every((i) => i.state === 'on_time')).toBe(true);
    expect(body.items.some((i) => i.level !== null)).toBe(true);
    const [adopted] = await database.raw.query<{ id: number }>(
      `SELECT id::int AS id FROM meetings WHERE status = 'adopted' ORDER BY id DESC LIMIT 1`,
    );
    const meeting = await admin.get(`/api/meetings/${adopted?.id}`);
    expect(meeting.statusCode).toBe(200);
    expect((meeting.json() as { record: { rollCall: unknown[] } }).record.rollCall.length).toBeGreaterThan(0);
    const list = await admin.get(`/api/members?org=${ROOT_CODE}&page=1&pageSize=50`);
    expect(list.statusCode).toBe(200);
    const members = list.json() as { total: number; items: unknown[] };
    expect(members.total).toBeGreaterThan(800);
    expect(members.items).toHaveLength(50);
  });

  it('reads the size from the command line, naming a wrong option', () => {
    expect(scaleOf({ scale: 'province' })).toEqual(PROVINCE_SCALE);
    expect(scaleOf({ scale: 'small' })).toEqual(SMALL_SCALE);
    expect(scaleOf({ cells: '166' })).toEqual({ communes: 2, cells: 166, members: 6640 });
    expect(scaleOf({ cells: '0' })).toMatch(/^--cells/);
    expect(scaleOf({ scale: 'huge' })).toMatch(/^--scale/);
  });
});
