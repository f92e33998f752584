/**
 * `npm run bench`: the minutes benchmark (score + DOCX + PDF of 1,000 meetings, BENCH_MEETINGS), then the
 * import and member-list benchmarks on PGlite (a data folder, as `npm start`) and
 * on PostgreSQL (BENCH_DATABASE_URL, or a throwaway local cluster). Writes bench/results/*.json.
 * BENCH_ROWS changes the member count (default 100,000); BENCH_SKIP_POSTGRES=1 skips PostgreSQL.
 * The rotation planner benchmark (3,000 cells, 400 visitors) runs first; BENCH_ONLY=rotation runs only it.
 * Then the demo's first start (bench/results/demo.json); BENCH_ONLY=demo stops after it.
 * Last, load figures of the server under autocannon (bench/load.ts, bench/results/load.json); BENCH_ONLY=load
 * runs only them. Then the first load of the web app in Chromium (bench/web.ts, bench/results/web.json);
 * BENCH_ONLY=web runs only it. BENCH_ONLY=province only seeds the generated province on PostgreSQL
 * (bench/province.ts, bench/results/province.json). BENCH_ONLY=cluster runs only the cluster figures
 * (bench/cluster.ts: nginx in front of 1, then 2 processes over a primary and its replica, scripts/cluster.sh;
 * bench/results/cluster.json). BENCH_ONLY=dashboard seeds the province and reads the overview and quality
 * figures at its root, roll-ups against the raw rows (bench/dashboard.ts, bench/results/dashboard.json).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCluster } from './cluster.ts';
import { benchDashboard } from './dashboard.ts';
import { benchDemo } from './demo.ts';
import {
  BENCH_ROWS,
  benchImport,
  benchImportMillion,
  type ImportFigures,
  keptMillion,
  prepareFiles,
} from './import.ts';
import { benchLoad } from './load.ts';
import { benchMemberList, type ListFigures } from './member-list.ts';
import { BENCH_MEETINGS, benchMinutes } from './minutes.ts';
import { withBenchDatabase } from './pg.ts';
import { withProvinceDatabase } from './province.ts';
import { benchRotation } from './rotation.ts';
import { writeWebFigures } from './web.ts';

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const work = mkdtempSync(path.join(tmpdir(), 'nennep-bench-'));

async function main() {
  const log = (text: string) => process.stderr.write(`${text}\n`);
  if (process.env.BENCH_ONLY === 'load') {
    await benchLoad(path.join(work, 'load'), log);
    return;
  }
  if (process.env.BENCH_ONLY === 'import-million') {
    // A million members from .xlsx on PostgreSQL: the `million` entry of bench/results/import.json.
    const million = await benchImportMillion(work, log);
    console.log(`bench/results/import.json (million)\n${JSON.stringify(million, null, 2)}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'province') {
    log('Province: seed-demo --scale province on PostgreSQL…');
    const provinceJson = await withProvinceDatabase(async (_url, figures) => figures, log);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'province.json'), `${JSON.stringify(provinceJson, null, 2)}\n`);
    console.log(`bench/results/province.json\n${JSON.stringify(provinceJson, null, 2)}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'dashboard') {
    // The overview and quality figures at the province root: roll-ups against the raw rows (bench/dashboard.ts).
    const dashboardJson = await withProvinceDatabase((url) => benchDashboard(url, log), log);
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'dashboard.json'), `${JSON.stringify(dashboardJson, null, 2)}\n`);
    console.log(`bench/results/dashboard.json\n${JSON.stringify(dashboardJson, null, 2)}`);
    return;
  }
  if (process.env.BENCH_ONLY === 'cluster') {
    // nginx → 1 and 2 processes over a primary and its replica (bench/cluster.ts, bench/results/cluster.json).
    await benchCluster(log);
    return;
  }
  if (process.env.BENCH_ONLY === 'web') {
    await writeWebFigures(log);
    return;
  }
  log('Rotation planner: 3,000 cells, 400 visitors…');
  const rotationJson = benchRotation();
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'rotation.json'), `${JSON.stringify(rotationJson, null, 2)}\n`);
  log(
    `Rotation planner: ${rotationJson.ms} ms (median of ${rotationJson.runs}), covered ${rotationJson.covered}/${rotationJson.cells}, max load ${rotationJson.maxLoad} (bound ${rotationJson.lowerBound}), repeats ${rotationJson.repeats}`,
  );
  console.log(`bench/results/rotation.json\n${JSON.stringify(rotationJson, null, 2)}`);
  if (process.env.BENCH_ONLY === 'rotation') return;

  log('Demo: first start on PGlite (migrate, seed the year, fingerprints)…');
  const demoJson = await benchDemo(path.join(work, 'demo'));
  writeFileSync(path.join(RESULTS, 'demo.json'), `${JSON.stringify(demoJson, null, 2)}\n`);
  console.log(`bench/results/demo.json\n${JSON.stringify(demoJson, null, 2)}`);
  if (process.env.BENCH_ONLY === 'demo') return;

  log(`Minutes: score, DOCX and PDF of ${BENCH_MEETINGS.toLocaleString('en')} meetings…`);
  const minutesJson = await benchMinutes();
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'minutes.json'), `${JSON.stringify(minutesJson, null, 2)}\n`);
  console.log(`bench/results/minutes.json\n${JSON.stringify(minutesJson, null, 2)}`);

  log(`Preparing ${BENCH_ROWS.toLocaleString('en')} members as .xlsx…`);
  const files = await prepareFiles(work);

  const importJson: {
    rows: number;
    pglite: ImportFigures | null;
    postgres: ImportFigures | null;
    note?: string;
    million?: ReturnType<typeof keptMillion>;
  } = {
    rows: BENCH_ROWS,
    pglite: null,
    postgres: null,
    // Measured apart (BENCH_ONLY=import-million): kept as last measured.
    million: keptMillion(),
  };
  const listJson: { members: number; pglite: ListFigures | null; postgres: ListFigures | null } = {
    members: BENCH_ROWS,
    pglite: null,
    postgres: null,
  };

  log('PGlite: COPY and import…');
  const pgliteTarget = { driver: 'pglite' as const, dir: path.join(work, 'pglite') };
  importJson.pglite = await benchImport(pgliteTarget, files);
  log('PGlite: member list…');
  const { members, ...pgliteList } = await benchMemberList(pgliteTarget);
  listJson.members = members;
  listJson.pglite = pgliteList;

  if (process.env.BENCH_SKIP_POSTGRES !== '1') {
    log('PostgreSQL: starting…');
    await withBenchDatabase('nennep_bench', async (url) => {
      const target = { driver: 'postgres' as const, url };
      log('PostgreSQL: COPY and import…');
      importJson.postgres = await benchImport(target, files);
      log('PostgreSQL: member list…');
      const { members: _count, ...postgresList } = await benchMemberList(target);
      listJson.postgres = postgresList;
    });
  } else {
    importJson.note = 'PostgreSQL skipped (BENCH_SKIP_POSTGRES=1)';
  }

  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'import.json'), `${JSON.stringify(importJson, null, 2)}\n`);
  writeFileSync(path.join(RESULTS, 'member-list.json'), `${JSON.stringify(listJson, null, 2)}\n`);
  console.log(`bench/results/import.json\n${JSON.stringify(importJson, null, 2)}`);
  console.log(`bench/results/member-list.json\n${JSON.stringify(listJson, null, 2)}`);

  await benchLoad(path.join(work, 'load'), log);

  // The first load of the web app in Chromium (bench/web.ts, bench/results/web.json).
  await writeWebFigures(log);

  // Past one machine: nginx in front of 1, then 2 processes over a primary and its replica (bench/cluster.ts).
  await benchCluster(log);
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
