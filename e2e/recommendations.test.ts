import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { DEFAULT_RULE_SET } from '../packages/core/src/meetings/default-rule-set.ts';
import {
  DEMO_COMMUNE_CODE,
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
} from '../packages/server/src/seed/demo-data.ts';
import {
  type ApiSession,
  apiSession,
  chooseOption,
  type Harness,
  overflowX,
  signIn,
  startHarness,
} from './harness.ts';

/**
 * A member's recommendation across three levels (domain.md §5), as people do it on a 360 × 740 phone:
 * the cell's secretary records it in the meeting and passes it to the commune; the commune passes it to
 * the province, which answers; the commune, which passed it up, is told and sees it on its way back; the
 * answer lands on the cell's next meeting, is read out there, and once the minutes are adopted the
 * recommendation says it was reported back to the cell.
 */
let h: Harness;
const today = isoDateInVietnam(new Date());
const CELL = DEMO_SECRETARY_CELL_CODE;
const TEXT = 'Đề nghị lắp biển báo và gương cầu lồi tại ngã ba chợ Thượng Hội để bảo đảm an toàn giao thông.';
const ANSWER = 'Tỉnh đã giao Sở Xây dựng lắp biển báo và gương cầu lồi trong tháng tới.';
let meetingId: number;
/** The cell's meeting later today, where the answer is read back (a meeting is held on its day, not before). */
let readBackId: number;
let recId: number;
let raiser: string;

interface RollLine {
  memberCode: string;
  fullName: string;
  memberStatus: string;
  status: string;
}
interface MeetingDetail {
  id: number;
  date: string;
  agenda: { title: string }[];
  record: { rollCall: RollLine[] } | null;
}

const session = (username: string) => apiSession(h.url, username);
/** Full points on every manual criterion (the demo scores with the default sheet; adoption needs them). */
const FULL_MANUAL_SCORES = Object.fromEntries(
  DEFAULT_RULE_SET.scoreSheet.criteria.filter((c) => c.kind === 'manual').map((c) => [c.id, c.max]),
);

/** A meeting of the cell on a day: the regular one, or an extraordinary one when the month has it. */
async function createMeeting(secretary: ApiSession, date: string, startTime = '07:00', regular = true) {
  let meeting = { status: 409, data: { id: 0 } };
  if (regular) {
    meeting = await secretary.call<{ id: number }>('POST', '/api/meetings', {
      orgCode: CELL,
      kind: 'regular',
      date,
      startTime,
    });
  }
  if (meeting.status === 409) {
    meeting = await secretary.call<{ id: number }>('POST', '/api/meetings', {
      orgCode: CELL,
      kind: 'extraordinary',
      date,
      startTime,
    });
  }
  expect(meeting.status, JSON.stringify(meeting.data)).toBe(201);
  return meeting.data.id;
}

/** Picks an option of an antd Select, typing part of its label first when the select searches. */
const choose = chooseOption;

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

const header = (page: Page) => page.getByTestId('rec-header');
const row = (page: Page, list: string) =>
  page.locator(`[data-testid="rec-list-${list}"] [data-testid="rec-row"][data-id="${recId}"]`);

/** Forwards the open recommendation to an organisation of its path, with a note, through the dialog. */
async function forwardTo(page: Page, orgName: string, code: string, note: string) {
  await page.getByTestId('rec-action-forward').click();
  await page.getByTestId('rec-forward-form').waitFor();
  await choose(page, 'rec-forward-to', orgName);
  await page.getByTestId('rec-forward-note').fill(note);
  await page.getByTestId('rec-forward-form-ok').click();
  await page.locator(`[data-testid="rec-handler"][data-code="${code}"]`).waitFor();
}

beforeAll(async () => {
  h = await startHarness();
  const secretary = await session('secretary');
  const member = await session('member');
  raiser = member.me.displayName;
  meetingId = await createMeeting(secretary, today);
  readBackId = await createMeeting(secretary, today, '12:00', false);
});
afterAll(() => h?.close());

