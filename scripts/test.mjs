// `npm test`: every test — core rules, API against a real database, browser tests in Chromium.
// On PGlite by default; on PostgreSQL when TEST_DATABASE_URL is set (.ci/run does both).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1' };
const projects = ['core', 'web', 'server'];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (process.env.TEST_DATABASE_URL) {
  // The browser tests run on the embedded database only; the API suite covers PostgreSQL.
} else if (existsSync(chromium)) {
  const build = spawnSync('node', ['scripts/ensure-web.mjs'], { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
  projects.push('e2e');
} else {
  console.error(
    `\nKhông có Chromium (${chromium}): bỏ qua kiểm thử trình duyệt. Cài: apt-get install chromium (hoặc chạy .ci/run).\n` +
      `No Chromium at ${chromium}: browser tests not run. Install it with apt-get install chromium, or run .ci/run.\n`,
  );
  if (process.env.CI) process.exit(1);
}
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...process.argv.slice(2)];
const result = spawnSync('npx', args, { stdio: 'inherit', env });
process.exit(result.status ?? 1);
