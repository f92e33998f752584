import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import type { MemberListDto } from '../packages/core/src/members/types.ts';
import type { RatingByCommuneDto } from '../packages/core/src/ratings/by-commune.ts';
import type { RatingSummaryDto } from '../packages/core/src/ratings/types.ts';
import {
  DEMO_COMMUNE_CODE,
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
} from '../packages/server/src/seed/demo-data.ts';
import { apiSession, type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * Results rated on paper, imported on a 360 × 740 phone (issue 15 point 4), and the dashboard per unit (point 5):
 * the commune's committee uploads a small file, reads the error of one row named by row and column (nothing
 * written), fixes it, saves all rows, and the summary counts them; the province's dashboard lists the communes
 * and drills into one.
 */
let h: Harness;
const YEAR = Number(isoDateInVietnam(new Date()).slice(0, 4));
const CELL = DEMO_SECRETARY_CELL_CODE;
const summaryPath = `/api/ratings/summary?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR}`;
let codes: string[];
let before: RatingSummaryDto;

const HEADER = 'year,period,subject,code,score,level,notes';
const file = (levels: string[]) => ({
  name: 'xep-loai.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [HEADER, ...levels.map((level, i) => `${YEAR},,member,${codes[i]},,${level},`)].join('\n'),
    'utf8',
  ),
});

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

beforeAll(async () => {
  h = await startHarness();
  const tanhoi = await apiSession(h.url, 'tanhoi');
  // Four official members of the cell, none exempt: all of them are rated (QĐ 366-QĐ/TW; domain.md §8).
  const list = await tanhoi.ok<MemberListDto>(
    'GET',
    `/api/members?org=${encodeURIComponent(CELL)}&status=official&exempt=false&pageSize=50`,
  );
  codes = list.items
    .filter((m) => m.admissionDate < `${YEAR - 1}-01-01`)
    .slice(0, 4)
    .map((m) => m.memberCode);
  expect(codes).toHaveLength(4);
  before = await tanhoi.ok<RatingSummaryDto>('GET', summaryPath);
  // Seeding the demo takes ≈20 s alone, minutes on a machine shared by several runs.
}, 600_000);
afterAll(() => h?.close());

describe('importing results rated on paper, on a phone', () => {
  it('names the bad row and column, writes nothing, then saves the fixed file whole', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await openMenu(page, 'nav-ratings');
    await page.getByTestId('ratings-hub-import').click();
    await page.waitForURL(/\/ratings\/import/);
    // A level that is no level: the preview names row 3 (the second under the header), column "Mức xếp loại".
    await page
      .getByTestId('rating-import-file')
      .setInputFiles(file(['good', 'giỏi lắm', 'good', 'completed']));
    await page.getByTestId('rating-import-invalid').waitFor();
    const errors = page.getByTestId('rating-import-errors').locator('tbody tr.ant-table-row');
    expect(await errors.count()).toBe(1);
    const cells = await errors.first().locator('td').allTextContents();
    expect(cells[0]).toBe('3');
    expect(cells[1]).toBe('Mức xếp loại');
    expect(await page.getByTestId('rating-import-commit').count()).toBe(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const tanhoi = await apiSession(h.url, 'tanhoi');
    expect((await tanhoi.ok<RatingSummaryDto>('GET', summaryPath)).members.rated).toBe(before.members.rated);

    // Fixed (the Vietnamese words are read too) and chosen again: valid, then saved all at once.
    await page
      .getByTestId('rating-import-file')
      .setInputFiles(file(['good', 'Hoàn thành tốt nhiệm vụ', 'good', 'completed']));
    await page.getByTestId('rating-import-commit').waitFor();
    expect(await page.getByTestId('rating-import-levels-good').getAttribute('data-count')).toBe('3');
    await page.getByTestId('rating-import-commit').click();
    const done = page.getByTestId('rating-import-done');
    await done.waitFor();
    expect(await done.getAttribute('data-written')).toBe('4');
    expect(await page.getByTestId('rating-import-written-completed').getAttribute('data-count')).toBe('1');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    // The summary of the commune now counts the four.
    const after = await tanhoi.ok<RatingSummaryDto>('GET', summaryPath);
    expect(after.members.rated).toBe(before.members.rated + 4);
    expect(after.members.byLevel.good).toBe(before.members.byLevel.good + 3);
    await page.getByTestId('rating-import-summary').click();
    await page.waitForURL(/\/ratings\/summary\?/);
    await page
      .getByTestId('sum-members-rated')
      .filter({ hasText: String(after.members.rated) })
      .waitFor();
    const percent = after.members.percent.good.toLocaleString('vi-VN');
    expect(await page.getByTestId('sum-members-percent-good').textContent()).toContain(percent);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });
});

describe('the dashboard per unit, on a phone', () => {
  it('lists the province’s communes with this year’s shares, and drills into one', async () => {
    const admin = await apiSession(h.url, 'admin');
    const api = await admin.ok<RatingByCommuneDto>(
      'GET',
      `/api/ratings/by-commune?org=${encodeURIComponent(DEMO_ROOT_CODE)}&year=${YEAR}`,
    );
    const commune = api.items.find((r) => r.code === DEMO_COMMUNE_CODE);
    expect(commune?.members.current.rated).toBeGreaterThanOrEqual(4);

    const page = await h.page();
    await signIn(page, h.url, 'admin');
    await openMenu(page, 'nav-ratings');
    await page.getByTestId('ratings-hub-byCommune').click();
    await page.waitForURL(/\/ratings\/by-commune/);
    const table = page.getByTestId('by-commune-table');
    await table.waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(Math.min(50, api.items.length));
    expect(api.items.length).toBeGreaterThan(1);
    const good = page.getByTestId(`by-commune-${DEMO_COMMUNE_CODE}-good`);
    await good.waitFor();
    expect(await good.textContent()).toContain(
      (commune?.members.current.percent.good ?? -1).toLocaleString('vi-VN'),
    );
    await page.getByTestId('chart-by-commune').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    // Drilling down: the commune's cells, the imported cell among them.
    await page.getByTestId(`by-commune-drill-${DEMO_COMMUNE_CODE}`).click();
    await page.getByTestId(`by-commune-row-${CELL}`).waitFor();
    expect(page.url()).toContain(`org=${encodeURIComponent(DEMO_COMMUNE_CODE)}`);
    const cellGood = await page.getByTestId(`by-commune-${CELL}-good`).textContent();
    expect(cellGood).toMatch(/%/);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });
});
