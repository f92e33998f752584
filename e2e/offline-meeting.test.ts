import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { FULL_MANUAL_SCORES } from '../packages/server/src/test/factories.ts';
import { type ApiSession, apiSession, chooseOption, type Harness, signIn, startHarness } from './harness.ts';

/**
 * Issue 18's acceptance: the Cần Thơ model meeting run on a 360 × 740 phone whose network drops in the
 * middle. The roll call, five opinions, a vote and a task are entered offline; a reload offline still shows
 * them; back online each arrives once, in order. Then a second device adopts the minutes while two more
 * opinions wait on the phone: they come back refused, with the reason, and none is recorded.
 */
let h: Harness;
let page: Page;
let context: BrowserContext;
let device2: ApiSession;
let meetingId: number;

interface Line {
  memberCode: string;
  fullName: string;
  memberStatus: string;
  status: string;
  reason: string | null;
  suspended: boolean;
  attachedHere: boolean;
}
interface Detail {
  status: string;
  record: {
    rollCall: Line[];
    opinions: { summary: string; memberCode: string | null }[];
    votes: { text: string; for: number }[];
    tasks: { text: string }[];
  };
}
let roll: Line[];

const detail = () => device2.ok<Detail>('GET', `/api/meetings/${meetingId}`);
const opinionText = (i: number, name: string) => `Ý kiến ngoại tuyến số ${i} của đồng chí ${name}.`;

async function tab(name: string) {
  await page.getByTestId(`meeting-tab-${name}`).click();
  await page.getByTestId(`meeting-panel-${name}`).waitFor();
}

async function enterOpinion(i: number, speaker: Line) {
  await chooseOption(page, 'opinion-speaker', speaker.fullName, true);
  await page.getByTestId('opinion-text').fill(opinionText(i, speaker.fullName));
  await page.getByTestId('opinion-submit').click();
  // The form is ready again at once: the opinion waits on the device.
  await page
    .locator(`[data-testid="opinion"][data-unsent]`)
    .filter({ hasText: `số ${i} ` })
    .waitFor();
  await expect.poll(() => page.getByTestId('opinion-text').inputValue()).toBe('');
}

beforeAll(async () => {
  h = await startHarness();
  page = await h.page({ width: 360, height: 740 });
  context = page.context();
  await signIn(page, h.url, 'secretary');
  device2 = await apiSession(h.url, 'secretary');
  const created = await device2.ok<{ id: number }>('POST', '/api/meetings', {
    orgCode: DEMO_SECRETARY_CELL_CODE,
    kind: 'model',
    date: isoDateInVietnam(new Date()),
    startTime: '06:30',
    place: 'Hội trường nhà văn hóa thôn Thượng Hội',
  });
  meetingId = created.id;
  roll = (await detail()).record.rollCall;
  const official = roll.filter((l) => l.memberStatus === 'official');
  await device2.ok('PATCH', `/api/meetings/${meetingId}`, {
    chairMemberCode: official[0]?.memberCode,
    minuteTakerMemberCode: official[1]?.memberCode,
  });
});
afterAll(() => h?.close());

