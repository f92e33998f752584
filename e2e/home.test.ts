import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMUNE_CODE } from '../packages/server/src/seed/demo-data.ts';
import { type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * The day of each role on a 360 × 740 phone (issue 10): the secretary reaches the next meeting's preparation
 * in one tap from the home page; the member sends a recommendation and finds it under "mine"; the commune
 * sees a cell that has not met this month and opens it. (The visitor's check-in from the home page is in
 * supervision.test.ts.)
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, 300_000);
afterAll(() => h?.close());

describe('the home page is the next job', () => {
  it('takes the secretary to the next meeting’s preparation in one tap', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    const card = page.getByTestId('home-secretary');
    await card.waitFor();
    expect(await page.getByTestId('home-next-meeting').textContent()).toContain('Sinh hoạt chi bộ thường kỳ');
    // What the meeting still lacks is listed, each line marked done or not.
    expect(await page.getByTestId('home-ready-agenda').getAttribute('data-done')).toBe('true');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('home-next-open').click();
    await page.waitForURL(/\/meetings\/\d+\?tab=prepare$/);
    await page.getByTestId('meeting-panel-prepare').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('lets a member send a recommendation and find it under "mine"', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'member');
    await page.getByTestId('home-member').waitFor();
    const text = 'Đề nghị lắp thêm đèn đường ở ngõ 3 thôn Thượng Hội';
    await page.getByTestId('home-raise').click();
    await page.getByTestId('raise-text').fill(text);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('raise-form-ok').click();
    await page.getByTestId('raise-form').waitFor({ state: 'detached' });
    await page.getByTestId('home-member-recs').getByText(text).waitFor();
    await page.getByTestId('home-rec-mine-all').click();
    await page.waitForURL(/\/recommendations\?tab=mine$/);
    await page.getByText(text).first().waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('shows the commune a cell that has not met this month, and opens it', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    const committee = page.getByTestId('home-committee');
    await committee.waitFor();
    expect(await committee.textContent()).toContain('Tân Hội');
    const cell = page.getByTestId('home-not-met-cell').first();
    const name = (await cell.textContent()) ?? '';
    expect(name).toMatch(/^Chi bộ /);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await cell.click();
    await page.waitForURL(
      new RegExp(
        `/meetings\\?org=${DEMO_COMMUNE_CODE.replace('.', '\\.')}\\.[A-Z0-9.]+&month=\\d{4}-\\d{2}$`,
      ),
    );
    await page.getByTestId('meeting-count').waitFor();
    expect(await page.getByTestId('page-sub').textContent()).toBe(name);
  });
});
