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
} finally {
  await h.close();
}
