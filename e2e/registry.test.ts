import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_COMMUNE_CODE,
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
} from '../packages/server/src/seed/demo-data.ts';
import { type Harness, overflowX, signIn, startHarness } from './harness.ts';

/**
 * The registry as a committee's staff uses it on a phone (360 × 740): sign in, browse the tree, find a
 * member without typing accents, import a file with errors and see them, import a good one and see the
 * counts change.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const statValue = async (page: Awaited<ReturnType<Harness['page']>>, id: string) =>
  Number(await page.getByTestId(id).first().getAttribute('data-value'));

describe('registry in the browser, 360 px wide', () => {
  it('signs in, browses the tree and opens a commune with its statistics', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'admin');
    await page.goto(`${h.url}/orgs`);
    const root = page.locator(`[data-testid="org-node"][data-code="${DEMO_ROOT_CODE}"]`);
    await root.waitFor();
    expect(await root.textContent()).toContain('5.600');
    await page.locator('.ant-tree-switcher').first().click();
    const commune = page.locator(`[data-testid="org-node"][data-code="${DEMO_COMMUNE_CODE}"]`);
    await commune.waitFor();
    await commune.getByRole('link').click();
    await page.waitForURL(new RegExp(`/orgs/${DEMO_COMMUNE_CODE.replace('.', '\\.')}$`));
    await page.getByTestId('stat-members-total').first().waitFor();
    const api = await page.evaluate(
      async (code) => (await fetch(`/api/orgs/${code}/stats`)).json(),
      DEMO_COMMUNE_CODE,
    );
    expect(await statValue(page, 'stat-members-total')).toBe(api.members.total);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('finds a member from an unaccented name', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'admin');
    await page.goto(`${h.url}/members`);
    await page.getByTestId('member-search').fill('nguyen van duc');
    await page.getByTestId('member-search').press('Enter');
    await page.getByTestId('member-row').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="member-row"]')].every((row) =>
        row.textContent?.includes('Nguyễn Văn Đức'),
      ),
    );
    expect(await page.getByTestId('member-row').count()).toBeGreaterThan(0);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
  });

  it('lists every error of a bad file and writes nothing; a good file changes the counts', async () => {
    const page = await h.page();
    await signIn(page, h.url, 'admin');
    const stats = (code: string) =>
      page.evaluate(async (c) => (await fetch(`/api/orgs/${c}/stats`)).json(), code);
    const before = await stats(DEMO_ROOT_CODE);
    await page.goto(`${h.url}/imports`);
    await page.getByRole('tab', { name: 'Đảng viên' }).click();
    const header =
      'Mã đảng viên,Họ và tên,Giới tính,Ngày sinh,Mã chi bộ,Trạng thái,Ngày vào Đảng,Ngày chính thức,Chức vụ,Số thẻ đảng viên,Miễn sinh hoạt từ,Ghi chú';
    const bad = [
      header,
      'E2E001,Nguyễn Văn Thử,Nam,15/03/1975,KHONGCO,Chính thức,19/05/2000,19/05/2001,Đảng viên,,,',
      `E2E002,Trần Thị Lỗi,Nữ,01/01/1980,${DEMO_SECRETARY_CELL_CODE},Chính thức,32/01/2020,,Đảng viên,,,`,
      `E2E003,Lê Văn Sai,Nam,01/01/1980,${DEMO_COMMUNE_CODE},Dự bị,01/02/2026,,Đảng viên,,,`,
    ].join('\r\n');
    const panel = page.getByRole('tabpanel', { name: 'Đảng viên' });
    await panel.getByTestId('import-file').setInputFiles({
      name: 'sai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${bad}\r\n`, 'utf8'),
    });
    const errors = panel.getByTestId('import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    for (const row of ['2', '3', '4']) expect(text).toContain(row);
    expect(text).toContain('KHONGCO');
    expect(await panel.getByTestId('import-commit').isDisabled()).toBe(true);
    const unchanged = await stats(DEMO_ROOT_CODE);
    expect(unchanged).toEqual(before);

    const good = [
      header,
      `E2E101,Nguyễn Thị Mới,Nữ,15/03/1990,${DEMO_SECRETARY_CELL_CODE},Dự bị,01/02/2026,,Đảng viên,,,`,
      `E2E102,Phạm Văn Mới,Nam,20/10/1985,${DEMO_SECRETARY_CELL_CODE},Chính thức,03/02/2010,03/02/2011,Đảng viên,12345678,,`,
    ].join('\n');
    await panel.getByTestId('import-file').setInputFiles({
      name: 'dung.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(good, 'utf8'),
    });
    await panel.getByTestId('import-preview').waitFor();
    await panel.getByTestId('import-commit').click();
    const result = panel.getByTestId('import-result');
    await result.waitFor();
    expect(await result.getAttribute('data-created')).toBe('2');

    await page.goto(`${h.url}/orgs/${DEMO_ROOT_CODE}`);
    await page.getByTestId('stat-members-total').first().waitFor();
    expect(await statValue(page, 'stat-members-total')).toBe(before.members.total + 2);
    expect(await statValue(page, 'stat-members-probationary')).toBe(before.members.probationary + 1);
  });
});

describe('every page at 360 px, in Vietnamese and in English', () => {
  const pages = [
    '/',
    '/orgs',
    `/orgs/${DEMO_COMMUNE_CODE}`,
    '/members',
    '/members/new',
    '/imports',
    '/accounts',
    '/audit',
    '/password',
    '/meetings',
    '/overview',
    '/inbox',
    '/rule-sets',
  ];
  for (const locale of ['vi', 'en'] as const) {
    it(`fits the screen and speaks ${locale === 'vi' ? 'Vietnamese' : 'English'}`, async () => {
      const page = await h.page({ locale });
      await signIn(page, h.url, 'admin');
      const memberCode = await page.evaluate(
        async (code) =>
          (await (await fetch(`/api/members?org=${code}`)).json()).items[0].memberCode as string,
        DEMO_SECRETARY_CELL_CODE,
      );
      for (const path of [...pages, `/members/${memberCode}`]) {
        await page.goto(`${h.url}${path}`);
        await page.locator('main h1, main h2, main h3, .ant-typography').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await overflowX(page), `${path} overflows at 360 px`).toBeLessThanOrEqual(0);
        const body = (await page.locator('body').textContent()) ?? '';
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        if (locale === 'vi')
          expect(body, path).toMatch(/Đảng|Tổ chức|Tài khoản|Nhật ký|Mật khẩu|Sinh hoạt|Thông báo|Quy định/);
        else
          expect(body, path).toMatch(/member|organisation|account|audit|password|home|meeting|inbox|rule/i);
      }
    });
  }
});
