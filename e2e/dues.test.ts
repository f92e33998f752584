import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import type { DuesStatementDto } from '../packages/core/src/dues/api-types.ts';
import type { DuesLedgerDto } from '../packages/core/src/dues/types.ts';
import { docxText, squash } from '../packages/server/src/modules/documents/testing.ts';
import { DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
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
 * Party dues on a 360 × 740 phone (issue 16; domain.md §7, QĐ 01-QĐ/TW): the secretary opens the running
 * meeting, records the cash collected at its dues item in one batch; the month's ledger then shows the
 * totals, and the minutes state "Thu đảng phí tháng MM/YYYY: N/M đảng viên đã nộp, tổng X đồng".
 */
let h: Harness;
let secretary: ApiSession;
let meetingId: number;
const TODAY = isoDateInVietnam(new Date());
const MONTH = TODAY.slice(0, 7);
const MONTH_TEXT = `${MONTH.slice(5, 7)}/${MONTH.slice(0, 4)}`;
const CELL = DEMO_SECRETARY_CELL_CODE;
const vnd = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const ledgerPath = `/api/dues/ledger?org=${encodeURIComponent(CELL)}&month=${MONTH}`;
/** What the batch records by default: each member still owing for the month, what he or she owes. */
let expected: { memberCode: string; paidVnd: number }[];
let before: DuesLedgerDto;

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

beforeAll(async () => {
  h = await startHarness();
  secretary = await apiSession(h.url, 'secretary');
  // Three members declared as students (5.000 đồng a month, QĐ 01-QĐ/TW) from this month.
  const members = await secretary.ok<{ items: { memberCode: string; orgCode: string }[] }>(
    'GET',
    `/api/members?org=${encodeURIComponent(CELL)}&pageSize=200`,
  );
  for (const m of members.items.filter((m) => m.orgCode === CELL).slice(0, 3)) {
    await secretary.ok('POST', '/api/dues/basis', {
      memberCode: m.memberCode,
      fromMonth: MONTH,
      category: 'student',
    });
  }
  let created = await secretary.call<{ id: number }>('POST', '/api/meetings', {
    orgCode: CELL,
    kind: 'regular',
    date: TODAY,
    startTime: '07:30',
  });
  if (created.status === 409) {
    created = await secretary.call<{ id: number }>('POST', '/api/meetings', {
      orgCode: CELL,
      kind: 'extraordinary',
      date: TODAY,
      startTime: '07:30',
    });
  }
  expect(created.status, JSON.stringify(created.data)).toBe(201);
  meetingId = created.data.id;
  const detail = await secretary.ok<{ agenda: { title: string; section: string }[] }>(
    'GET',
    `/api/meetings/${meetingId}`,
  );
  if (!detail.agenda.some((a) => a.title.includes('đảng phí'))) {
    const agenda = [...detail.agenda];
    agenda.splice(Math.max(agenda.length - 1, 0), 0, { title: 'Thu đảng phí', section: 'closing' });
    await secretary.ok('PATCH', `/api/meetings/${meetingId}`, { agenda });
  }
  await secretary.ok('POST', `/api/meetings/${meetingId}/start`, { at: new Date().toISOString() });
  before = await secretary.ok<DuesLedgerDto>('GET', ledgerPath);
  expected = before.rows
    .filter((r) => r.paidVnd < r.dueVnd)
    .map((r) => ({ memberCode: r.memberCode, paidVnd: r.dueVnd - r.paidVnd }));
  expect(expected.length).toBeGreaterThanOrEqual(3);
  // The demo's seeding alone took three minutes on a loaded machine: more than the default hook timeout.
}, 400_000);
afterAll(() => h?.close());

describe('dues collected at the meeting, on a phone', () => {
  it('are recorded by the secretary at the running meeting’s dues item in one batch', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await page.goto(`${h.url}/meetings/${meetingId}?tab=conduct`);
    const card = page.getByTestId('meeting-dues');
    await card.waitFor();
    expect(await card.textContent()).toContain(`Thu đảng phí tháng ${MONTH_TEXT}`);
    for (const e of expected) {
      const row = card.locator(`[data-testid="meeting-dues-row"][data-code="${e.memberCode}"]`);
      expect(await row.getByTestId('meeting-dues-tick').isChecked()).toBe(true);
      expect(await row.getByTestId('meeting-dues-amount').inputValue()).toBe(String(e.paidVnd));
    }
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const record = page.getByTestId('meeting-dues-record');
    expect(await record.textContent()).toContain(`(${expected.length})`);
    await record.click();
    const total = expected.reduce((sum, e) => sum + e.paidVnd, 0);
    // The card counts the month's payers and what they paid, those of before included.
    const payers = before.rows.filter(
      (r) => r.paidVnd > 0 || expected.some((e) => e.memberCode === r.memberCode),
    ).length;
    const summary = `${payers}/${before.rows.length} đảng viên đã nộp, tổng ${vnd(before.totals.paidVnd + total)} đồng`;
    await page.getByTestId('meeting-dues-summary').filter({ hasText: summary }).waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const after = await secretary.ok<DuesLedgerDto>('GET', ledgerPath);
    expect(after.totals.paidVnd).toBe(before.totals.paidVnd + total);
  });

  it('shows in the month’s ledger with its totals', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await openMenu(page, 'nav-dues');
    await page.waitForURL(/\/dues/);
    await page.getByTestId('dues-ledger').waitFor();
    const total = expected.reduce((sum, e) => sum + e.paidVnd, 0);
    await page
      .getByTestId('dues-total-paid')
      .filter({ hasText: `${vnd(before.totals.paidVnd + total)} đồng` })
      .waitFor();
    expect(await page.getByTestId('dues-total-due').textContent()).toBe(`${vnd(before.totals.dueVnd)} đồng`);
    for (const e of expected) {
      const row = page.locator(`[data-testid="dues-row"][data-code="${e.memberCode}"]`);
      expect(Number(await row.getAttribute('data-paid'))).toBeGreaterThanOrEqual(e.paidVnd);
    }
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('is stated in the minutes with the number of members and the total', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    const response = await page.request.get(`${h.url}/api/meetings/${meetingId}/documents/minutes.docx`);
    expect(response.status()).toBe(200);
    const text = squash(await docxText(await response.body()));
    const total = expected.reduce((sum, e) => sum + e.paidVnd, 0);
    expect(text).toContain(
      `Thu đảng phí tháng ${MONTH_TEXT}: ${expected.length}/${before.rows.length} đảng viên đã nộp, tổng ${vnd(total)} đồng`,
    );
  });

  it('lets a member declare the income his or her dues are paid on, from the own statement', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'member');
    await page.goto(`${h.url}/dues/mine`);
    await page.getByTestId('dues-mine-declare').click();
    // A pension of 4.000.000 đồng: 0,5 % is 20.000 đồng a month (QĐ 01-QĐ/TW), from this month on.
    await chooseOption(page, 'dues-basis-category', 'Hưởng lương hưu');
    await page.getByTestId('dues-basis-amount').fill('4000000');
    await page.getByTestId('dues-basis-ok').click();
    await page.getByTestId('dues-basis').waitFor({ state: 'hidden' });
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const member = await apiSession(h.url, 'member');
    const mine = await member.ok<DuesStatementDto>('GET', `/api/dues/mine?year=${MONTH.slice(0, 4)}`);
    expect(mine.months.find((m) => m.month === MONTH)?.dueVnd).toBe(20_000);
  });
});