describe('a recommendation from the cell to the province and back, on a phone', () => {
  it('is raised in the cell’s meeting by a member and passed to the commune', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await page.goto(`${h.url}/meetings/${meetingId}`);
    await page.getByTestId('meeting-tab-conduct').click();
    await page.getByTestId('clock-start').click();
    await page.getByTestId('clock-end').waitFor();
    await page.getByTestId('rec-raise-form').waitFor();
    await choose(page, 'rec-raise-member', raiser, true);
    await choose(page, 'rec-raise-category', 'Hạ tầng, giao thông');
    await page.getByTestId('rec-raise-text').fill(TEXT);
    await page.getByTestId('rec-raise-submit').click();
    const raised = page.getByTestId('meeting-rec').filter({ hasText: TEXT });
    await raised.waitFor();
    expect(await raised.textContent()).toContain(raiser);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    await raised.getByRole('link').click();
    await page.waitForURL(/\/recommendations\/\d+$/);
    recId = Number(new URL(page.url()).pathname.split('/').pop());
    await header(page).waitFor();
    expect(await header(page).getAttribute('data-status')).toBe('received');
    expect(await page.getByTestId('rec-text').textContent()).toBe(TEXT);
    expect(await page.getByTestId('rec-level').first().getAttribute('data-level')).toBe('cell');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await forwardTo(page, 'Đảng bộ xã Tân Hội', DEMO_COMMUNE_CODE, 'Vượt thẩm quyền của chi bộ');
    expect(await header(page).getAttribute('data-status')).toBe('assigned');
    expect(await page.getByTestId('rec-level').first().getAttribute('data-level')).toBe('grassroots');
    // The secretary no longer answers for it: the actions are gone, and the page says who holds it.
    expect(await page.getByTestId('rec-actions').count()).toBe(0);
    expect(await page.getByTestId('rec-held-by').getAttribute('data-code')).toBe(DEMO_COMMUNE_CODE);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('waits in the commune’s list and is passed on to the province with a note', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.getByTestId('home-recommendations').waitFor();
    await page.getByTestId('home-rec-inbox').click();
    await page.waitForURL(/\/recommendations\?tab=inbox$/);
    await row(page, 'inbox').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await row(page, 'inbox').click();
    await page.waitForURL(new RegExp(`/recommendations/${recId}$`));
    await forwardTo(page, 'Đảng bộ tỉnh Hồng Châu', DEMO_ROOT_CODE, 'Đề nghị tỉnh bố trí kinh phí');
    expect(await page.getByTestId('rec-level').first().getAttribute('data-level')).toBe('superior');
    const events = page.locator('[data-testid="rec-event"][data-kind="forwarded"]');
    expect(await events.count()).toBe(2);
    expect(await events.nth(1).textContent()).toContain('Đề nghị tỉnh bố trí kinh phí');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('is answered by the province', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'committee');
    await openMenu(page, 'nav-recommendations');
    await page.waitForURL(/\/recommendations$/);
    await row(page, 'inbox').waitFor();
    await row(page, 'inbox').click();
    await page.waitForURL(new RegExp(`/recommendations/${recId}$`));
    await page.getByTestId('rec-action-answer').click();
    await page.getByTestId('rec-answer-text').fill(ANSWER);
    await page.getByTestId('rec-answer-form-ok').click();
    await page.getByTestId('rec-answer').waitFor();
    expect(await page.getByTestId('rec-answer-text').textContent()).toBe(ANSWER);
    expect(await header(page).getAttribute('data-status')).toBe('answered');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('is shown to the commune that passed it up, read-only, on its way back to the cell', async () => {
    const commune = await session('tanhoi');
    const inbox = await commune.ok<unknown>('GET', '/api/inbox');
    expect(JSON.stringify(inbox)).toContain('Kiến nghị đã chuyển có trả lời của Đảng bộ tỉnh Hồng Châu');
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.goto(`${h.url}/recommendations?tab=inbox`);
    await row(page, 'passed').waitFor();
    expect(await row(page, 'passed').getAttribute('data-status')).toBe('answered');
    expect(await row(page, 'inbox').count()).toBe(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await row(page, 'passed').click();
    await page.waitForURL(new RegExp(`/recommendations/${recId}$`));
    await page.getByTestId('rec-answer').waitFor();
    expect(await page.getByTestId('rec-answer-text').textContent()).toBe(ANSWER);
    expect(await page.getByTestId('rec-actions').count()).toBe(0);
  });

  it('is read out at the cell’s next meeting and reported back when its minutes are adopted', async () => {
    const secretary = await session('secretary');
    type Rec = { answerMeetingId: number | null; status: string };
    const rec = await secretary.ok<Rec>('GET', `/api/recommendations/${recId}`);
    // The cell's next meeting not yet held: the one later today, not the one in progress.
    const next = rec.answerMeetingId as number;
    expect(next).toBe(readBackId);
    const planned = await secretary.ok<MeetingDetail>('GET', `/api/meetings/${next}`);
    expect(planned.agenda.map((a) => a.title)).toContain('Thông báo trả lời kiến nghị của đảng viên');

    const base = `/api/meetings/${next}`;
    // Times recorded as they pass (never ahead of the clock).
    const started = new Date();
    await secretary.ok('POST', `${base}/start`, { at: started.toISOString() });
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await page.goto(`${h.url}/meetings/${next}?tab=conduct`);
    const answer = page.locator(`[data-testid="meeting-answer"][data-id="${recId}"]`);
    await answer.waitFor();
    expect(await page.getByTestId('meeting-answers').textContent()).toContain(
      'Trả lời kiến nghị cần thông báo',
    );
    expect(await answer.getByTestId('meeting-answer-text').textContent()).toBe(ANSWER);
    await answer.getByTestId('meeting-answer-given').click();
    await page.locator(`[data-testid="meeting-answer"][data-id="${recId}"][data-given="true"]`).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    await secretary.ok('POST', `${base}/end`, { at: new Date(started.getTime() + 60_000).toISOString() });
    await secretary.ok('PUT', `${base}/manual-scores`, FULL_MANUAL_SCORES);
    const held = await secretary.ok<MeetingDetail>('GET', base);
    const present = (held.record?.rollCall ?? []).filter(
      (l) => l.status === 'present' && l.memberStatus === 'official',
    ).length;
    await secretary.ok('POST', `${base}/adopt`, { for: present, against: 0, abstain: 0 });

    await page.goto(`${h.url}/recommendations/${recId}`);
    await page.getByTestId('rec-reported-back').waitFor();
    expect(await header(page).getAttribute('data-status')).toBe('reported_back');
    expect(await header(page).textContent()).toContain('Đã thông báo lại chi bộ');
    const kinds = await page.getByTestId('rec-event').evaluateAll((els) => els.map((e) => e.dataset.kind));
    expect(kinds).toEqual(
      expect.arrayContaining(['received', 'forwarded', 'answered', 'put_on_agenda', 'answer_given']),
    );
    expect(kinds.at(-1)).toBe('reported_back');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    // Back at the cell: no longer on its way, so the commune's list lets it go.
    const passed = await (await session('tanhoi')).ok<{ items: { id: number }[] }>(
      'GET',
      '/api/recommendations?passed=true',
    );
    expect(passed.items.map((r) => r.id)).not.toContain(recId);
  });

  it('is among the member’s own recommendations', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'member');
    await page.goto(`${h.url}/recommendations?tab=mine`);
    await row(page, 'mine').waitFor();
    expect(await row(page, 'mine').getAttribute('data-status')).toBe('reported_back');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });
});

describe('the recommendation pages at 360 px, in Vietnamese and in English', () => {
  for (const locale of ['vi', 'en'] as const) {
    it(`fit the screen for the province committee (${locale})`, async () => {
      const page = await h.page({ locale });
      await signIn(page, h.url, 'committee');
      const paths = [
        '/',
        '/recommendations',
        '/recommendations?tab=all',
        `/recommendations/${recId}`,
        '/recommendations/1',
        '/recommendations/dashboard',
      ];
      for (const path of paths) {
        await page.goto(`${h.url}${path}`);
        await page.locator('main h3').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await overflowX(page), `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
        const body = (await page.locator('body').textContent()) ?? '';
        if (locale === 'vi') expect(body, path).toMatch(/Kiến nghị|kiến nghị/);
        else expect(body, path).toMatch(/[Rr]ecommendation/);
      }
      await page.goto(`${h.url}/recommendations/dashboard`);
      await page.getByTestId('rec-kpis').waitFor();
      expect(Number(await page.getByTestId('rec-kpi-raised').getAttribute('data-value'))).toBeGreaterThan(0);
      await page.getByTestId('chart-rec-categories').locator('canvas').first().waitFor();
      expect(await overflowX(page)).toBeLessThanOrEqual(0);
    });
  }
});
