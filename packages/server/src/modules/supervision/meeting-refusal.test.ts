import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { meetingNote } from '../meetings/meeting-name.ts';
import { findOrg } from '../orgs/queries.ts';
import { buildSupervisionFixture } from './test-fixture.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let committee: Client;
let ids: Awaited<ReturnType<typeof buildSupervisionFixture>>['ids'];
let meetingIds: Record<string, number>;
const extra: Record<string, number> = {};

async function addMeeting(
  code: string,
  values: { kind: 'regular' | 'cell_committee'; date: string; status?: string },
) {
  const org = await findOrg(ctx.db, code);
  if (!org) throw new Error(code);
  const [row] = await ctx.db
    .insert(meetings)
    .values({
      orgId: org.id,
      orgPath: org.path,
      kind: values.kind,
      scheduledDate: values.date,
      startTime: '19:30',
      status: values.status ?? 'planned',
      agenda: [],
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error('meeting');
  return row.id;
}

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-12-20T03:00:00Z') });
  ({ ids, meetingIds } = await buildSupervisionFixture(ctx.db));
  committee = await login(ctx.app, 'committee');
  extra.cancelled = await addMeeting('A2', { kind: 'regular', date: '2027-01-20', status: 'cancelled' });
  extra.committee = await addMeeting('B1', { kind: 'cell_committee', date: '2027-01-02' });
  extra.april = await addMeeting('B2', { kind: 'regular', date: '2027-04-05' });
});
afterAll(() => ctx.close());

/** The refusal's words in both languages, and the field it names. */
async function refusal(send: (lang: string) => Promise<{ statusCode: number; json(): unknown }>) {
  const words: Record<string, string> = {};
  for (const lang of ['vi', 'en']) {
    const response = await send(lang);
    expect(response.statusCode).toBe(400);
    const { error } = response.json() as { error: { fields: { field: string; message: string }[] } };
    words[lang] = error.fields[0]?.message ?? '';
    words.field = error.fields[0]?.field ?? '';
  }
  return words;
}

const addVisit = (meetingId: number) => (lang: string) =>
  committee.request({
    method: 'POST',
    url: '/api/supervision/visits',
    headers: { 'accept-language': lang },
    payload: { committeeCode: 'P', periodKey: '2027-Q1', meetingId, visitorAccountId: ids.v2 },
  });

describe('a meeting refused for a visit is named by its kind, date and cell, never by its id', () => {
  it('says a meeting that is not there is not there, without a number', async () => {
    const words = await refusal(addVisit(987654));
    expect(words).toEqual({
      field: 'meetingId',
      vi: 'Không tìm thấy cuộc họp đã chọn trong các chi bộ thuộc Đảng bộ huyện Thử.',
      en: 'The chosen meeting is not one of the cells under Đảng bộ huyện Thử.',
    });
  });

  it('names a cancelled meeting, a cell committee meeting and one outside the period', async () => {
    expect(await refusal(addVisit(extra.cancelled ?? 0))).toMatchObject({
      vi: 'Cuộc họp thường kỳ ngày 20/01/2027 của Chi bộ cụm dân cư số 2 đã bị hủy.',
      en: 'The regular meeting of Chi bộ cụm dân cư số 2 on 20/01/2027 was cancelled.',
    });
    expect(await refusal(addVisit(extra.committee ?? 0))).toMatchObject({
      // The cell has no chi ủy: its preparation meeting is the bí thư and phó bí thư's (HD 12, HD 42).
      vi: 'Chỉ dự buổi sinh hoạt chi bộ, không dự cuộc họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ ngày 02/01/2027 của Chi bộ tổ dân phố 1.',
      en: "Visits are to cell meetings, not to the secretary and deputy's preparation meeting of Chi bộ tổ dân phố 1 on 02/01/2027.",
    });
    const april = await refusal(addVisit(extra.april ?? 0));
    expect(april.vi).toMatch(/^Cuộc họp thường kỳ ngày 05\/04\/2027 của Chi bộ thôn Đoài không thuộc /);
    expect(april.en).toMatch(/^The regular meeting of Chi bộ thôn Đoài on 05\/04\/2027 is not in /);
  });

  it('refuses another cell’s meeting for a planned visit without naming it', async () => {
    const added = await committee.post('/api/supervision/visits', {
      committeeCode: 'P',
      periodKey: '2027-Q1',
      meetingId: meetingIds.A1,
      visitorAccountId: ids.v2,
    });
    expect(added.statusCode).toBe(201);
    const visitId = (added.json() as { id: number }).id;
    const words = await refusal((lang) =>
      committee.request({
        method: 'PATCH',
        url: `/api/supervision/visits/${visitId}`,
        headers: { 'accept-language': lang },
        payload: { meetingId: meetingIds.B2 },
      }),
    );
    expect(words.vi).toBe('Không tìm thấy cuộc họp đã chọn trong lịch họp của Chi bộ thôn Thượng Hội.');
    expect(words.en).toBe('The chosen meeting is not one of the meetings of Chi bộ thôn Thượng Hội.');
  });
});

describe('a working group refused for an assignment is named, never numbered', () => {
  it('names a group no longer active, and says when there is no such group', async () => {
    const created = await committee.post('/api/supervision/groups', {
      committeeCode: 'P',
      name: 'Tổ công tác phía Bắc',
      memberAccountIds: [ids.v1],
    });
    const groupId = (created.json() as { id: number }).id;
    expect((await committee.patch(`/api/supervision/groups/${groupId}`, { active: false })).statusCode).toBe(
      200,
    );
    const assign = (id: number) => (lang: string) =>
      committee.request({
        method: 'POST',
        url: '/api/supervision/assignments',
        headers: { 'accept-language': lang },
        payload: { committeeCode: 'P', orgCode: 'GA', groupId: id },
      });
    const inactive = await refusal(assign(groupId));
    expect(inactive.vi).toBe(
      'Tổ công tác "Tổ công tác phía Bắc" đã ngừng hoạt động: hãy chọn tổ khác hoặc cho tổ hoạt động lại.',
    );
    const missing = await refusal(assign(groupId + 1000));
    expect(missing).toEqual({
      field: 'groupId',
      vi: 'Tổ công tác đã chọn không thuộc Đảng bộ huyện Thử.',
      en: 'The chosen working group is not one of Đảng bộ huyện Thử.',
    });
  });
});

describe('the note of a recommendation step at a meeting', () => {
  it('keeps the id for the link and names the meeting for people', async () => {
    const id = meetingIds.A1 ?? 0;
    expect(await meetingNote(ctx.db, id)).toBe(
      `#${id} Cuộc họp thường kỳ ngày 03/01/2027 của Chi bộ thôn Thượng Hội`,
    );
    expect(await meetingNote(ctx.db, 987654)).toBe('#987654');
  });
});
