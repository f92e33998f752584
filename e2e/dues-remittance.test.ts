import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import type { DuesRemittanceDto } from '../packages/core/src/dues/api-types.ts';
import { docxText, squash } from '../packages/server/src/modules/documents/testing.ts';
import {
  DEMO_COMMUNE_CODE,
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
} from '../packages/server/src/seed/demo-data.ts';
import { apiSession, type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * "Thu nộp đảng phí" on a 360 × 740 phone (issue 16 point 5): the province's committee member sees each unit's
 * due, collected, rate, arrears, kept and sent; drills into the commune and finds the secretary's cell with
 * the month's payment; the report downloads as a DOCX.
 */
let h: Harness;
const MONTH = isoDateInVietnam(new Date()).slice(0, 7);
const YEAR = MONTH.slice(0, 4);
const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

beforeAll(async () => {
  h = await startHarness();
  const secretary = await apiSession(h.url, 'secretary');
  const members = await secretary.ok<{ items: { memberCode: string; orgCode: string }[] }>(
    'GET',
    `/api/members?org=${encodeURIComponent(DEMO_SECRETARY_CELL_CODE)}&pageSize=200`,
  );
  const first = members.items.find((m) => m.orgCode === DEMO_SECRETARY_CELL_CODE);
  expect(first).toBeDefined();
  const memberCode = first?.memberCode ?? '';
  await secretary.ok('POST', '/api/dues/basis', { memberCode, fromMonth: MONTH, category: 'student' });
  await secretary.ok('POST', '/api/dues/payments', {
    entries: [{ memberCode, month: MONTH, paidVnd: 5_000 }],
  });
});
afterAll(() => h?.close());

describe('the remittance dashboard on a phone', () => {
  it('rolls the units up, drills into the commune and downloads the report', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'committee');
    await page.goto(`${h.url}/dues/remittance?org=${encodeURIComponent(DEMO_ROOT_CODE)}&year=${YEAR}`);
    await page.getByTestId('remit-table').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId(`remit-drill-${DEMO_COMMUNE_CODE}`).click();
    await page.waitForURL((url) => url.searchParams.get('org') === DEMO_COMMUNE_CODE);
    const row = page.getByTestId(`remit-row-${DEMO_SECRETARY_CELL_CODE}`);
    await row.waitFor();

    const api = await apiSession(h.url, 'committee');
    const data = await api.ok<DuesRemittanceDto>(
      'GET',
      `/api/dues/remittance?org=${encodeURIComponent(DEMO_COMMUNE_CODE)}&year=${YEAR}`,
    );
    const cell = data.children.find((c) => c.code === DEMO_SECRETARY_CELL_CODE);
    expect(cell?.collectedVnd).toBeGreaterThanOrEqual(5_000);
    expect(await page.getByTestId(`remit-${DEMO_SECRETARY_CELL_CODE}-collectedVnd`).textContent()).toBe(
      vi(cell?.collectedVnd ?? 0),
    );
    expect(await page.getByTestId(`remit-${DEMO_SECRETARY_CELL_CODE}-sentVnd`).textContent()).toBe(
      vi(cell?.sentVnd ?? 0),
    );
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    const href = await page.getByTestId('remit-docx').getAttribute('href');
    expect(href).toContain('/api/dues/report.docx');
    const response = await page.request.get(`${h.url}${href}`);
    expect(response.status()).toBe(200);
    const text = squash(await docxText(await response.body()));
    expect(text).toContain(`Tình hình thu, nộp đảng phí năm ${YEAR}`);
    expect(text).toContain(`số đã thu: ${vi(data.org.collectedVnd)} đồng`);
  }, 300_000);
});
