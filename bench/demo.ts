/**
 * The demo's first start on PGlite in a data folder, as `npm start` does it: migrate, seed the year, then the
 * background pass that fingerprints the documents loaded in bulk. Figures: wall time of each step, what was
 * seeded, and the peak memory of the process.
 */
import { openPglite } from '../packages/server/src/db/client.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { fillFingerprints } from '../packages/server/src/modules/documents/fingerprints.ts';
import { seedDemo } from '../packages/server/src/seed/seed-demo.ts';

export interface DemoFigures {
  migrateMs: number;
  seedMs: number;
  fingerprintMs: number;
  msPerFingerprint: number;
  orgs: number;
  members: number;
  adoptedMeetings: number;
  heldMeetings: number;
  documents: number;
  peakRssMb: number;
  note: string;
}

export async function benchDemo(dir: string): Promise<DemoFigures> {
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  try {
    const t0 = performance.now();
    const database = await openPglite(dir);
    await migrate(database.raw);
    const t1 = performance.now();
    const summary = await seedDemo(database, { now: new Date() });
    const t2 = performance.now();
    const documents = await fillFingerprints(database.db);
    const t3 = performance.now();
    await database.close();
    return {
      migrateMs: Math.round(t1 - t0),
      seedMs: Math.round(t2 - t1),
      fingerprintMs: Math.round(t3 - t2),
      msPerFingerprint: Math.round(((t3 - t2) / Math.max(1, documents)) * 10) / 10,
      orgs: summary.orgs,
      members: summary.members,
      adoptedMeetings: summary.meetings.adopted,
      heldMeetings: summary.meetings.held,
      documents,
      peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1_048_576),
      note: 'PGlite in a data folder; the server serves once the seed is done, fingerprints follow in the background',
    };
  } finally {
    clearInterval(sample);
  }
}
