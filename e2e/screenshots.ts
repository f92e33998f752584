// Takes the README's screenshots from the demo: `node packages/server/bin/run-ts.mjs e2e/screenshots.ts`.
import { signIn, startHarness } from './harness.ts';

const h = await startHarness();
try {
  const desktop = await h.page({ width: 1280, height: 820 });
  await signIn(desktop, h.url, 'admin');
  await desktop.goto(`${h.url}/orgs/DP.TANHOI`);
  await desktop.getByTestId('stat-members-total').first().waitFor();
  await desktop.waitForLoadState('networkidle');
  await desktop.screenshot({ path: 'docs/screenshot.png' });
  const phone = await h.page({ width: 360, height: 740 });
  await signIn(phone, h.url, 'secretary');
  await phone.goto(`${h.url}/members`);
  await phone.getByTestId('member-row').first().waitFor();
  await phone.screenshot({ path: 'docs/screenshot-phone.png' });
  // Supervision: the district's plan for the coming quarter, and a visitor's visits on a phone.
  const period = (
    await h.database.raw.query<{ key: string }>('SELECT period_key AS key FROM visit_plans LIMIT 1')
  )[0]?.key;
  const committee = await h.page({ width: 1280, height: 820 });
  await signIn(committee, h.url, 'committee');
  await committee.goto(`${h.url}/supervision?committee=DP&period=${period}&tab=plan`);
  await committee.getByTestId('plan-make').waitFor();
  await committee.waitForLoadState('networkidle');
  await committee.screenshot({ path: 'docs/screenshot-supervision.png' });
  const visitor = await h.page({ width: 360, height: 740 });
  await signIn(visitor, h.url, 'visitor');
  await visitor.goto(`${h.url}/supervision/my-visits`);
  await visitor.getByTestId('my-visits').waitFor();
  await visitor.waitForLoadState('networkidle');
  await visitor.screenshot({ path: 'docs/screenshot-visitor.png' });
} finally {
  await h.close();
}
