import type { RecommendationDetailDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildRecommendationFixture } from './test-fixture.ts';

/**
 * Escalation with a controllable clock: the daily alerts run takes its date, so each step of a
 * recommendation's life is replayed day by day. An overdue recommendation moves up exactly once per level.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;
let recId: number;

let now = new Date('2027-01-10T03:00:00Z');
/** The day's run of the alerts, with the app's clock on the same day. */
const run = async (date: string) => {
  now = new Date(`${date}T03:00:00Z`);
  return (await admin.post('/api/alerts/run', { date })).json().byKind;
};
const state = async () =>
  (await admin.get(`/api/recommendations/${recId}`)).json() as RecommendationDetailDto;
const inbox = async (username: string) =>
  JSON.stringify((await (await login(ctx.app, username)).get('/api/inbox')).json());

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRecommendationFixture(ctx.db);
  admin = await login(ctx.app, 'admin');
  const ga = await login(ctx.app, 'ga');
  const created = await ga.post('/api/recommendations', {
    orgCode: 'C',
    text: 'Đề nghị chi bộ bố trí lịch sinh hoạt phù hợp với đảng viên đi làm xa',
    category: 'party_work',
    raisedBy: 'Nguyễn Văn Khánh',
    raisedOn: '2027-01-10',
  });
  recId = created.json().id;
});
afterAll(() => ctx.close());

describe('an overdue recommendation', () => {
  it('stays with the cell until its due date has passed', async () => {
    expect((await state()).dueDate).toBe('2027-01-25');
    expect((await run('2027-01-25')).rec_escalated).toBe(0);
    expect(await state()).toMatchObject({ handlerCode: 'C', escalations: 0 });
  });

  it('moves to the commune the day after, once, and shows in the commune’s inbox', async () => {
    expect((await run('2027-01-26')).rec_escalated).toBe(1);
    expect(await state()).toMatchObject({
      handlerCode: 'GA',
      level: 'grassroots',
      escalations: 1,
      dueDate: '2027-02-10',
    });
    expect((await run('2027-01-26')).rec_escalated).toBe(0);
    expect((await run('2027-01-27')).rec_escalated).toBe(0);
    expect((await state()).handlerCode).toBe('GA');
    expect(await inbox('ga')).toContain('Kiến nghị quá hạn chuyển lên Đảng bộ xã Tân Hội');
    expect(await inbox('p')).not.toContain('quá hạn chuyển lên');
    const list = (await (await login(ctx.app, 'ga')).get('/api/recommendations?inbox=true')).json().items;
    expect(list.map((r: { id: number }) => r.id)).toEqual([recId]);
  });

  it('moves on to the district when the commune lets it pass too, and stops at the top', async () => {
    expect((await run('2027-02-10')).rec_escalated).toBe(0);
    expect((await run('2027-02-11')).rec_escalated).toBe(1);
    expect(await state()).toMatchObject({
      handlerCode: 'P',
      level: 'superior',
      escalations: 2,
      dueDate: '2027-02-26',
    });
    expect(await inbox('p')).toContain('Kiến nghị quá hạn chuyển lên Đảng bộ huyện Đan Phượng');
    const top = await run('2027-02-27');
    expect(top).toMatchObject({ rec_escalated: 0, rec_overdue: 1 });
    expect((await run('2027-03-15')).rec_overdue).toBe(0);
    const last = await state();
    expect(last).toMatchObject({ handlerCode: 'P', escalations: 2, overdue: true });
    expect(last.events.filter((e) => e.kind === 'escalated').map((e) => e.toOrgName)).toEqual([
      'Đảng bộ xã Tân Hội',
      'Đảng bộ huyện Đan Phượng',
    ]);
    expect(await inbox('p')).toContain('Kiến nghị quá hạn trả lời');
  });

  it('escalates no answered recommendation', async () => {
    const p = await login(ctx.app, 'p');
    expect(
      (await p.post(`/api/recommendations/${recId}/answer`, { answer: 'Đã chỉ đạo chi bộ bố trí lịch.' }))
        .statusCode,
    ).toBe(200);
    expect((await run('2027-06-01')).rec_overdue + (await run('2027-06-02')).rec_escalated).toBe(0);
  });

  it('tells the levels it was escalated through of the answer, and lists it among what passed through them', async () => {
    expect(await inbox('ga')).toContain('Kiến nghị đã chuyển có trả lời của Đảng bộ huyện Đan Phượng');
    expect(await inbox('sec')).toContain('Kiến nghị đã có trả lời');
    expect(await inbox('gb')).not.toContain('có trả lời');
    const listed = (await (await login(ctx.app, 'ga')).get('/api/recommendations?passed=true')).json().items;
    expect(listed.map((r: { id: number }) => r.id)).toEqual([recId]);
  });
});
