import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { quarterOf } from '../packages/core/src/thematic/rules.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { apiSession, chooseOption, type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * The thematic programme on a 360 × 740 phone (issue 17 item 1; HD 12-HD/BTCTW (06/7/2018), on sinh hoạt
 * chuyên đề): the commune's committee publishes a topic; the cell's secretary registers it for this quarter,
 * drafts the paper and shares it; a member of the cell comments on it; the committee's coverage of the quarter
 * shows the cell registered with its paper shared. No page scrolls sideways.
 */
let h: Harness;
const TODAY = isoDateInVietnam(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const QUARTER = quarterOf(TODAY);
const CELL = DEMO_SECRETARY_CELL_CODE;
const TOPIC = 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về thực hành tiết kiệm';
const PAPER = 'Dự thảo tham luận: thực hành tiết kiệm trong mỗi gia đình đảng viên của thôn.';
const COMMENT = 'Đề nghị bổ sung ví dụ về tiết kiệm điện, nước ở nhà văn hóa thôn.';
let registrationUrl = '';

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('the thematic programme, on a phone', () => {
  it('the commune’s committee publishes a topic for the year', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await openMenu(page, 'nav-thematic');
    await page.waitForURL(/\/thematic/);
    await page.getByTestId('thematic-topic-create').click();
    await page.getByTestId('thematic-topic-title').fill(TOPIC);
    await page
      .getByTestId('thematic-topic-purpose')
      .fill('Nâng cao ý thức thực hành tiết kiệm của đảng viên');
    await page.getByTestId('thematic-topic-form-ok').click();
    const topic = page.getByTestId('thematic-topic').filter({ hasText: TOPIC });
    await topic.locator('[data-testid="thematic-topic-status"][data-status="draft"]').waitFor();
    await topic.getByTestId('thematic-topic-publish').click();
    await topic.locator('[data-testid="thematic-topic-status"][data-status="published"]').waitFor();
    expect(await topic.getByText('Đã công bố').count()).toBe(1);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('the cell’s secretary registers it, saves the paper and shares it', async () => {
    const page = await h.page();
    const secretary = await apiSession(h.url, 'secretary');
    await signIn(page, h.url, 'secretary');
    await openMenu(page, 'nav-thematic');
    const quarter = page.locator(`[data-testid="thematic-cell-quarter"][data-quarter="${QUARTER}"]`);
    await quarter.getByTestId('thematic-register').click();
    await chooseOption(page, 'thematic-register-topic', TOPIC);
    await chooseOption(page, 'thematic-presenters', secretary.me.displayName, true);
    // Closes the presenters' dropdown (Escape would close the dialog).
    await page.locator('.ant-modal-title').click();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('thematic-register-form-ok').click();
    const line = quarter.locator('[data-testid="thematic-cell-registration"][data-status="registered"]');
    await line.waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await line.getByRole('link').click();
    await page.waitForURL(/\/thematic\/registrations\/\d+$/);
    registrationUrl = page.url();
    expect(await page.getByTestId('thematic-presenter-names').textContent()).toBe(secretary.me.displayName);
    await page.getByTestId('thematic-paper-text').fill(PAPER);
    await page.getByTestId('thematic-paper-save').click();
    await page.locator('[data-testid="thematic-paper-version"][data-version="1"]').waitFor();
    await page.getByTestId('thematic-paper-share').click();
    await page.getByTestId('thematic-paper-share-ok').click();
    await page.locator('[data-testid="thematic-paper-shared"][data-shared="yes"]').waitFor();
    expect(await page.getByTestId('thematic-paper-versions').textContent()).toContain('1');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('a member of the cell reads the shared paper and comments on it', async () => {
    const page = await h.page();
    const member = await apiSession(h.url, 'member');
    await signIn(page, h.url, 'member');
    await openMenu(page, 'nav-thematic');
    const line = page
      .locator(`[data-testid="thematic-cell-quarter"][data-quarter="${QUARTER}"]`)
      .getByTestId('thematic-cell-registration');
    await line.getByRole('link').click();
    await page.waitForURL(registrationUrl);
    expect(await page.getByTestId('thematic-paper-read').textContent()).toBe(PAPER);
    expect(await page.getByTestId('thematic-paper-save').count()).toBe(0);
    await page.getByTestId('thematic-comment-text').fill(COMMENT);
    await page.getByTestId('thematic-comment-send').click();
    const comment = page.getByTestId('thematic-comment').filter({ hasText: COMMENT });
    await comment.waitFor();
    expect(await comment.textContent()).toContain(member.me.displayName);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('a cell’s own topic for next year waits for the committee, which approves it', async () => {
    const own = 'Nâng cao chất lượng sinh hoạt chi bộ thôn gắn với xây dựng nông thôn mới kiểu mẫu';
    const secretary = await apiSession(h.url, 'secretary');
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await page.goto(`${h.url}/thematic?year=${YEAR + 1}`);
    const first = page.locator('[data-testid="thematic-cell-quarter"][data-quarter="1"]');
    await first.getByTestId('thematic-register').click();
    await page.getByTestId('thematic-register-source').getByText('Chi bộ tự đề xuất').click();
    await page.getByTestId('thematic-register-own-title').fill(own);
    await chooseOption(page, 'thematic-presenters', secretary.me.displayName, true);
    await page.locator('.ant-modal-title').click();
    await page.getByTestId('thematic-register-form-ok').click();
    await first.locator('[data-testid="thematic-cell-registration"][data-status="pending"]').waitFor();

    const committee = await h.page();
    await signIn(committee, h.url, 'tanhoi');
    await committee.goto(
      `${h.url}/thematic?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR + 1}&quarter=1`,
    );
    const pending = committee.getByTestId('thematic-pending').filter({ hasText: own });
    await pending.getByTestId('thematic-approve').click();
    await pending.waitFor({ state: 'detached' });
    const cell = committee.locator(`[data-testid="thematic-coverage-cell"][data-code="${CELL}"]`);
    await cell.locator('[data-testid="thematic-coverage-status"][data-status="approved"]').waitFor();
    expect(await overflowX(committee)).toBeLessThanOrEqual(0);
  });

  it('the committee’s coverage of the quarter shows the cell registered with the paper shared', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.goto(
      `${h.url}/thematic?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR}&quarter=${QUARTER}`,
    );
    const cell = page.locator(`[data-testid="thematic-coverage-cell"][data-code="${CELL}"]`);
    await cell.waitFor();
    expect(await cell.getAttribute('data-status')).toBe('paper_shared');
    expect(await cell.getByTestId('thematic-coverage-status').textContent()).toBe('Đã gửi tham luận');
    expect(await cell.textContent()).toContain(TOPIC);
    const shared = page.getByTestId('thematic-count-paperShared');
    expect(Number(await shared.getAttribute('data-count'))).toBeGreaterThanOrEqual(1);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });
});
