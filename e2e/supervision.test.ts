import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { apiSession, type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * Supervision (domain.md §4) as people use it: the commune committee sends its visitor to a cell's
 * meeting today; the visitor, on a 360 × 740 phone, checks in and files the report with the score sheet;
 * the commune then sees the visit in its coverage and quality dashboard.
 */
let h: Harness;
const today = isoDateInVietnam(new Date());
const periodKey = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
const CELL = DEMO_SECRETARY_CELL_CODE;
const COMMUNE = DEMO_COMMUNE_CODE;
let visitId: number;
let sheet: { id: string; max: number }[];

interface Visit {
  id: number;
  cellCode: string;
  visitorAccountId: number;
  date: string;
  status: string;
}

const session = (username: string) => apiSession(h.url, username);

beforeAll(async () => {
  h = await startHarness();
  const secretary = await session('secretary');
  const committee = await session('tanhoi');
  const visitor = await session('visitor');
  // Today's meeting of the secretary's cell (extraordinary if the month's regular one already exists).
  let meeting = await secretary.call<{ id: number }>('POST', '/api/meetings', {
    orgCode: CELL,
    kind: 'regular',
    date: today,
    startTime: '07:00',
  });
  if (meeting.status === 409) {
    meeting = await secretary.call<{ id: number }>('POST', '/api/meetings', {
      orgCode: CELL,
      kind: 'extraordinary',
      date: today,
      startTime: '07:00',
    });
  }
  expect(meeting.status).toBe(201);
  const meetingId = meeting.data.id;
  const pool = await committee.ok<{ items: { accountId: number; displayName: string }[] }>(
    'GET',
    `/api/supervision/visitors?committee=${COMMUNE}`,
  );
  const visitorId = pool.items.find((v) => v.displayName === visitor.me.displayName)?.accountId;
  expect(visitorId, 'the demo visitor is among the commune committee’s visitors').toBeDefined();
  const planPath = `/api/supervision/plans?committee=${COMMUNE}&period=${periodKey}`;
  const before = await committee.ok<{ visits: Visit[] }>('GET', planPath);
  // Make room: no other visit of the visitor today, and the cell's own visit (if planned) is edited.
  for (const v of before.visits) {
    const busy = v.visitorAccountId === visitorId && v.date === today && v.cellCode !== CELL;
    if (busy && v.status === 'planned') {
      await committee.ok('PATCH', `/api/supervision/visits/${v.id}`, { cancelReason: 'Kiểm thử e2e' });
    }
  }
  const existing = before.visits.find((v) => v.cellCode === CELL && v.status !== 'cancelled');
  const visit = existing
    ? await committee.ok<Visit>('PATCH', `/api/supervision/visits/${existing.id}`, {
        meetingId,
        visitorAccountId: visitorId,
      })
    : await committee.ok<Visit>('POST', '/api/supervision/visits', {
        committeeCode: COMMUNE,
        periodKey,
        meetingId,
        visitorAccountId: visitorId,
      });
  visitId = visit.id;
  const plan = await committee.ok<{ id: number; status: string }>('GET', planPath);
  if (plan.status !== 'published') await committee.ok('POST', `/api/supervision/plans/${plan.id}/publish`);
  const detail = await visitor.ok<{ sheet: { id: string; max: number }[] }>(
    'GET',
    `/api/supervision/visits/${visitId}`,
  );
  sheet = detail.sheet;
});
afterAll(() => h?.close());

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

describe('supervision on a phone, 360 px wide', () => {
  it('lets the visitor check in and file the report of today’s visit', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'visitor');
    // The home page leads with the visitor's visits, today's first: one tap to it.
    const card = page.locator(
      `[data-testid="home-upcoming-visits"] [data-testid="my-visit"][data-id="${visitId}"]`,
    );
    await card.waitFor();
    expect(await card.textContent()).toContain('Thượng Hội');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await card.click();
    await page.waitForURL(new RegExp(`/supervision/visits/${visitId}$`));
    await page.getByTestId('visit-check-in').click();
    await page.getByTestId('visit-checked-in').waitFor();
    await page.getByTestId('visit-report-form').waitFor();
    for (const c of sheet) {
      const box = page.getByTestId(`visit-point-${c.id}`);
      await box.fill(String(c.max));
      await box.blur();
    }
    expect(await page.getByTestId('visit-total').textContent()).toContain('100/100');
    await page
      .getByTestId('visit-content-notes')
      .fill('Chi bộ chuẩn bị chu đáo; đảng viên phát biểu sôi nổi.');
    await page.getByTestId('visit-recommendation-0').fill('Đề nghị sửa đường liên thôn trước mùa mưa.');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-submit-confirm').click();
    await page.getByTestId('visit-report').waitFor();
    expect(await page.getByTestId('visit-report-total').textContent()).toContain('100/100');
    expect(await page.getByTestId('visit-report-level').getAttribute('data-level')).toBe('good');
    expect(await page.getByTestId('visit-report-recommendations').textContent()).toContain('đường liên thôn');
    expect(await page.getByTestId('visit-status').first().getAttribute('data-status')).toBe('reported');
    await page.getByTestId('addendum-form').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('shows the visit in the commune’s coverage and quality dashboard', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await openMenu(page, 'nav-supervision');
    await page.waitForURL(/\/supervision(\?.*)?$/);
    await page.getByTestId('plan-tab').waitFor();
    expect(await page.getByTestId('period-label').getAttribute('data-key')).toBe(periodKey);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('supervision-tab-coverage').click();
    const row = page.locator(`[data-testid="quality-row"][data-code="${CELL}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-level')).toBe('good');
    expect(await row.textContent()).toContain('Thượng Hội');
    expect(
      Number(await page.getByTestId('coverage-visited').getAttribute('data-value')),
    ).toBeGreaterThanOrEqual(1);
    await page.getByTestId('chart-levels').locator('canvas').first().waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('keeps the committee’s plans from the visitor', async () => {
    const visitor = await session('visitor');
    const plans = await visitor.call(
      'GET',
      `/api/supervision/plans?committee=${COMMUNE}&period=${periodKey}`,
    );
    expect([403, 404]).toContain(plans.status);
    const coverage = await visitor.call(
      'GET',
      `/api/supervision/coverage?org=${COMMUNE}&period=${periodKey}`,
    );
    expect([403, 404]).toContain(coverage.status);
  });
});
