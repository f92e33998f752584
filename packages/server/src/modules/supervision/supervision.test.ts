import { createHash } from 'node:crypto';
import { DEFAULT_RULE_SET, type PlanDto, type VisitDetailDto, type VisitDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { buildSupervisionFixture } from './test-fixture.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-12-20T03:00:00Z');
let committee: Client;
let ids: Awaited<ReturnType<typeof buildSupervisionFixture>>['ids'];
let meetingIds: Record<string, number>;
let groupId: number;

const FULL_MARKS = Object.fromEntries(DEFAULT_RULE_SET.scoreSheet.criteria.map((c) => [c.id, c.max]));
const plan = async (client: Client) =>
  (await client.get('/api/supervision/plans?committee=P&period=2027-Q1')).json() as PlanDto;
const visitOf = (p: PlanDto, cell: string) =>
  p.visits.find((v) => v.cellCode === cell && v.status !== 'cancelled');

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  ({ ids, meetingIds } = await buildSupervisionFixture(ctx.db));
  committee = await login(ctx.app, 'committee');
});
afterAll(() => ctx.close());

describe('working groups and assignments', () => {
  it('creates a group of visitors with a leader, and refuses the wrong people by field', async () => {
    const created = await committee.post('/api/supervision/groups', {
      committeeCode: 'P',
      name: 'Tổ công tác số 1',
      leaderAccountId: ids.v1,
      memberAccountIds: [ids.v1, ids.v2],
    });
    expect(created.statusCode).toBe(201);
    groupId = created.json().id;
    const before = await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM working_groups`);
    const secretary = await committee.post('/api/supervision/groups', {
      committeeCode: 'P',
      name: 'Tổ sai',
      memberAccountIds: [ids.sec],
    });
    expect(secretary.statusCode).toBe(400);
    expect(secretary.json().error.fields[0].field).toBe('memberAccountIds');
    const leader = await committee.post('/api/supervision/groups', {
      committeeCode: 'P',
      name: 'Tổ sai',
      leaderAccountId: ids.v3,
      memberAccountIds: [ids.v2],
    });
    expect(leader.statusCode).toBe(400);
    expect(leader.json().error.fields[0].field).toBe('leaderAccountId');
    const after = await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM working_groups`);
    expect(after).toEqual(before);
    const cell = await committee.post('/api/supervision/groups', { committeeCode: 'A1', name: 'X' });
    expect(cell.statusCode).toBe(400);
    expect(cell.json().error.fields[0].field).toBe('committeeCode');
  });

  it('assigns the group to a commune and a person to another, standing', async () => {
    expect(
      (await committee.post('/api/supervision/assignments', { committeeCode: 'P', orgCode: 'GA', groupId }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await committee.post('/api/supervision/assignments', {
          committeeCode: 'P',
          orgCode: 'GB',
          accountId: ids.v3,
        })
      ).statusCode,
    ).toBe(201);
    const both = await committee.post('/api/supervision/assignments', {
      committeeCode: 'P',
      orgCode: 'GB',
      accountId: ids.v3,
      groupId,
    });
    expect(both.statusCode).toBe(400);
    const outside = await committee.post('/api/supervision/assignments', {
      committeeCode: 'GA',
      orgCode: 'B1',
      accountId: ids.v3,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].field).toBe('orgCode');
    const groups = (await committee.get('/api/supervision/groups?committee=P')).json().items;
    expect(groups[0].members.map((m: { accountId: number }) => m.accountId).sort()).toEqual(
      [ids.v1, ids.v2].sort(),
    );
    expect(groups[0].assignments.map((a: { orgCode: string }) => a.orgCode)).toEqual(['GA']);
  });
});

