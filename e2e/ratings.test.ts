import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { DEFAULT_RATING_RULES } from '../packages/core/src/ratings/default-rules.ts';
import type { RatingListDto, RatingSummaryDto } from '../packages/core/src/ratings/types.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { apiSession, chooseOption, type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * The year's review on a 360 × 740 phone (issue 15; domain.md §8, QĐ 366-QĐ/TW): a member files the
 * self-assessment on the 100-point sheet; the secretary records the cell's proposal from the year-end meeting;
 * the commune's committee decides — first over the "xuất sắc" quota, refused in place with the numbers, then
 * within it; the commune's summary counts the member.
 */
let h: Harness;
const today = isoDateInVietnam(new Date());
/** The cell's year-end meeting: today in December, else the 28th of December of this year. */
const MEETING_DATE = today.slice(5, 7) === '12' ? today : `${today.slice(0, 4)}-12-28`;
const YEAR = Number(MEETING_DATE.slice(0, 4));
const CELL = DEMO_SECRETARY_CELL_CODE;
const SELF_TEXT = 'Hoàn thành tốt nhiệm vụ được giao, tham gia đầy đủ sinh hoạt chi bộ.';
const CELL_TEXT = 'Chi bộ thống nhất đề nghị xếp loại hoàn thành tốt nhiệm vụ.';
let memberCode: string;
let memberOrg: string;
let meetingId: number;
let before: RatingSummaryDto;

const summaryPath = `/api/ratings/summary?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR}`;

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

beforeAll(async () => {
  h = await startHarness();
  const member = await apiSession(h.url, 'member');
  const me = await member.ok<{ memberCode: string | null; grants: { orgCode: string }[] }>(
    'GET',
    '/api/auth/me',
  );
  memberCode = me.memberCode ?? '';
  memberOrg = me.grants[0]?.orgCode ?? '';
  expect(memberCode).not.toBe('');
  const secretary = await apiSession(h.url, 'secretary');
  let created = await secretary.call<{ id: number }>('POST', '/api/meetings', {
    orgCode: CELL,
    kind: 'regular',
    date: MEETING_DATE,
    startTime: '07:30',
  });
  if (created.status === 409) {
    created = await secretary.call<{ id: number }>('POST', '/api/meetings', {
      orgCode: CELL,
      kind: 'extraordinary',
      date: MEETING_DATE,
      startTime: '07:30',
    });
  }
  expect(created.status, JSON.stringify(created.data)).toBe(201);
  meetingId = created.data.id;
  before = await (await apiSession(h.url, 'tanhoi')).ok<RatingSummaryDto>('GET', summaryPath);
});
afterAll(() => h?.close());