describe('a meeting run on a phone whose network drops', () => {
  it('opens the meeting online, under the service worker, and starts it', async () => {
    await page.goto(`${h.url}/meetings/${meetingId}?tab=conduct`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // Once more, so that the service worker controls the page (and its code is in its cache).
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByTestId('clock-start').click();
    await page.getByTestId('clock-end').waitFor();
    await page.getByTestId('offline-sent').waitFor();
    await expect.poll(async () => (await detail()).status).toBe('in_progress');
    // The started meeting (read again once the start was sent) is the copy kept on the device.
    await page.waitForLoadState('networkidle');
  });

  it('takes the roll call, five opinions, a vote and a task without a network', async () => {
    await context.setOffline(true);
    await page.getByTestId('offline-offline').waitFor();
    await page.getByTestId('meeting-offline-note').waitFor();

    await tab('attendance');
    const row = (line: Line) =>
      page.locator(`[data-testid="attendance-row"][data-code="${line.memberCode}"]`);
    for (const line of roll.slice(0, 3)) {
      await row(line).getByTestId('attendance-present').click();
      await row(line).and(page.locator('[data-unsent]')).waitFor();
    }
    const absent = roll[3] as Line;
    await row(absent).getByTestId('attendance-absent_excused').click();
    await page.getByTestId('attendance-reason').fill('Đi công tác tỉnh');
    await page.getByTestId('reason-ok').click();
    await row(absent).and(page.locator('[data-unsent]')).waitFor();
    expect(await row(absent).getAttribute('data-status')).toBe('absent_excused');

    await tab('conduct');
    for (let i = 1; i <= 5; i++) await enterOpinion(i, roll[(i - 1) % 3] as Line);

    await tab('votes');
    await page.getByTestId('vote-text').fill('Nghị quyết tháng 12 năm 2026 (ghi khi mất mạng)');
    await page.getByTestId('vote-submit').click();
    await page.locator('[data-testid="vote-row"][data-unsent]').waitFor();

    await tab('conduct');
    await page.getByTestId('task-text').fill('Thăm hỏi hộ gia đình chính sách trước Tết');
    await page.getByTestId('task-submit').click();
    await page.locator('[data-testid="task-row"][data-unsent]').waitFor();

    // 4 marks + 5 opinions + 1 vote + 1 task, all kept on the device; nothing reached the server.
    expect(await page.getByTestId('offline-pending').textContent()).toContain('11');
    const server = await detail();
    expect(server.record.opinions).toHaveLength(0);
    expect(server.record.votes).toHaveLength(0);
    expect(server.record.tasks).toHaveLength(0);
  });

  it('still shows them after a reload without a network', async () => {
    await page.reload();
    await page.getByTestId('meeting-title').waitFor();
    await page.getByTestId('offline-pending').waitFor();
    expect(await page.getByTestId('offline-pending').textContent()).toContain('11');
    await tab('conduct');
    await expect.poll(() => page.locator('[data-testid="opinion"][data-unsent]').count()).toBe(5);
    expect(await page.locator('[data-testid="task-row"][data-unsent]').count()).toBe(1);
    await tab('votes');
    expect(await page.locator('[data-testid="vote-row"][data-unsent]').count()).toBe(1);
    await tab('attendance');
    const absent = roll[3] as Line;
    const row = page.locator(`[data-testid="attendance-row"][data-code="${absent.memberCode}"]`);
    expect(await row.getAttribute('data-status')).toBe('absent_excused');
    expect(await row.getAttribute('data-unsent')).not.toBeNull();
  });

  it('sends everything once, in order, when the network returns', async () => {
    await context.setOffline(false);
    await page.getByTestId('offline-sent').waitFor({ timeout: 60_000 });
    const server = await detail();
    expect(server.record.opinions.map((o) => o.summary)).toEqual(
      [1, 2, 3, 4, 5].map((i) => opinionText(i, (roll[(i - 1) % 3] as Line).fullName)),
    );
    expect(server.record.votes.map((v) => v.text)).toEqual([
      'Nghị quyết tháng 12 năm 2026 (ghi khi mất mạng)',
    ]);
    expect(server.record.tasks.map((t) => t.text)).toEqual(['Thăm hỏi hộ gia đình chính sách trước Tết']);
    const marks = new Map(server.record.rollCall.map((l) => [l.memberCode, l]));
    for (const line of roll.slice(0, 3)) expect(marks.get(line.memberCode)?.status).toBe('present');
    expect(marks.get((roll[3] as Line).memberCode)).toMatchObject({
      status: 'absent_excused',
      reason: 'Đi công tác tỉnh',
    });
    // The page now shows the server's rows: none is left marked as not sent, none is doubled.
    await tab('conduct');
    await expect.poll(() => page.locator('[data-unsent]').count()).toBe(0);
    expect(await page.getByTestId('opinion').count()).toBe(5);
  });

  it('shows as refused, with the reason, what waited while another device adopted the minutes', async () => {
    await context.setOffline(true);
    await page.getByTestId('offline-offline').waitFor();
    await enterOpinion(6, roll[4] as Line);
    await enterOpinion(7, roll[5] as Line);

    // The second device closes the meeting and adopts the minutes meanwhile.
    await device2.ok('POST', `/api/meetings/${meetingId}/end`, {});
    await device2.ok('PUT', `/api/meetings/${meetingId}/manual-scores`, FULL_MANUAL_SCORES);
    const lines = (await detail()).record.rollCall;
    const voters = lines.filter(
      (l) => l.memberStatus === 'official' && l.status === 'present' && !l.suspended && !l.attachedHere,
    ).length;
    await device2.ok('POST', `/api/meetings/${meetingId}/adopt`, { for: voters, against: 0, abstain: 0 });

    await context.setOffline(false);
    const refused = page.getByTestId('offline-refused').locator('li');
    await expect.poll(() => refused.count(), { timeout: 60_000 }).toBe(2);
    for (const item of await refused.all()) {
      expect(await item.textContent()).toContain('Biên bản đã được thông qua');
    }
    const server = await detail();
    expect(server.status).toBe('adopted');
    expect(server.record.opinions).toHaveLength(5);
    expect(
      server.record.opinions.some((o) => o.summary.includes('số 6 ') || o.summary.includes('số 7 ')),
    ).toBe(false);
  });
});
