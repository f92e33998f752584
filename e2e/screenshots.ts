// Takes the README's screenshots from the demo: `node packages/server/bin/run-ts.mjs e2e/screenshots.ts`.
import { isoDateInVietnam } from '../packages/core/src/dates.ts';
import { addDays } from '../packages/core/src/meetings/calendar.ts';
import { periodContaining } from '../packages/core/src/supervision/periods.ts';
import { DEMO_COMMUNE_CODE, DEMO_ROOT_CODE } from '../packages/server/src/seed/demo-data.ts';
import setup from '../packages/server/src/test/global-setup.ts';
import { signIn, startHarness } from './harness.ts';

const teardown = await setup();
const h = await startHarness();
const today = isoDateInVietnam(new Date());
const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
try {
  // The province's view of last month: held on time, late, not held, and the quality levels.
  const desktop = await h.page({ width: 1280, height: 820 });
  await signIn(desktop, h.url, 'admin');
  await desktop.goto(`${h.url}/overview?org=${DEMO_ROOT_CODE}&month=${lastMonth}`);
  await desktop.getByTestId('overview-summary').waitFor();
  await desktop.waitForLoadState('networkidle');
  await desktop.screenshot({ path: 'docs/screenshot.png' });
  // The secretary's home on a phone: the next meeting in a few days, what it lacks, one tap to prepare it.
  const phone = await h.page({ width: 360, height: 740 });
  await signIn(phone, h.url, 'secretary');
  await phone.getByTestId('home-secretary').waitFor();
  await phone.waitForLoadState('networkidle');
  await phone.screenshot({ path: 'docs/screenshot-phone.png' });
  // Supervision: the commune's plan for this quarter, and a visitor's visits on a phone.
  const period = periodContaining('quarter', today, 3).key;
  const commune = await h.page({ width: 1280, height: 820 });
  await signIn(commune, h.url, 'tanhoi');
  await commune.goto(`${h.url}/supervision?committee=${DEMO_COMMUNE_CODE}&period=${period}&tab=plan`);
  await commune.getByTestId('plan-make').waitFor();
  await commune.waitForLoadState('networkidle');
  await commune.screenshot({ path: 'docs/screenshot-supervision.png' });
  const visitor = await h.page({ width: 360, height: 740 });
  await signIn(visitor, h.url, 'visitor');
  await visitor.goto(`${h.url}/supervision/my-visits`);
  await visitor.getByTestId('my-visits').waitFor();
  await visitor.waitForLoadState('networkidle');
  await visitor.screenshot({ path: 'docs/screenshot-visitor.png' });
} finally {
  await h.close();
  await teardown?.();
}
