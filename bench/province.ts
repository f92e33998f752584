/**
 * The generated province (`seed-demo --scale province`) on a throwaway PostgreSQL: how long the seed takes,
 * what it wrote, the database's size. `withProvinceDatabase(fn)` keeps the seeded database for the
 * duration of `fn` (the dashboard benchmark reads it); `PROVINCE_DATABASE_URL` names one already seeded
 * (nothing is seeded then), `BENCH_PROVINCE_CELLS` shrinks the province (`--cells N`).
 */
import { loadavg } from 'node:os';
import { openPostgres } from '../packages/server/src/db/client.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { SCALE_DEFAULT_SEED } from '../packages/server/src/seed/scale/cli.ts';
import { seedScale } from '../packages/server/src/seed/scale/seed-scale.ts';
import { PROVINCE_SCALE, scaleForCells } from '../packages/server/src/seed/scale/tree.ts';
import { withBenchDatabase } from './pg.ts';

export interface ProvinceFigures {
  communes: number;
  cells: number;
  members: number;
  meetings: number;
  migrateMs: number;
  seedMs: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  databaseMb: number;
  peakRssMb: number;
  /** The machine's 1-minute load average before and after (2 cores shared with other work). */
  loadBefore: number;
  loadAfter: number;
  note: string;
}

const size = () => {
  const cells = process.env.BENCH_PROVINCE_CELLS;
  return cells ? scaleForCells(Number(cells)) : PROVINCE_SCALE;
};

/** Migrates and seeds the province into the empty database at `url`. */
export async function seedProvince(
  url: string,
  log: (text: string) => void = () => {},
): Promise<ProvinceFigures> {
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 200);
  const database = await openPostgres(url, 2);
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const t0 = performance.now();
    await migrate(database.raw);
    const t1 = performance.now();
    const scale = size();
    let shown = 0;
    const summary = await seedScale(database, {
      now: new Date(),
      seed: SCALE_DEFAULT_SEED,
      size: scale,
      onProgress: (done, total) => {
        if (done - shown >= 1000 || done === total) {
          shown = done;
          log(`  ${done}/${total} cells, ${Math.round((performance.now() - t1) / 1000)} s`);
        }
      },
    });
    const t2 = performance.now();
    if (!summary) throw new Error('the province database already holds organisations');
    await database.raw.query('ANALYZE');
    const [db] = await database.raw.query<{ mb: number }>(
      'SELECT (pg_database_size(current_database()) / 1048576)::int AS mb',
    );
    return {
      communes: scale.communes,
      cells: summary.cells,
      members: summary.members,
      meetings: summary.rows.meetings ?? 0,
      migrateMs: Math.round(t1 - t0),
      seedMs: Math.round(t2 - t1),
      rows: summary.rows,
      databaseMb: db?.mb ?? 0,
      peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1_048_576),
      loadBefore: Math.round(loadBefore * 100) / 100,
      loadAfter: Math.round((loadavg()[0] ?? 0) * 100) / 100,
      note: 'one transaction, COPY, on a throwaway PostgreSQL (initdb defaults); seedMs = generation + writes',
    };
  } finally {
    clearInterval(sample);
    await database.close();
  }
}

/**
 * Runs `fn` on a seeded province: `PROVINCE_DATABASE_URL` as it is, or a throwaway PostgreSQL seeded first
 * (dropped afterwards). `figures` is null when the database was given.
 */
export async function withProvinceDatabase<T>(
  fn: (url: string, figures: ProvinceFigures | null) => Promise<T>,
  log: (text: string) => void = () => {},
): Promise<T> {
  const given = process.env.PROVINCE_DATABASE_URL;
  if (given) return fn(given, null);
  return withBenchDatabase('nennep_province', async (url) => fn(url, await seedProvince(url, log)));
}
