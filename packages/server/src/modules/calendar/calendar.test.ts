import { isoDateInVietnam } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { accounts, grants } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import { buildCalendar, escapeText, foldLine, localDateTime, meetingEvent, utcStamp } from './ics.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('ics text', () => {
  it('escapes backslashes, semicolons, commas and line breaks', () => {
    expect(escapeText('Họp; bàn việc, kế hoạch\\dự thảo\r\nDòng 2\nDòng 3')).toBe(
      'Họp\\; bàn việc\\, kế hoạch\\\\dự thảo\\nDòng 2\\nDòng 3',
    );
    expect(escapeText('a\u0007b\tc')).toBe('ab\tc');
    // Decomposed input (e + combining marks) is stored composed.
    expect(escapeText('Nghi\u0065\u0323\u0302')).toBe('Nghiệ');
  });

  it('folds at 75 octets without splitting a Vietnamese character', () => {
    const line = `SUMMARY:${'Sinh hoạt chi bộ thường kỳ — Chi bộ thôn Thượng Hội, xã Tân Hội, huyện Đan Phượng '.repeat(3)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const [i, part] of physical.entries()) {
      expect(bytes(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // Each physical line is whole UTF-8 on its own: no character's bytes are split across lines.
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
      expect(part).not.toContain('\uFFFD');
    }
    expect(unfold(folded)).toBe(line);
    // Three-octet letters: 25 fit the first line exactly; a continuation line holds 24 after its space; 11 are left.
    const wide = foldLine('ệ'.repeat(60)).split('\r\n');
    expect(wide.map(bytes)).toEqual([75, 73, 34]);
    expect(foldLine('short')).toBe('short');
  });

  it('keeps a letter and its combining marks on one line', () => {
    const decomposed = 'e\u0323\u0302'.repeat(40);
    for (const part of foldLine(decomposed).split('\r\n').slice(1)) {
      expect(/^ \p{M}/u.test(part)).toBe(false);
    }
    expect(unfold(foldLine(decomposed))).toBe(decomposed);
  });

  it('writes dates in UTC and in Vietnam wall-clock time', () => {
    expect(utcStamp(new Date('2026-05-04T12:30:05Z'))).toBe('20260504T123005Z');
    expect(localDateTime('2026-05-04', '19:30')).toBe('20260504T193000');
    expect(localDateTime('2026-12-31', '23:30', 90)).toBe('20270101T010000');
  });

  it('builds a calendar with CRLF lines, the time zone and one event per meeting', () => {
    const event = meetingEvent({
      id: 7,
      kind: 'thematic',
      status: 'planned',
      combined: true,
      title: null,
      date: '2026-05-04',
      startTime: '19:30',
      place: 'Nhà văn hóa thôn, xóm 2',
      agenda: [{ title: 'Khai mạc; điểm danh' }, { title: 'Thảo luận' }],
      createdAt: new Date('2026-04-01T01:02:03Z'),
      orgName: 'Chi bộ thôn Thượng Hội',
      minDuration: { regular: 90, combined: 120, thematic: 90, other: 0 },
    });
    const ics = buildCalendar({ name: 'Lịch sinh hoạt — Chi bộ thôn Thượng Hội', events: [event] });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'PRODID:-//Nen Nep//VI',
        'X-WR-CALNAME:Lịch sinh hoạt — Chi bộ thôn Thượng Hội',
        'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
        'TZID:Asia/Ho_Chi_Minh',
        'TZOFFSETTO:+0700',
        'UID:meeting-7@nennep',
        'DTSTAMP:20260401T010203Z',
        'DTSTART;TZID=Asia/Ho_Chi_Minh:20260504T193000',
        'DTEND;TZID=Asia/Ho_Chi_Minh:20260504T213000',
        'SUMMARY:Sinh hoạt chuyên đề — Chi bộ thôn Thượng Hội',
        'LOCATION:Nhà văn hóa thôn\\, xóm 2',
        'DESCRIPTION:Chương trình:\\n1. Khai mạc\\; điểm danh\\n2. Thảo luận',
        'STATUS:TENTATIVE',
      ]),
    );
    for (const line of ics.split('\r\n')) expect(bytes(line)).toBeLessThanOrEqual(75);
  });
});

describe('calendar feeds', () => {
  let ctx: Awaited<ReturnType<typeof buildTestApp>>;
  let secretary: Client;
  let member: Client;
  const ids: Record<string, number> = {};
  const now = new Date('2026-12-05T09:00:00+07:00');
  let clock = now;
  const today = isoDateInVietnam(now);
  const inDays = (n: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const fetchFeed = (url: string) => ctx.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    ctx = await buildTestApp({ clock: () => clock });
    const { db } = ctx;
    await seedTree(db, {
      orgs: [
        { code: 'P', kind: 'committee' },
        { code: 'GA', kind: 'grassroots_committee', parent: 'P' },
        { code: 'C1', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', parent: 'GA' },
        { code: 'C2', name: 'Chi bộ thôn Hạ Hội', kind: 'cell', parent: 'GA' },
      ],
      members: [{ code: 'M1', name: 'Lê Văn Đảng', org: 'C1' }],
      accounts: [
        ['admin', 'admin', 'P'],
        ['bithu', 'cell_secretary', 'C1'],
        ['dangvien', 'member', 'C1', 'M1'],
      ],
    });
    const admin = await login(ctx.app, 'admin');
    const create = async (key: string, orgCode: string, kind: string, days: number) => {
      // A meeting of the past was planned before its day: the clock goes back to then.
      clock = days < 0 ? new Date(now.getTime() + (days - 1) * 86_400_000) : now;
      const response = await admin.post('/api/meetings', {
        orgCode,
        kind,
        date: inDays(days),
        startTime: '19:30',
        place: 'Nhà văn hóa; hội trường, tầng 2',
      });
      expect(response.statusCode).toBe(201);
      ids[key] = response.json().id;
    };
    await create('regular', 'C1', 'regular', 10);
    await create('committee', 'C1', 'cell_committee', 8);
    await create('past', 'C1', 'regular', -30);
    await create('tooOld', 'C1', 'regular', -90);
    await create('tooFar', 'C1', 'regular', 420);
    await create('cancelled', 'C1', 'extraordinary', 5);
    await create('other', 'C2', 'regular', 10);
    clock = now;
    await admin.post(`/api/meetings/${ids.cancelled}/cancel`, { reason: 'Hoãn' });
    secretary = await login(ctx.app, 'bithu');
    member = await login(ctx.app, 'dangvien');
  });
  afterAll(() => ctx.close());

  const uids = (ics: string) => [...ics.matchAll(/UID:meeting-(\d+)@nennep/g)].map((m) => Number(m[1]));

  it('gives a secret link to a readable cell, served without any session', async () => {
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/calendar/feeds', payload: {} })).statusCode,
    ).toBe(401);
    expect((await secretary.post('/api/calendar/feeds', { orgCode: 'C2' })).statusCode).toBe(404);
    const created = await secretary.post('/api/calendar/feeds', { orgCode: 'C1' });
    expect(created.statusCode).toBe(201);
    const { url, token } = created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`/api/calendar/${token}.ics`);
    const feed = await fetchFeed(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(uids(feed.body).sort()).toEqual([ids.regular, ids.committee, ids.past].sort());
    expect(unfold(feed.body)).toContain('LOCATION:Nhà văn hóa\\; hội trường\\, tầng 2');
    expect(unfold(feed.body)).toContain('X-WR-CALNAME:Lịch sinh hoạt — Chi bộ thôn Thượng Hội');
    // The same data gives the same bytes: DTSTAMP comes from the meeting, not the clock.
    expect((await fetchFeed(url)).body).toBe(feed.body);
    const [audit] = await rows<{ entityId: string; detail: unknown }>(
      ctx.db,
      sql`SELECT entity_id AS "entityId", detail FROM audit_events WHERE action = 'calendar_feed.created'`,
    );
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('gives a member "my meetings": the own cell, without the cell committee', async () => {
    const created = await member.post('/api/calendar/feeds', {});
    expect(created.statusCode).toBe(201);
    const feed = await fetchFeed(created.json().url);
    expect(uids(feed.body).sort()).toEqual([ids.regular, ids.past].sort());
    expect(unfold(feed.body)).toContain('X-WR-CALNAME:Lịch sinh hoạt của tôi');
  });

  it('lists and deletes the actor’s own feeds only', async () => {
    const list = (await secretary.get('/api/calendar/feeds')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ orgCode: 'C1', url: `/api/calendar/${list[0].token}.ics` });
    const extra = (await secretary.post('/api/calendar/feeds', {})).json();
    const del = (token: string, client: Client) =>
      client.request({ method: 'DELETE', url: `/api/calendar/feeds/${token}` });
    expect((await del(extra.token, member)).statusCode).toBe(404);
    expect((await del(extra.token, secretary)).statusCode).toBe(204);
    expect((await fetchFeed(extra.url)).statusCode).toBe(404);
    expect((await secretary.get('/api/calendar/feeds')).json().items).toHaveLength(1);
  });

  it('answers 404 to unknown tokens', async () => {
    expect((await fetchFeed(`/api/calendar/${'A'.repeat(43)}.ics`)).statusCode).toBe(404);
    expect((await fetchFeed('/api/calendar/short.ics')).statusCode).toBe(404);
  });

  it('re-checks access on every fetch: a revoked grant empties the feed, a disabled account is 404', async () => {
    const [feed] = (await secretary.get('/api/calendar/feeds')).json().items;
    const [account] = await ctx.db.select().from(accounts).where(eq(accounts.username, 'bithu'));
    await ctx.db.delete(grants).where(eq(grants.accountId, account?.id ?? 0));
    const emptied = await fetchFeed(feed.url);
    expect(emptied.statusCode).toBe(200);
    expect(emptied.body).not.toContain('BEGIN:VEVENT');
    expect(emptied.body).toContain('BEGIN:VCALENDAR');
    const mine = (await member.get('/api/calendar/feeds')).json().items[0];
    expect(uids((await fetchFeed(mine.url)).body).length).toBe(2);
    await ctx.db.update(accounts).set({ disabled: true }).where(eq(accounts.username, 'dangvien'));
    expect((await fetchFeed(mine.url)).statusCode).toBe(404);
  });
});