describe('the rotation plan', () => {
  it('covers every residential cell, never sends v1 to his own cell, nobody twice a day', async () => {
    expect((await plan(committee)).status).toBe('none');
    const made = await committee.post('/api/supervision/plans', { committeeCode: 'P', periodKey: '2027-Q1' });
    expect(made.statusCode).toBe(200);
    const p = made.json() as PlanDto;
    expect(p.period.label.vi).toBe('Quý I/2027');
    expect(p.stats).toMatchObject({ targetCells: 4, covered: 4 });
    expect(p.uncovered).toEqual([]);
    expect(p.visits.map((v) => v.cellCode).sort()).toEqual(['A1', 'A2', 'B1', 'B2']);
    expect(visitOf(p, 'A1')?.visitorAccountId).not.toBe(ids.v1);
    const days = p.visits.map((v) => `${v.visitorAccountId} ${v.date}`);
    expect(new Set(days).size).toBe(days.length);
    expect(p.status).toBe('draft');
  });

  it('names the field of a period that is not one', async () => {
    for (const period of ['2027-Q5', '2027-M01', 'quý 1']) {
      const response = await committee.get(
        `/api/supervision/plans?committee=P&period=${encodeURIComponent(period)}`,
      );
      expect(response.statusCode, period).toBe(400);
      expect(response.json().error.fields[0].field).toBe('period');
    }
  });

  it('keeps a visit changed by hand when planning again, and refuses impossible changes', async () => {
    const b2 = visitOf(await plan(committee), 'B2') as VisitDto;
    const moved = await committee.patch(`/api/supervision/visits/${b2.id}`, { visitorAccountId: ids.v1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ visitorAccountId: ids.v1, locked: true });
    await committee.post('/api/supervision/plans', { committeeCode: 'P', periodKey: '2027-Q1' });
    const again = await plan(committee);
    expect(visitOf(again, 'B2')).toMatchObject({ id: b2.id, visitorAccountId: ids.v1, locked: true });
    expect(again.stats.covered).toBe(4);
    const a1 = visitOf(again, 'A1') as VisitDto;
    const home = await committee.patch(`/api/supervision/visits/${a1.id}`, { visitorAccountId: ids.v1 });
    expect(home.statusCode).toBe(400);
    expect(home.json().error.fields[0].field).toBe('visitorAccountId');
    const a2 = visitOf(again, 'A2') as VisitDto;
    const other = a2.visitorAccountId === ids.v2 ? ids.v3 : ids.v2;
    // A1 and A2 meet the same evening: whoever visits A1 cannot also take A2.
    const busy = await committee.patch(`/api/supervision/visits/${a2.id}`, {
      visitorAccountId: a1.visitorAccountId,
    });
    expect(busy.statusCode).toBe(409);
    expect(other).toBeGreaterThan(0);
  });

  it('adds a visit by hand, locked, but never a second one to the same cell', async () => {
    const add = (cell: string, visitorAccountId: number) =>
      committee.post('/api/supervision/visits', {
        committeeCode: 'P',
        periodKey: '2027-Q1',
        meetingId: meetingIds[cell],
        visitorAccountId,
      });
    const twice = await add('A1', ids.v3);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields[0].field).toBe('meetingId');
    // The school's cell is not in the target, but the committee may still send someone.
    const busy = new Set(
      (await plan(committee)).visits.filter((v) => v.date === '2027-01-03').map((v) => v.visitorAccountId),
    );
    const free = [ids.v1, ids.v2, ids.v3, ids.committee].find((id) => !busy.has(id)) ?? 0;
    expect((await add('A3', [...busy][0] ?? 0)).statusCode).toBe(409);
    const school = await add('A3', free);
    expect(school.statusCode).toBe(201);
    expect(school.json()).toMatchObject({ cellCode: 'A3', locked: true, visitorAccountId: free });
    expect((await plan(committee)).stats).toMatchObject({ targetCells: 4, covered: 4 });
  });

  it('plans around the dates a visitor cannot go', async () => {
    const v3 = await login(ctx.app, 'v3');
    expect(
      (await v3.put('/api/supervision/availability', { unavailableDates: ['2027-01-04'] })).statusCode,
    ).toBe(200);
    await committee.post('/api/supervision/plans', { committeeCode: 'P', periodKey: '2027-Q1' });
    const p = await plan(committee);
    expect(visitOf(p, 'B1')?.visitorAccountId).not.toBe(ids.v3);
    expect(p.stats.covered).toBe(4);
  });

  it('publishes once and tells each visitor', async () => {
    const p = await plan(committee);
    const published = await committee.post(`/api/supervision/plans/${p.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    expect((await committee.post(`/api/supervision/plans/${p.id}/publish`)).statusCode).toBe(409);
    const v2 = await login(ctx.app, 'v2');
    const inbox = (await v2.get('/api/inbox')).json();
    expect(JSON.stringify(inbox)).toContain('Lịch dự sinh hoạt chi bộ Quý I/2027');
  });
});

describe('a published plan changed by hand', () => {
  it('tells the visitor who loses a visit and the one who gets it', async () => {
    const p = await plan(committee);
    const b1 = visitOf(p, 'B1') as VisitDto;
    const busy = new Set(p.visits.filter((v) => v.date === b1.date).map((v) => v.visitorAccountId));
    const free = [ids.v1, ids.v2, ids.committee].find((id) => !busy.has(id) && id !== ids.v3);
    expect(free).toBeDefined();
    const moved = await committee.patch(`/api/supervision/visits/${b1.id}`, { visitorAccountId: free });
    expect(moved.statusCode).toBe(200);
    const before = Object.entries(ids).find(([, id]) => id === b1.visitorAccountId)?.[0] ?? '';
    const after = Object.entries(ids).find(([, id]) => id === free)?.[0] ?? '';
    const inboxOf = async (username: string) =>
      JSON.stringify((await (await login(ctx.app, username)).get('/api/inbox')).json());
    expect(await inboxOf(before)).toContain('Thôi dự sinh hoạt Chi bộ tổ dân phố 1');
    expect(await inboxOf(after)).toContain('Dự sinh hoạt Chi bộ tổ dân phố 1: 19:30 ngày 04/01/2027');
  });
});

describe('the visitor on the day', () => {
  it('sees only his or her own visits, and no plan of the committee', async () => {
    const v2 = await login(ctx.app, 'v2');
    const mine = (await v2.get('/api/supervision/visits?mine=true')).json().items as VisitDto[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((v) => v.visitorAccountId === ids.v2)).toBe(true);
    const others = (await plan(committee)).visits.filter((v) => v.visitorAccountId !== ids.v2);
    for (const v of others) expect((await v2.get(`/api/supervision/visits/${v.id}`)).statusCode).toBe(404);
    expect((await v2.get('/api/supervision/plans?committee=P&period=2027-Q1')).statusCode).toBe(404);
  });

  it('checks in on the day, files the report once, adds a dated addendum', async () => {
    const a1 = visitOf(await plan(committee), 'A1') as VisitDto;
    const username = Object.entries(ids).find(([, id]) => id === a1.visitorAccountId)?.[0] ?? '';
    const visitor = await login(ctx.app, username);
    const early = await visitor.post(`/api/supervision/visits/${a1.id}/check-in`);
    expect(early.statusCode).toBe(409);
    now = new Date('2027-01-03T13:00:00Z');
    const admin = await login(ctx.app, 'admin');
    const upload = await uploadFile(
      admin,
      `/api/meetings/${meetingIds.A1}/materials`,
      'du-thao-nghi-quyet.pdf',
      Buffer.from('%PDF-1.4 x'),
    );
    expect(upload.statusCode).toBe(201);
    const detail = (await visitor.get(`/api/supervision/visits/${a1.id}`)).json() as VisitDetailDto;
    expect(detail.agenda[0]?.title).toBe('Thông tin thời sự');
    expect(detail.levels.good).toBe(DEFAULT_RULE_SET.levels.good);
    const material = detail.materials[0];
    expect(material?.title).toBe('du-thao-nghi-quyet.pdf');
    expect((await visitor.get(material?.url ?? '')).statusCode).toBe(200);
    expect(detail.sheet.length).toBe(DEFAULT_RULE_SET.scoreSheet.criteria.length);
    expect(detail.abilities).toMatchObject({ checkIn: true, report: true });
    expect((await visitor.post(`/api/supervision/visits/${a1.id}/check-in`)).statusCode).toBe(200);
    const [first] = DEFAULT_RULE_SET.scoreSheet.criteria;
    const missing = { ...FULL_MARKS };
    if (first) delete missing[first.id];
    const incomplete = await visitor.put(`/api/supervision/visits/${a1.id}/report`, {
      attended: true,
      points: missing,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.fields[0].field).toBe(`points.${first?.id}`);
    const noReason = await visitor.put(`/api/supervision/visits/${a1.id}/report`, { attended: false });
    expect(noReason.json().error.fields[0].field).toBe('absenceReason');
    const filed = await visitor.put(`/api/supervision/visits/${a1.id}/report`, {
      attended: true,
      points: FULL_MARKS,
      contentNotes: 'Sinh hoạt đúng quy trình, nội dung thiết thực.',
      recommendations: ['Đề nghị xã sửa đường liên thôn'],
      issuesForDirection: 'Cần chỉ đạo giải quyết đường liên thôn.',
    });
    expect(filed.statusCode).toBe(200);
    expect(filed.json().report).toMatchObject({ attended: true, score: { total: 100, level: 'good' } });
    expect(filed.json().status).toBe('reported');
    const twice = await visitor.put(`/api/supervision/visits/${a1.id}/report`, {
      attended: true,
      points: FULL_MARKS,
    });
    expect(twice.statusCode).toBe(409);
    const addendum = await visitor.post(`/api/supervision/visits/${a1.id}/addenda`, {
      text: 'Bổ sung: 12 ý kiến.',
    });
    expect(addendum.statusCode).toBe(201);
    expect(addendum.json().report.addenda[0].text).toBe('Bổ sung: 12 ý kiến.');
    const edit = await committee.patch(`/api/supervision/visits/${a1.id}`, { visitorAccountId: ids.v3 });
    expect(edit.statusCode).toBe(409);
  });
});

describe('coverage and the quarterly report', () => {
  it('counts visited, planned and overdue cells, and drills down', async () => {
    const coverage = (await committee.get('/api/supervision/coverage?org=P&period=2027-Q1')).json();
    expect(coverage.totals).toMatchObject({ targetCells: 4, visited: 1, planned: 3, toVisit: 3, overdue: 0 });
    // In Vietnamese order of the names: Liên Hà before Tân Hội.
    expect(coverage.children.map((c: { orgCode: string }) => c.orgCode)).toEqual(['GB', 'GA']);
    expect(coverage.quality[0]).toMatchObject({ cellCode: 'A1', visitorTotal: 100, visitorLevel: 'good' });
    expect(coverage.levels.visitor.good).toBe(1);
    const commune = (await committee.get('/api/supervision/coverage?org=GA&period=2027-Q1')).json();
    expect(commune.totals).toMatchObject({ targetCells: 2, visited: 1 });
    now = new Date('2027-02-15T03:00:00Z');
    const later = (await committee.get('/api/supervision/coverage?org=P&period=2027-Q1')).json();
    // Three target cells unvisited after the window; four reports late (the school's visit too).
    expect(later.totals).toMatchObject({ visited: 1, overdue: 3, reportsOverdue: 4 });
  });

  it('writes the quarterly report as DOCX and XLSX', async () => {
    const docx = await committee.get('/api/supervision/report?committee=P&period=2027-Q1&format=docx');
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('Chi bộ thôn Thượng Hội');
    expect(xml).toContain('Đề nghị xã sửa đường liên thôn');
    const xlsx = await committee.get('/api/supervision/report?committee=P&period=2027-Q1&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('issues the report once, numbered and frozen: the same bytes afterwards, whatever happens', async () => {
    const long = await committee.post('/api/supervision/report/issue', {
      committeeCode: 'P',
      periodKey: '2027-Q1',
      signerName: 'x'.repeat(101),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].field).toBe('signerName');
    // Signed for the collective by whom the committee names (HD 36-HD/VPTW), the title in upper case.
    const issued = await committee.post('/api/supervision/report/issue', {
      committeeCode: 'P',
      periodKey: '2027-Q1',
      signerTitle: 'Phó Bí thư',
      signerName: 'Lê Văn Tám',
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.json().number).toBe('Số 01-BC/HU');
    expect(
      (await committee.post('/api/supervision/report/issue', { committeeCode: 'P', periodKey: '2027-Q1' }))
        .statusCode,
    ).toBe(409);
    const url = '/api/supervision/report?committee=P&period=2027-Q1&format=docx';
    const first = (await committee.get(url)).rawPayload;
    expect(createHash('sha256').update(first).digest('hex')).toBe(issued.json().sha256);
    now = new Date('2027-03-30T03:00:00Z');
    expect((await committee.get(url)).rawPayload.equals(first)).toBe(true);
    const xml = await (await JSZip.loadAsync(first)).file('word/document.xml')?.async('string');
    expect(xml).toContain('Số 01-BC/HU');
    for (const phrase of ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Lê Văn Tám', '- Lưu Văn phòng.']) {
      expect(xml).toContain(phrase);
    }
    // Not addressed to its own standing body, not signed by the account that compiled it.
    for (const phrase of ['Ban Thường vụ Huyện ủy Thử', 'NGƯỜI LẬP BÁO CÁO'])
      expect(xml).not.toContain(phrase);
    const coverage = (await committee.get('/api/supervision/coverage?org=P&period=2027-Q1')).json();
    expect(coverage.report).toMatchObject({ number: 'Số 01-BC/HU', sha256: issued.json().sha256 });
  });

  it('leaves an audit event for every write', async () => {
    const actions = await rows<{ action: string }>(
      ctx.db,
      sql`SELECT DISTINCT action FROM audit_events WHERE action LIKE 'supervision.%' ORDER BY action`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'supervision.assignment_created',
        'supervision.availability_set',
        'supervision.checked_in',
        'supervision.group_created',
        'supervision.plan_published',
        'supervision.planned',
        'supervision.report_addendum',
        'supervision.report_filed',
        'supervision.report_issued',
        'supervision.visit_edited',
      ]),
    );
  });
});

describe('supervision alerts', () => {
  it('reminds the visitor the day before, and raises late reports to the visitor and the committee', async () => {
    const admin = await login(ctx.app, 'admin');
    const eve = (await admin.post('/api/alerts/run', { date: '2027-01-03' })).json();
    expect(eve.byKind.visit_soon).toBeGreaterThan(0);
    const late = (await admin.post('/api/alerts/run', { date: '2027-02-15' })).json();
    // A2, B1, B2 and the school's visit are open: four late reports (A1's is filed).
    expect(late.byKind.visit_report).toBe(4);
    expect((await admin.post('/api/alerts/run', { date: '2027-02-15' })).json().raised).toBe(0);
    const inbox = JSON.stringify((await committee.get('/api/inbox')).json());
    expect(inbox).toContain('Quá hạn báo cáo dự sinh hoạt');
  });
});