describe('the year’s review of a member, on a phone', () => {
  it('is filed by the member on the 100-point sheet', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'member');
    await openMenu(page, 'nav-ratings');
    await page.getByTestId('ratings-hub-self').click();
    await page.waitForURL(/\/ratings\/self/);
    await page.getByTestId('self-form').waitFor();
    const [first, second] = DEFAULT_RATING_RULES.sheets.member;
    if (!first || !second) throw new Error('the default member sheet has two groups');
    // The period's deadline (HD 43-HD/BTCTW, default rules): 31/01 of the following year, not yet past.
    const deadline = page.getByTestId('ratings-deadline');
    await deadline.filter({ hasText: `Hạn hoàn thành: 31/01/${YEAR + 1}` }).waitFor();
    expect(await deadline.getAttribute('data-overdue')).toBe('false');
    // The sheet of SheetFields, each group with the points the records suggest (or "no records") beside it.
    await page.getByTestId('self-sheet').waitFor();
    await page.getByTestId(`self-suggested-${first.id}`).waitFor();
    await page.getByTestId('self-use-suggested').waitFor();
    await page.getByTestId(`self-group-${first.id}`).fill('25');
    await page.getByTestId(`self-group-${second.id}`).fill('60');
    await page.getByTestId('self-text').fill(SELF_TEXT);
    await page.getByTestId('self-total').filter({ hasText: '85' }).waitFor();
    expect(await page.getByTestId('self-gives').textContent()).toContain('Hoàn thành tốt nhiệm vụ');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('self-submit').click();
    const self = page.getByTestId('self-steps').getByTestId('step-self');
    await self.waitFor();
    expect(await self.textContent()).toContain('85');
    expect(await self.textContent()).toContain(SELF_TEXT);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    // The points per group are stored with the total.
    const list = await (await apiSession(h.url, 'member')).ok<RatingListDto>(
      'GET',
      `/api/ratings?org=${encodeURIComponent(memberOrg)}&year=${YEAR}&subject=member`,
    );
    const mine = list.items.find((r) => r.code === memberCode);
    expect(mine?.self).toMatchObject({ score: 85, sheet: { [first.id]: 25, [second.id]: 60 } });
    expect(list).toMatchObject({ deadline: `${YEAR + 1}-01-31`, overdue: false });
  });

  it('is reviewed by the cell at its year-end meeting, which records its proposal', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await page.goto(`${h.url}/meetings/${meetingId}`);
    await page.getByTestId('meeting-ratings-link').click();
    await page.waitForURL(/\/ratings\/cell\?/);
    await page.getByTestId('cell-from-meeting').waitFor();
    const row = page.locator(`[data-testid="cell-row"][data-code="${memberCode}"]`);
    await row.getByTestId('cell-row-self').and(page.locator('[data-level="good"]')).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await row.getByTestId('cell-propose').click();
    await page.getByTestId('propose-form').waitFor();
    // The self-assessment's score and level are the starting point.
    expect(Number(await page.getByTestId('propose-score').inputValue())).toBe(85);
    await page.getByTestId('propose-text').fill(CELL_TEXT);
    await page.getByTestId('propose-form-ok').click();
    await row.getByTestId('cell-row-proposal').and(page.locator('[data-level="good"]')).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    // The cell's own collective self-assessment (Mẫu 01), by its secretary.
    const cellRow = page.locator(`[data-testid="cell-row"][data-code="${CELL}"]`);
    await cellRow.getByTestId('cell-self').click();
    await page.getByTestId('self-form').waitFor();
    await page.getByTestId('self-score').fill('80');
    await page.getByTestId('self-form-ok').click();
    await cellRow.getByTestId('cell-row-self').and(page.locator('[data-level="good"]')).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const secretary = await apiSession(h.url, 'secretary');
    const list = await secretary.ok<{
      items: { code: string; proposal: { meetingId: number | null } | null }[];
    }>('GET', `/api/ratings?org=${encodeURIComponent(CELL)}&year=${YEAR}&subject=member`);
    expect(list.items.find((r) => r.code === memberCode)?.proposal?.meetingId).toBe(meetingId);
  });

  it('is decided by the commune: over the quota refused in place, then within it', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await openMenu(page, 'nav-ratings');
    await page.getByTestId('ratings-hub-decide').click();
    await page.waitForURL(/\/ratings\/decide/);
    const row = page.locator(`[data-testid="decide-row"][data-code="${memberCode}"]`);
    await row.waitFor();
    expect(await row.getByTestId('step-proposal').textContent()).toContain(CELL_TEXT);
    expect(await row.getByTestId('step-self').textContent()).toContain(SELF_TEXT);
    expect(await page.getByTestId('decide-quota').textContent()).toContain('Hoàn thành xuất sắc: 0 / tối đa');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await row.getByTestId('decide-open').click();
    await page.getByTestId('decide-form').waitFor();
    await page.getByTestId('decide-score').fill('92');
    await page.getByTestId('decide-level').filter({ hasText: 'Hoàn thành xuất sắc nhiệm vụ' }).waitFor();
    // A level other than the cell's proposal needs the reason.
    await page.getByTestId('decide-form-ok').click();
    await page.getByText('Mức quyết định khác mức chi bộ đề xuất: cần nêu lý do.').first().waitFor();
    await page.getByTestId('decide-text').fill('Có thành tích nổi bật trong năm.');
    await page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: 'cần nêu lý do' })
      .waitFor({ state: 'hidden' });
    await page.getByTestId('decide-form-ok').click();
    // Alone in its group, an excellent rating is over 20 % of those rated good or better.
    const refusal = page.getByTestId('decide-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ');
    await chooseOption(page, 'decide-level', 'Hoàn thành tốt nhiệm vụ (');
    await page.getByTestId('decide-score').fill('88');
    await page.getByTestId('decide-form-ok').click();
    await page.getByTestId('decide-form').waitFor({ state: 'detached' });
    await row.getByTestId('decide-row-level').and(page.locator('[data-level="good"]')).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('changes the commune’s summary', async () => {
    const after = await (await apiSession(h.url, 'tanhoi')).ok<RatingSummaryDto>('GET', summaryPath);
    expect(after.members.rated).toBe(before.members.rated + 1);
    expect(after.members.byLevel.good).toBe(before.members.byLevel.good + 1);
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.goto(`${h.url}/ratings/summary?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR}`);
    const rated = page.getByTestId('sum-members-rated');
    await rated.filter({ hasText: String(after.members.rated) }).waitFor();
    const percent = after.members.percent.good.toLocaleString('vi-VN');
    expect(await page.getByTestId('sum-members-percent-good').textContent()).toContain(percent);
    await page.getByTestId('chart-ratings').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    // The same page in English.
    const english = await h.page({ locale: 'en' });
    await signIn(english, h.url, 'tanhoi');
    await english.goto(`${h.url}/ratings/summary?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR}`);
    await english
      .getByTestId('sum-members-rated')
      .filter({ hasText: `Rated: ${after.members.rated}` })
      .waitFor();
    expect(await english.getByTestId('sum-members').textContent()).toContain('Good');
    expect(await overflowX(english)).toBeLessThanOrEqual(0);
  });
});
