import type { RecommendationDetailDto, RecommendationDto } from '@nennep/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login } from '../../test/factories.ts';
import { ANSWER_AGENDA_TITLE } from './commands.ts';
import { buildRecommendationFixture } from './test-fixture.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;
let ga: Client;
let p: Client;
let recId: number;
let firstMeeting: number;
let nextMeeting: number;
let now = new Date('2027-03-04T12:00:00Z');

const inbox = async (client: Client) => JSON.stringify((await client.get('/api/inbox')).json());
const passed = async (client: Client) =>
  ((await client.get('/api/recommendations?passed=true')).json().items as RecommendationDto[]).map(
    (r) => r.id,
  );

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRecommendationFixture(ctx.db);
  [sec, ga, p] = await Promise.all([login(ctx.app, 'sec'), login(ctx.app, 'ga'), login(ctx.app, 'p')]);
  // Planned on its day (meetings are not planned in the past); the rest happens the day after.
  firstMeeting = (
    await sec.post('/api/meetings', { orgCode: 'C', kind: 'regular', date: '2027-03-04', startTime: '19:30' })
  ).json().id;
  now = new Date('2027-03-05T12:00:00Z');
});
afterAll(() => ctx.close());

describe('a recommendation from the cell meeting to the district and back', () => {
  it('is raised in the meeting by a named member, at the cell, due by its category', async () => {
    const bad = await sec.post(`/api/meetings/${firstMeeting}/recommendations`, {
      text: 'Đề nghị làm đường liên thôn',
      category: 'roads',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('category');
    const stranger = await sec.post(`/api/meetings/${firstMeeting}/recommendations`, {
      text: 'X',
      category: 'other',
      memberCode: 'C21',
    });
    expect(stranger.json().error.fields[0].field).toBe('memberCode');
    const raised = await sec.post(`/api/meetings/${firstMeeting}/recommendations`, {
      text: 'Đề nghị huyện đầu tư sửa chữa tuyến đường liên thôn Thượng Hội – Thúy Hội',
      category: 'infrastructure',
      memberCode: 'C01',
    });
    expect(raised.statusCode).toBe(201);
    const rec = raised.json().raised[0] as RecommendationDto;
    recId = rec.id;
    expect(rec).toMatchObject({
      status: 'received',
      level: 'cell',
      handlerCode: 'C',
      raisedBy: 'Nguyễn Văn Khánh',
      raisedOn: '2027-03-04',
      dueDate: '2027-04-03',
      source: 'meeting',
    });
    const member = await login(ctx.app, 'member');
    const mine = (await member.get('/api/recommendations?mine=true')).json().items as RecommendationDto[];
    expect(mine.map((r) => r.id)).toEqual([recId]);
  });

  it('is forwarded to the commune, then to the district, each step logged and notified', async () => {
    const wrongWay = await sec.post(`/api/recommendations/${recId}/forward`, { forwardTo: 'GB' });
    expect(wrongWay.statusCode).toBe(400);
    expect(wrongWay.json().error.fields[0].field).toBe('forwardTo');
    const both = await sec.post(`/api/recommendations/${recId}/forward`, {
      forwardTo: 'GA',
      outsideBody: 'UBND',
    });
    expect(both.statusCode).toBe(400);
    const up = await sec.post(`/api/recommendations/${recId}/forward`, {
      forwardTo: 'GA',
      note: 'Vượt thẩm quyền chi bộ',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ status: 'assigned', level: 'grassroots', handlerCode: 'GA' });
    expect(await inbox(ga)).toContain('Kiến nghị chuyển đến Đảng bộ xã Tân Hội');
    expect((await sec.post(`/api/recommendations/${recId}/start`, {})).statusCode).toBe(403);
    const gaInbox = (await ga.get('/api/recommendations?inbox=true')).json().items as RecommendationDto[];
    expect(gaInbox.map((r) => r.id)).toEqual([recId]);
    const district = await ga.post(`/api/recommendations/${recId}/forward`, {
      forwardTo: 'P',
      note: 'Đề nghị huyện bố trí vốn',
    });
    expect(district.json()).toMatchObject({ level: 'superior', handlerCode: 'P' });
    expect(await inbox(p)).toContain('Kiến nghị chuyển đến Đảng bộ huyện Đan Phượng');
    const detail = district.json() as RecommendationDetailDto;
    expect(detail.events.map((e) => e.kind)).toEqual(['received', 'forwarded', 'forwarded']);
    expect(detail.events[1]).toMatchObject({
      fromOrgName: 'Chi bộ thôn Thượng Hội',
      toOrgName: 'Đảng bộ xã Tân Hội',
    });
  });

  it('is answered by the district and goes on the agenda of the cell’s next meeting', async () => {
    expect(
      (await p.post(`/api/recommendations/${recId}/start`, { note: 'Giao Phòng Kinh tế' })).statusCode,
    ).toBe(200);
    const answered = await p.post(`/api/recommendations/${recId}/answer`, {
      answer: 'Huyện đã bố trí vốn sửa tuyến đường trong quý II/2027.',
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answerMeetingId: null });
    expect(await inbox(sec)).toContain('Kiến nghị đã có trả lời');
    const member = await login(ctx.app, 'member');
    expect(await inbox(member)).toContain('Kiến nghị đã có trả lời');
    // The commune passed it up: it hears of the answer, and the answerer and outsiders do not.
    const passedNotice = 'Kiến nghị đã chuyển có trả lời của Đảng bộ huyện Đan Phượng';
    expect(await inbox(ga)).toContain(passedNotice);
    expect(await inbox(p)).not.toContain(passedNotice);
    expect(await inbox(await login(ctx.app, 'gb'))).not.toContain(passedNotice);
    expect(await inbox(await login(ctx.app, 'sec2'))).not.toContain(passedNotice);
    nextMeeting = (
      await sec.post('/api/meetings', {
        orgCode: 'C',
        kind: 'regular',
        date: '2027-04-04',
        startTime: '19:30',
      })
    ).json().id;
    const meeting = (await sec.get(`/api/meetings/${nextMeeting}`)).json();
    const titles: string[] = meeting.agenda.map((a: { title: string }) => a.title);
    const answers = titles.indexOf(ANSWER_AGENDA_TITLE);
    expect(answers).toBeGreaterThanOrEqual(0);
    // Given back before the meeting is wrapped up, with the reason it is there.
    expect(answers).toBeLessThan(titles.findIndex((t) => /bế mạc/i.test(t)));
    expect(meeting.agenda[answers].reason).toContain(`số ${recId}`);
    const listed = (await sec.get(`/api/meetings/${nextMeeting}/recommendations`)).json();
    expect(listed.toAnswer.map((r: RecommendationDto) => r.id)).toEqual([recId]);
  });

  it('shows, read-only, among what passed through each level below the answer, on its way back', async () => {
    expect(await passed(ga)).toEqual([recId]);
    expect(await passed(sec)).toEqual([recId]);
    expect(await passed(p)).toEqual([]);
    expect(await passed(await login(ctx.app, 'gb'))).toEqual([]);
    expect(await passed(await login(ctx.app, 'member'))).toEqual([]);
    expect((await ga.get('/api/recommendations?inbox=true')).json().items).toEqual([]);
    const [item] = (await ga.get('/api/recommendations?passed=true')).json().items as RecommendationDto[];
    expect(item?.abilities).toEqual({ act: false, attach: false });
  });

  it('is reported back when the minutes that record the answer are adopted', async () => {
    const base = `/api/meetings/${nextMeeting}`;
    // The evening of the meeting (a meeting is not run ahead of its day).
    now = new Date('2027-04-04T15:00:00Z');
    expect((await sec.post(`${base}/start`, { at: '2027-04-04T19:30:00+07:00' })).statusCode).toBe(200);
    const given = await sec.put(`${base}/recommendations/${recId}/answer-given`, { given: true });
    expect(given.statusCode).toBe(200);
    expect((await sec.post(`${base}/end`, { at: '2027-04-04T21:15:00+07:00' })).statusCode).toBe(200);
    expect((await sec.put(`${base}/manual-scores`, FULL_MANUAL_SCORES)).statusCode).toBe(200);
    const adopted = await sec.post(`${base}/adopt`, { for: 3, against: 0, abstain: 0 });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const rec = (await sec.get(`/api/recommendations/${recId}`)).json() as RecommendationDetailDto;
    expect(rec.status).toBe('reported_back');
    expect(await passed(ga)).toEqual([]);
    expect(await passed(sec)).toEqual([]);
    expect(rec.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['in_progress', 'answered', 'put_on_agenda', 'answer_given', 'reported_back']),
    );
    const docx = await sec.get(`${base}/documents/minutes.docx`);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('Huyện đã bố trí vốn sửa tuyến đường trong quý II/2027.');
  });
});

describe('the dashboard and the export', () => {
  it('counts by category and level, times the answers, finds likely duplicates', async () => {
    await sec.post(`/api/meetings/${firstMeeting}/recommendations`, {
      text: 'Đề nghị huyện đầu tư sửa chữa tuyến đường liên thôn Thượng Hội - Thúy Hội',
      category: 'infrastructure',
    });
    const staff = await ga.post('/api/recommendations', {
      orgCode: 'C2',
      text: 'Đề nghị hỗ trợ hộ nghèo sửa nhà',
      category: 'social',
      raisedBy: 'Phạm Văn Vinh',
      raisedOn: '2027-02-10',
    });
    expect(staff.statusCode).toBe(201);
    const dashboard = (
      await p.get('/api/recommendations-dashboard?org=P&from=2027-01-01&to=2027-06-30')
    ).json();
    expect(dashboard.totals).toMatchObject({ raised: 3, open: 2, answered: 1, reportedBack: 1 });
    expect(dashboard.timeToAnswer).toMatchObject({ count: 1, medianDays: 1 });
    expect(dashboard.duplicates[0].similarity).toBeGreaterThan(0.8);
    expect(dashboard.byCategory.map((c: { category: string }) => c.category).sort()).toEqual([
      'infrastructure',
      'social',
    ]);
    const xlsx = await p.get('/api/recommendations-export?org=P&from=2027-01-01&to=2027-06-30');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('Kiến nghị')?.rowCount).toBe(4);
  });
});
