import type { HomeDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { type AccountSpec, commune, type MemberSpec, seedTree } from '../../test/tree.ts';
import { namedMeeting } from './meeting-name.ts';
import { buildMinutes } from './minutes.ts';
import { findMeeting } from './queries.ts';

/**
 * The preparation of a cell meeting (HD 12-HD/BTCTW of 06/7/2018; HD 42-HD/BTCTW of 28/10/2025): the chi ủy
 * meets before it where the cell elected one, else the bí thư and phó bí thư do — planned, named, called and
 * scored alike. Whether a cell has a chi ủy comes from its members' positions, not from its size.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2025-12-20T09:00:00+07:00');
let admin: Client;
const secretaries: Record<string, Client> = {};
const TITLE = 'Họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ';

interface Listed {
  id: number;
  orgCode: string;
  kind: string;
  date: string;
  title: string | null;
}

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  const cells = [
    ['BIG', 'Chi bộ thôn Thượng'],
    ['WIDE', 'Chi bộ thôn Hạ'],
    ['SMALL', 'Chi bộ trường Tiểu học'],
  ] as const;
  // BIG elected a chi ủy; WIDE has 10 official members but elected only a bí thư and a phó bí thư.
  const positions = ['secretary', 'deputy_secretary', 'committee_member'] as const;
  const tenOf = (cell: 'BIG' | 'WIDE'): MemberSpec[] =>
    Array.from({ length: 10 }, (_, i) => ({
      code: `${cell}${i}`,
      name: `Nguyễn Văn ${cell === 'BIG' ? 'Thượng' : 'Hạ'} ${i}`,
      org: cell,
      position: cell === 'BIG' || i < 2 ? (positions[i] ?? 'member') : 'member',
    }));
  await seedTree(db, {
    orgs: [
      ...commune('GA'),
      ...cells.map(([code, name]) => ({
        code,
        name,
        kind: 'cell' as const,
        category: 'village' as const,
        parent: 'GA',
      })),
    ],
    members: [
      ...tenOf('BIG'),
      ...tenOf('WIDE'),
      { code: 'S1', name: 'Lê Thị Bí Thư', org: 'SMALL', position: 'secretary' },
      { code: 'S2', name: 'Trần Văn Phó', org: 'SMALL', position: 'deputy_secretary' },
      { code: 'S3', name: 'Phạm Văn Một', org: 'SMALL' },
      { code: 'S4', name: 'Đỗ Thị Hai', org: 'SMALL' },
    ],
    accounts: [
      ...cells.map(([code]): AccountSpec => [`bithu-${code.toLowerCase()}`, 'cell_secretary', code]),
      ['admin', 'admin', 'P'],
    ],
  });
  admin = await login(ctx.app, 'admin');
  for (const code of ['BIG', 'WIDE', 'SMALL'])
    secretaries[code] = await login(ctx.app, `bithu-${code.toLowerCase()}`);
});
afterAll(() => ctx.close());

const listed = async (): Promise<Listed[]> =>
  (await admin.get('/api/meetings?org=GA&from=2025-12-01&to=2026-02-28')).json().items;
const of = (items: Listed[], org: string, kind: string) =>
  items.filter((m) => m.orgCode === org && m.kind === kind);
const readiness = async (code: string) => {
  const page: HomeDto = (await (secretaries[code] as Client).get('/api/home')).json();
  return page.secretary[0]?.next?.readiness;
};
const pointsOf = async (meetingId: number) => {
  const score = (await admin.get(`/api/meetings/${meetingId}/score`)).json();
  return score.criteria.find((c: { criterionId: string }) => c.criterionId === 'cell_committee_met').points;
};
/** Holds a meeting from start to end (the clock moved to its end). */
async function hold(meetingId: number, date: string, from: string, to: string) {
  now = new Date(`${date}T${to}:00+07:00`);
  const base = `/api/meetings/${meetingId}`;
  expect((await admin.post(`${base}/start`, { at: `${date}T${from}:00+07:00` })).statusCode).toBe(200);
  expect((await admin.post(`${base}/end`, { at: `${date}T${to}:00+07:00` })).statusCode).toBe(200);
}

describe('planning the preparation of each meeting', () => {
  it('plans the chi ủy meeting where one was elected, else the bí thư and phó bí thư’s, before each meeting', async () => {
    const planned = await admin.post('/api/meetings/plan', {
      orgCode: 'GA',
      from: '2026-01-01',
      to: '2026-02-28',
    });
    expect(planned.statusCode).toBe(200);
    const items = await listed();
    for (const cell of ['BIG', 'WIDE', 'SMALL']) {
      expect(of(items, cell, 'regular').map((m) => m.date)).toEqual(['2026-01-03', '2026-02-03']);
      expect(of(items, cell, 'cell_committee').map((m) => m.date)).toEqual(['2026-01-01', '2026-02-01']);
    }
    expect(of(items, 'BIG', 'cell_committee').map((m) => m.title)).toEqual([null, null]);
    // Ten official members do not make a chi ủy: WIDE's preparation is its bí thư and phó bí thư's too.
    for (const cell of ['WIDE', 'SMALL'])
      expect(of(items, cell, 'cell_committee').map((m) => m.title)).toEqual([TITLE, TITLE]);
  });

  it('calls the bí thư and phó bí thư to it, and names it so in messages', async () => {
    const [january] = of(await listed(), 'SMALL', 'cell_committee');
    const detail = (await admin.get(`/api/meetings/${january?.id}`)).json();
    expect(detail.record.rollCall.map((l: { memberCode: string }) => l.memberCode).sort()).toEqual([
      'S1',
      'S2',
    ]);
    const named = await namedMeeting(ctx.db, january?.id as number);
    expect(named?.name.vi).toBe(
      'cuộc họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ ngày 01/01/2026 của Chi bộ trường Tiểu học',
    );
    const [big] = of(await listed(), 'BIG', 'cell_committee');
    expect((await namedMeeting(ctx.db, big?.id as number))?.name.vi).toContain(
      'cuộc họp chi ủy ngày 01/01/2026',
    );
  });

  it('shows on the home page who prepares, the preparation meeting to open, and advice to elect a chi ủy', async () => {
    const items = await listed();
    expect(await readiness('BIG')).toMatchObject({
      preparation: false,
      preparedBy: 'cell_committee',
      preparationMeetingId: of(items, 'BIG', 'cell_committee')[0]?.id,
      electCommittee: false,
    });
    expect(await readiness('WIDE')).toMatchObject({ preparedBy: 'secretaries', electCommittee: true });
    expect(await readiness('SMALL')).toMatchObject({
      preparation: false,
      preparedBy: 'secretaries',
      preparationMeetingId: of(items, 'SMALL', 'cell_committee')[0]?.id,
      electCommittee: false,
    });
  });
});

describe('scoring the preparation of a cell without a chi ủy', () => {
  it('gives no points when the bí thư and phó bí thư did not meet, the full points when they did', async () => {
    const items = await listed();
    const [janRegular, febRegular] = of(items, 'SMALL', 'regular');
    const [, febPreparation] = of(items, 'SMALL', 'cell_committee');
    // January: the preparation meeting was never held — the criterion loses its points (no free points).
    await hold(janRegular?.id as number, '2026-01-03', '19:30', '21:45');
    expect(await pointsOf(janRegular?.id as number)).toBe(0);
    // February: the bí thư and phó bí thư met two days before.
    await hold(febPreparation?.id as number, '2026-02-01', '19:30', '20:15');
    await hold(febRegular?.id as number, '2026-02-03', '19:30', '21:05');
    expect(await pointsOf(febRegular?.id as number)).toBe(3);
    // A preparation held more than two weeks before does not count for a later meeting.
    const late = await admin.post('/api/meetings', {
      orgCode: 'SMALL',
      kind: 'extraordinary',
      date: '2026-02-20',
      startTime: '19:30',
    });
    expect(late.statusCode).toBe(201);
    await hold(late.json().id, '2026-02-20', '19:30', '20:30');
    expect(await pointsOf(late.json().id)).toBe(0);
  });

  it('scores a chi ủy’s preparation the same way', async () => {
    const items = await listed();
    const [janPreparation] = of(items, 'BIG', 'cell_committee');
    const [janRegular] = of(items, 'BIG', 'regular');
    now = new Date('2026-01-01T08:00:00+07:00');
    await hold(janPreparation?.id as number, '2026-01-01', '19:30', '20:30');
    await hold(janRegular?.id as number, '2026-01-03', '19:30', '21:45');
    expect(await pointsOf(janRegular?.id as number)).toBe(3);
  });

  it('titles each preparation meeting’s minutes by who met, from its roll call', async () => {
    const subtitle = async (code: string, index: number) => {
      const id = of(await listed(), code, 'cell_committee')[index]?.id as number;
      const meeting = await findMeeting(ctx.db, id);
      if (!meeting) throw new Error(`meeting ${id}`);
      return (await buildMinutes(ctx.db, meeting, { minutes: null, resolution: null })).minutes.subtitle;
    };
    expect(await subtitle('SMALL', 1)).toBe(`${TITLE} tháng 02 năm 2026`);
    expect(await subtitle('BIG', 0)).toBe('Họp chi ủy tháng 01 năm 2026');
  });
});
