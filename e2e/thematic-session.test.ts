import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { quarterOf } from '../packages/core/src/thematic/rules.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { apiSession, type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * The committee-wide thematic session on a 360 × 740 phone (seed 004; issue 17 item 1; domain.md §6): the
 * commune's committee holds a session with a paper assigned to a cell, writes its draft resolution and sends
 * it for comments; a member of the cell comments on it from a phone; the committee issues it, and it reaches
 * the cell as a document to pass on. No page scrolls sideways.
 */
let h: Harness;
const TODAY = isoDateInVietnam(new Date());
const YEAR = Number(TODAY.slice(0, 4));
const CELL = DEMO_SECRETARY_CELL_CODE;
const DRAFT =
  'Dự thảo nghị quyết: mỗi chi bộ xây dựng kế hoạch thực hành tiết kiệm, báo cáo kết quả hằng quý.';
const COMMENT = 'Đề nghị bổ sung chỉ tiêu tiết kiệm điện ở nhà văn hóa thôn.';
let sessionUrl = '';
let passOnBy = '';

beforeAll(async () => {
  h = await startHarness();
  const committee = await apiSession(h.url, 'tanhoi');
  const member = await apiSession(h.url, 'member');
  const presenter = (member.me as { memberCode?: string | null }).memberCode;
  if (!presenter) throw new Error('the demo member has no member code');
  const last = new Date(Date.UTC(YEAR, quarterOf(TODAY) * 3, 0)).toISOString().slice(0, 10);
  passOnBy = last;
  const session = await committee.ok<{ id: number }>('POST', '/api/thematic/sessions', {
    committeeCode: DEMO_COMMUNE_CODE,
    title: 'Hội nghị sinh hoạt chuyên đề toàn Đảng bộ',
    date: TODAY,
    time: '07:30',
    place: 'Hội trường Đảng ủy xã',
    year: YEAR,
    quarter: quarterOf(TODAY),
    papers: [{ orgCode: CELL, title: 'Thực hành tiết kiệm ở thôn', presenterCodes: [presenter] }],
  });
  sessionUrl = `${h.url}/thematic/sessions/${session.id}`;
});
afterAll(() => h?.close());

describe('the committee-wide thematic session, on a phone', () => {
  it('the committee sees each cell’s paper, writes the draft resolution and sends it for comments', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.goto(sessionUrl);
    await page.locator(`[data-testid="session-paper"][data-org="${CELL}"][data-status="assigned"]`).waitFor();
    // "Ban hành" is shown disabled, saying why, until the latest draft is sent for comments.
    const blocked = (reason: string) =>
      page.locator(`[data-testid="session-issue-blocked"][data-reason="${reason}"]`);
    await blocked('no_draft').waitFor();
    expect(await page.getByTestId('session-issue').isDisabled()).toBe(true);
    await page.getByTestId('session-draft-text').fill(DRAFT);
    await page.getByTestId('session-draft-save').click();
    await page.locator('[data-testid="session-draft-version"][data-version="1"]').waitFor();
    await blocked('not_shared').waitFor();
    expect(await page.getByTestId('session-issue').isDisabled()).toBe(true);
    await page.getByTestId('session-draft-share').click();
    await page.getByTestId('session-draft-share-ok').click();
    await page.locator('[data-testid="session-status"][data-status="consulting"]').waitFor();
    await page.getByTestId('session-issue-blocked').waitFor({ state: 'detached' });
    expect(await page.getByTestId('session-issue').isDisabled()).toBe(false);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('a member of a cell reads the draft and comments on it', async () => {
    const page = await h.page();
    const member = await apiSession(h.url, 'member');
    await signIn(page, h.url, 'member');
    await page.goto(sessionUrl);
    expect(await page.getByTestId('session-draft').textContent()).toBe(DRAFT);
    expect(await page.getByTestId('session-draft-save').count()).toBe(0);
    await page.getByTestId('session-comment-text').fill(COMMENT);
    await page.getByTestId('session-comment-send').click();
    const comment = page.getByTestId('session-comment').filter({ hasText: COMMENT });
    await comment.waitFor();
    expect(await comment.textContent()).toContain(member.me.displayName);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('the committee issues it, and the cell has it to pass on', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'tanhoi');
    await page.goto(sessionUrl);
    await page.getByTestId('session-issue-number').fill('05-NQ/ĐU');
    await page.getByTestId('session-issue-signer-title').fill('Bí thư');
    await page.getByTestId('session-issue-signer-name').fill('Nguyễn Văn Bình');
    await page.getByTestId('session-issue-pass-on-by').fill(passOnBy);
    await page.getByTestId('session-issue').click();
    await page.getByTestId('session-issue-ok').click();
    await page.getByTestId('session-issued').waitFor();
    await page.locator('[data-testid="session-status"][data-status="issued"]').waitFor();
    expect(await page.getByTestId('session-draft-text').count()).toBe(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    const secretary = await apiSession(h.url, 'secretary');
    const docs = await secretary.ok<{ items: { number: string }[] }>(
      'GET',
      `/api/documents-to-pass-on?org=${encodeURIComponent(CELL)}`,
    );
    expect(docs.items.map((d) => d.number)).toContain('05-NQ/ĐU');
  });
});
