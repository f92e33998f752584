import type { Page } from 'playwright-core';
import type { Database } from '../packages/server/src/db/client.ts';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';

/** The demo account that opens a page (null: signed out). */
export type Reader = 'secretary' | 'member' | 'visitor' | 'tanhoi' | 'admin' | null;

/** Real ids of the demo for the pages with an `:id`, read from its database. */
export interface DemoIds {
  heldMeeting: number;
  adoptedMeeting: number;
  runMeeting: number;
  memberCode: string;
  visit: number;
  recommendation: number;
  registration: number;
  session: number;
  document: number;
}

async function one<T>(database: Database, label: string, text: string, params: unknown[] = []): Promise<T> {
  const [row] = await database.raw.query<{ v: T }>(text, params);
  if (row === undefined || row.v === null) throw new Error(`the demo has no ${label}`);
  return row.v;
}

export async function demoIds(
  database: Database,
  made: { runMeeting: number; session: number },
): Promise<DemoIds> {
  const cell = `(SELECT id FROM orgs WHERE code = $1)`;
  const commune = `(SELECT id FROM orgs WHERE code = $1)`;
  const meeting = (status: string) =>
    one<number>(
      database,
      `${status} meeting`,
      `SELECT id::int AS v FROM meetings WHERE org_id = ${cell} AND status = $2 ORDER BY scheduled_date DESC LIMIT 1`,
      [DEMO_SECRETARY_CELL_CODE, status],
    );
  return {
    ...made,
    heldMeeting: await meeting('held'),
    adoptedMeeting: await meeting('adopted'),
    memberCode: await one<string>(
      database,
      'member',
      `SELECT member_code AS v FROM members WHERE org_id = ${cell} ORDER BY member_code LIMIT 1`,
      [DEMO_SECRETARY_CELL_CODE],
    ),
    visit: await one<number>(
      database,
      'visit',
      `SELECT v.id::int AS v FROM visits v JOIN accounts a ON a.id = v.account_id
        WHERE a.username = 'visitor' ORDER BY v.scheduled_date DESC LIMIT 1`,
    ),
    recommendation: await one<number>(
      database,
      'recommendation',
      `SELECT id::int AS v FROM recommendations WHERE org_id = ${cell} ORDER BY id LIMIT 1`,
      [DEMO_SECRETARY_CELL_CODE],
    ),
    registration: await one<number>(
      database,
      'thematic registration',
      `SELECT id::int AS v FROM thematic_registrations WHERE org_id = ${cell} ORDER BY id LIMIT 1`,
      [DEMO_SECRETARY_CELL_CODE],
    ),
    document: await one<number>(
      database,
      'document to pass on',
      `SELECT id::int AS v FROM pass_on_documents WHERE org_id = ${commune} ORDER BY id LIMIT 1`,
      [DEMO_COMMUNE_CODE],
    ),
  };
}

/** Every route of router.tsx, with the account that reaches it. */
export function pagesOf(ids: DemoIds): { path: string; reader: Reader }[] {
  const cell = encodeURIComponent(DEMO_SECRETARY_CELL_CODE);
  return [
    { path: '/login', reader: null },
    ...[
      '/',
      '/password',
      '/orgs',
      `/orgs/${cell}`,
      '/members',
      '/members/new',
      `/members/${ids.memberCode}`,
      '/meetings',
      `/meetings/${ids.runMeeting}`,
      `/meetings/${ids.heldMeeting}`,
      `/meetings/${ids.adoptedMeeting}`,
      '/inbox',
      '/recommendations',
      `/recommendations/${ids.recommendation}`,
      '/ratings',
      '/ratings/cell',
      '/four-good',
      '/thematic',
      `/thematic/registrations/${ids.registration}`,
      '/documents',
      '/dues',
      '/no-such-page',
    ].map((path) => ({ path, reader: 'secretary' as const })),
    ...['/', `/meetings/${ids.adoptedMeeting}`, '/ratings/self', '/dues/mine'].map((path) => ({
      path,
      reader: 'member' as const,
    })),
    ...['/supervision/my-visits', `/supervision/visits/${ids.visit}`].map((path) => ({
      path,
      reader: 'visitor' as const,
    })),
    ...[
      '/',
      '/overview',
      '/supervision',
      '/reports',
      '/recommendations/dashboard',
      '/ratings/decide',
      '/ratings/summary',
      `/thematic/sessions/${ids.session}`,
      `/documents/${ids.document}`,
      '/dues/portal',
      '/dues/remittance',
    ].map((path) => ({ path, reader: 'tanhoi' as const })),
    ...[
      '/imports',
      '/accounts',
      '/audit',
      '/rule-sets',
      '/rule-sets/new',
      '/ratings/by-commune',
      '/ratings/import',
    ].map((path) => ({ path, reader: 'admin' as const })),
  ];
}

/**
 * Waits until the page's data is in: no request running, no spinner, no skeleton. A spinner that stays
 * (a preview waiting for a choice) does not hold the analysis up for more than ten seconds.
 */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(
      () =>
        document.querySelector('#root *') !== null &&
        document.querySelector('.nn-loading, .ant-spin-spinning, .ant-skeleton-active') === null,
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}
