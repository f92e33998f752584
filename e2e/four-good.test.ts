import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * "Chi bộ bốn tốt" on a 360 × 740 phone (issue 15 point 6; domain.md §8): the secretary registers the cell
 * for the year and sees its four criteria tracked; the commune's committee finds it among its registered
 * cells and confirms a manual criterion; the result stands beside the cell's rating on the ratings page.
 */
let h: Harness;
const YEAR = Number(isoDateInVietnam(new Date()).slice(0, 4));
const CELL = DEMO_SECRETARY_CELL_CODE;

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('the four-good cell, on a phone', () => {
  it('is registered by the secretary, who sees the four criteria tracked', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await openMenu(page, 'nav-four-good');
    await page.waitForURL(/\/four-good/);
    await page.getByTestId('four-good-register').click();
    await page.getByTestId('four-good-register-form').locator('textarea').fill('Phấn đấu đạt chi bộ bốn tốt');
    await page.getByTestId('four-good-register-form-ok').click();
    const card = page.getByTestId('four-good-cell');
    await card.waitFor();
    expect(await card.getAttribute('data-code')).toBe(CELL);
    expect(await page.getByTestId('four-good-criterion').count()).toBe(4);
    expect(await page.getByTestId('four-good-result').getAttribute('data-result')).toBe('tracking');
    expect(await page.getByTestId('four-good-register').count()).toBe(0);
    expect(await page.getByTestId('four-good-record-result').count()).toBe(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('is listed for the commune’s committee, which confirms a manual criterion', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.goto(`${h.url}/four-good?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR}`);
    const line = page.locator(`[data-testid="four-good-line"][data-code="${CELL}"]`);
    await line.waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await line.getByRole('link').click();
    await page.getByTestId('four-good-cell').waitFor();
    const political = page.locator('[data-testid="four-good-criterion"][data-id="political_tasks"]');
    await political.getByTestId('four-good-assess-met').click();
    await political.getByText('Lê Văn Hùng', { exact: false }).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('stands beside the cell’s rating on the ratings page', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await page.goto(`${h.url}/ratings/cell?org=${encodeURIComponent(CELL)}&year=${YEAR}`);
    await page.getByTestId('four-good-badge').waitFor();
    expect(await page.getByTestId('four-good-badge').textContent()).toContain('Bốn tốt');
  });
});
