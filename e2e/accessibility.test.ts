import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { quarterOf } from '../packages/core/src/thematic/rules.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { type DemoIds, demoIds, pagesOf, type Reader, settle } from './a11y-pages.ts';
import { apiSession, type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * Issue 18 item 3, readable and operable: axe (WCAG 2.1 A and AA) over every page of router.tsx at
 * 360 × 740 in both languages, touch targets of at least 44 px on the meeting run screen, and the run
 * screen and the visit page at 200 % zoom (the viewport halved) without a sideways scroll.
 */
let h: Harness;
let ids: DemoIds;
const RUN_TABS = ['prepare', 'attendance', 'conduct', 'votes', 'score', 'minutes'] as const;

interface Finding {
  page: string;
  rule: string;
  impact: string;
  targets: string[];
}

async function analyse(page: Page, label: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: label,
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

const report = (findings: Finding[]) =>
  findings.map((f) => `${f.page}: ${f.rule} (${f.impact}) at ${f.targets.join(' | ')}`);

/** A page of the given locale and size, signed in as the reader (none: signed out). */
async function pageAs(reader: Reader, locale: 'vi' | 'en', width = 360, height = 740) {
  const page = await h.page({ width, height, locale });
  if (reader) await signIn(page, h.url, reader);
  return page;
}

async function open(page: Page, path: string) {
  await page.goto(`${h.url}${path}`);
  await settle(page);
}

beforeAll(async () => {
  h = await startHarness();
  const today = isoDateInVietnam(new Date());
  const secretary = await apiSession(h.url, 'secretary');
  const body = { orgCode: DEMO_SECRETARY_CELL_CODE, date: today, startTime: '06:30' };
  let created = await secretary.call<{ id: number }>('POST', '/api/meetings', { ...body, kind: 'model' });
  if (created.status === 409)
    created = await secretary.call<{ id: number }>('POST', '/api/meetings', {
      ...body,
      kind: 'extraordinary',
    });
  expect(created.status, JSON.stringify(created.data)).toBe(201);
  await secretary.ok('POST', `/api/meetings/${created.data.id}/start`, { at: new Date().toISOString() });
  const member = await apiSession(h.url, 'member');
  const presenter = (member.me as { memberCode?: string | null }).memberCode;
  if (!presenter) throw new Error('the demo member has no member code');
  const committee = await apiSession(h.url, 'tanhoi');
  const session = await committee.ok<{ id: number }>('POST', '/api/thematic/sessions', {
    committeeCode: DEMO_COMMUNE_CODE,
    title: 'Hội nghị sinh hoạt chuyên đề toàn Đảng bộ',
    date: today,
    time: '07:30',
    place: 'Hội trường Đảng ủy xã',
    year: Number(today.slice(0, 4)),
    quarter: quarterOf(today),
    papers: [
      { orgCode: DEMO_SECRETARY_CELL_CODE, title: 'Thực hành tiết kiệm ở thôn', presenterCodes: [presenter] },
    ],
  });
  ids = await demoIds(h.database, { runMeeting: created.data.id, session: session.id });
}, 400_000);
afterAll(() => h?.close());

describe('axe finds no serious or critical fault', () => {
  for (const locale of ['vi', 'en'] as const) {
    it(`on any page of the router at 360 × 740 (${locale})`, async () => {
      const findings: Finding[] = [];
      const pages = pagesOf(ids);
      for (const reader of [null, 'secretary', 'member', 'visitor', 'tanhoi', 'admin'] as const) {
        const page = await pageAs(reader, locale);
        for (const { path } of pages.filter((p) => p.reader === reader)) {
          await open(page, path);
          findings.push(...(await analyse(page, `${reader ?? 'signed out'} ${path}`)));
        }
        await page.context().close();
      }
      expect(report(findings)).toEqual([]);
    }, 420_000);

    it(`on every step of the run screen with its opinion and vote forms (${locale})`, async () => {
      const page = await pageAs('secretary', locale);
      const findings: Finding[] = [];
      for (const tab of RUN_TABS) {
        await open(page, `/meetings/${ids.runMeeting}?tab=${tab}`);
        await page.getByTestId(`meeting-panel-${tab}`).waitFor();
        if (tab === 'conduct') await page.getByTestId('opinion-form').waitFor();
        if (tab === 'votes') await page.getByTestId('vote-form').waitFor();
        findings.push(...(await analyse(page, `run screen ${tab}`)));
      }
      await page.context().close();
      expect(report(findings)).toEqual([]);
    }, 120_000);
  }
});

/** Visible controls smaller than 44 × 44 px (inline links in running text are exempt, WCAG 2.5.8). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      '[role="button"]',
      '[role="tab"]',
      '[role="checkbox"]',
      '[role="radio"]',
      '[role="switch"]',
    ].join(', ');
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      // The part one taps: antd hides the real checkbox, radio and select input inside a larger box.
      const target =
        element.closest<HTMLElement>(
          '.ant-checkbox-wrapper, .ant-radio-wrapper, .ant-radio-button-wrapper, .ant-select, .ant-input-number, .ant-picker, .ant-input-affix-wrapper',
        ) ?? element;
      const box = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      // A visually hidden file input is reached through its button, which is measured on its own.
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0')
        continue;
      if (element.tagName === 'A') {
        const block = element.closest('p, li, .ant-typography, .ant-alert-description');
        if (block && (block.textContent ?? '').trim().length > (element.textContent ?? '').trim().length)
          continue;
      }
      if (box.height < 43.5 || box.width < 43.5) {
        const id = element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? '';
        small.push(
          `${element.tagName.toLowerCase()}${id ? `[${id}]` : ''} "${(target.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  });
}

describe('the run screen on a phone', () => {
  it('offers touch targets of at least 44 × 44 px on every step', async () => {
    const page = await pageAs('secretary', 'vi');
    const small: string[] = [];
    for (const tab of RUN_TABS) {
      await open(page, `/meetings/${ids.runMeeting}?tab=${tab}`);
      await page.getByTestId(`meeting-panel-${tab}`).waitFor();
      small.push(...(await smallTargets(page)).map((s) => `${tab}: ${s}`));
    }
    await page.context().close();
    expect(small).toEqual([]);
  }, 120_000);

  it('names every step and every control for a screen reader', async () => {
    const page = await pageAs('secretary', 'en');
    await open(page, `/meetings/${ids.runMeeting}?tab=conduct`);
    const tabs = page.getByRole('tab');
    expect(await tabs.count()).toBe(RUN_TABS.length);
    for (const name of ['Prepare', 'Roll call', 'Proceedings', 'Votes', 'Score', 'Minutes'])
      expect(await page.getByRole('tab', { name }).count(), name).toBe(1);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toContain('Proceedings');
    // Every control has a name a screen reader can say.
    const unnamed = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'button, a[href], [role="combobox"], input:not([type="hidden"]), textarea',
        ),
      ]
        // antd's measuring copy of an auto-sized textarea is hidden from screen readers.
        .filter((el) => !el.closest('[aria-hidden="true"]'))
        .filter(
          (el) =>
            !(
              el.getAttribute('aria-label') ||
              el.getAttribute('aria-labelledby') ||
              el.getAttribute('title') ||
              (el instanceof HTMLInputElement && el.labels?.length) ||
              (el instanceof HTMLTextAreaElement && el.labels?.length) ||
              el.textContent?.trim()
            ),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
    await page.context().close();
  }, 60_000);
});

describe('text at 200 % (the viewport halved to 180 × 370)', () => {
  it('keeps the run screen without a sideways scroll, its actions in reach', async () => {
    const page = await pageAs('secretary', 'vi', 180, 370);
    for (const tab of RUN_TABS) {
      await open(page, `/meetings/${ids.runMeeting}?tab=${tab}`);
      await page.getByTestId(`meeting-panel-${tab}`).waitFor();
      expect(await overflowX(page), tab).toBeLessThanOrEqual(0);
    }
    await open(page, `/meetings/${ids.runMeeting}?tab=conduct`);
    for (const testId of ['meeting-tab-votes', 'opinion-speaker', 'opinion-text', 'opinion-submit']) {
      const control = page.getByTestId(testId);
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      expect(box, testId).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 180, testId).toBe(true);
    }
    await page.context().close();
  }, 120_000);

  it('keeps the visitor’s visit page without a sideways scroll', async () => {
    const page = await pageAs('visitor', 'vi', 180, 370);
    await open(page, `/supervision/visits/${ids.visit}`);
    await page.getByTestId('visit-header').waitFor();
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const header = await page.getByTestId('visit-header').boundingBox();
    expect(header && header.x >= 0 && header.x + header.width <= 180).toBe(true);
    await page.context().close();
  }, 60_000);
});
