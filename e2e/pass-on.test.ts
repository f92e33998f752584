import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
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
 * Superior documents passed on to every cell (issue 17 item 2; HD 12-HD/BTCTW point 2.2) on a 360 × 740
 * phone: the commune's committee registers a document with its file; the cell's secretary finds it on the
 * cell's meeting of the day and records it passed on, with the presenter; the committee's status page shows
 * the cell passed on (the day, the presenter, the meeting) and the other cells still pending.
 */
let h: Harness;
const today = isoDateInVietnam(new Date());
const CELL = DEMO_SECRETARY_CELL_CODE;
const NUMBER = '07-NQ/ĐU';
const TITLE = 'Nghị quyết của Đảng ủy xã về chuyển đổi số trong công tác đảng năm 2027';
let meetingId: number;
let docId: number;
let presenter: string;

/** The cell's meeting today (a meeting is held on its day): the regular one, or an extraordinary one. */
async function createMeeting(secretary: ApiSession) {
  const body = { orgCode: CELL, date: today, startTime: '07:00' };
  let meeting = await secretary.call<{ id: number }>('POST', '/api/meetings', { ...body, kind: 'regular' });
  if (meeting.status === 409) {
    meeting = await secretary.call<{ id: number }>('POST', '/api/meetings', {
      ...body,
      kind: 'extraordinary',
    });
  }
  expect(meeting.status, JSON.stringify(meeting.data)).toBe(201);
  return meeting.data.id;
}

async function openMenu(page: Page, testId: string) {
  await page.getByTestId('nav-toggle').click();
  await page.getByTestId(testId).click();
}

beforeAll(async () => {
  h = await startHarness();
  const secretary = await apiSession(h.url, 'secretary');
  presenter = secretary.me.displayName;
  meetingId = await createMeeting(secretary);
});
afterAll(() => h?.close());

describe('a superior document passed on by the cells, on a phone', () => {
  it('is registered by the commune’s committee with its file, every cell below pending', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await openMenu(page, 'nav-pass-on');
    await page.waitForURL(/\/documents/);
    await page.getByTestId('pass-on-register').click();
    const form = page.getByTestId('pass-on-form');
    await form.waitFor();
    await page.getByTestId('pass-on-number').fill(NUMBER);
    await page.getByTestId('pass-on-title').fill(TITLE);
    await page.getByTestId('pass-on-file').setInputFiles({
      name: 'nghi-quyet-07.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 nghị quyết chuyển đổi số'),
    });
    await page.getByTestId('pass-on-file-name').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await page.getByTestId('pass-on-form-ok').click();
    await page.waitForURL(/\/documents\/\d+$/);
    docId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('pass-on-status').waitFor();
    const progress = page.getByTestId('pass-on-progress');
    expect(await progress.getAttribute('data-passed')).toBe('0');
    expect(Number(await progress.getAttribute('data-cells'))).toBeGreaterThan(1);
    await page.locator(`[data-testid="pass-on-pending-row"][data-code="${CELL}"]`).waitFor();
    expect(await page.getByTestId('pass-on-file-link').textContent()).toContain('nghi-quyet-07.pdf');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    // The committee's list shows it with its progress bar.
    await page.goto(`${h.url}/documents`);
    const line = page.locator(`[data-testid="pass-on-doc"][data-id="${docId}"]`);
    await line.getByTestId('pass-on-progress').waitFor();
    expect(await line.textContent()).toContain(TITLE);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('is on the cell’s meeting, where the secretary records it passed on with the presenter', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'secretary');
    await openMenu(page, 'nav-pass-on');
    const own = page.locator(`[data-testid="pass-on-doc"][data-id="${docId}"]`);
    expect(await own.getByTestId('pass-on-cell-state').getAttribute('data-state')).toBe('pending');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    await page.goto(`${h.url}/meetings/${meetingId}`);
    await page.getByTestId('meeting-tab-conduct').click();
    const item = page.locator(`[data-testid="meeting-pass-on-item"][data-id="${docId}"]`);
    await item.waitFor();
    // Before the meeting starts there is nothing to tick yet.
    expect(await item.getByTestId('meeting-pass-on-mark').count()).toBe(0);
    await page.getByTestId('clock-start').click();
    await page.getByTestId('clock-end').waitFor();
    await item.getByTestId('meeting-pass-on-mark').waitFor();
    await chooseOption(page, `meeting-pass-on-presenter-${docId}`, presenter, true);
    await item.getByTestId('meeting-pass-on-mark').click();
    await page
      .locator(`[data-testid="meeting-pass-on-item"][data-id="${docId}"][data-passed="true"]`)
      .waitFor();
    expect(await item.getByTestId('meeting-pass-on-done').textContent()).toContain(presenter);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);

    await openMenu(page, 'nav-pass-on');
    await page.waitForURL(/\/documents/);
    await own.getByTestId('pass-on-cell-state').waitFor();
    await page
      .locator(
        `[data-testid="pass-on-doc"][data-id="${docId}"] [data-testid="pass-on-cell-state"][data-state="passed"]`,
      )
      .waitFor();
  });

  it('shows the committee the cell passed on, with the day and the meeting, and the others pending', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.goto(`${h.url}/documents/${docId}`);
    const passed = page.locator(`[data-testid="pass-on-passed-row"][data-code="${CELL}"]`);
    await passed.waitFor();
    expect(await passed.textContent()).toContain(presenter);
    expect(await passed.getByTestId('pass-on-meeting-link').getAttribute('href')).toBe(
      `/meetings/${meetingId}`,
    );
    expect(await page.getByTestId('pass-on-progress').getAttribute('data-passed')).toBe('1');
    expect(await page.locator(`[data-testid="pass-on-pending-row"][data-code="${CELL}"]`).count()).toBe(0);
    expect(await page.getByTestId('pass-on-pending-row').count()).toBeGreaterThan(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });
});
