/** `nennep seed-demo --scale province|small [--cells N] [--seed N]`: the generated province (seed-scale.ts). */
import type { Database } from '../../db/client.ts';
import { SCALE_PASSWORD, seedScale } from './seed-scale.ts';
import { PROVINCE_SCALE, type ScaleSize, SMALL_SCALE, scaleForCells } from './tree.ts';

export const SCALE_DEFAULT_SEED = 20_250_701;

export interface ScaleOptions {
  scale?: string;
  cells?: string;
  seed?: string;
}

/** The size asked for, or an error message naming the option. */
export function scaleOf(options: ScaleOptions): ScaleSize | string {
  if (options.cells !== undefined) {
    const cells = Number(options.cells);
    if (!Number.isInteger(cells) || cells < 1 || cells > 100_000)
      return '--cells: một số nguyên từ 1 đến 100000 / an integer from 1 to 100000';
    return scaleForCells(cells);
  }
  if (options.scale === 'province') return PROVINCE_SCALE;
  if (options.scale === 'small') return SMALL_SCALE;
  return '--scale: province | small';
}

export async function runScaleSeed(database: Database, options: ScaleOptions, now: Date): Promise<number> {
  const size = scaleOf(options);
  const seed = options.seed === undefined ? SCALE_DEFAULT_SEED : Number(options.seed);
  if (typeof size === 'string' || !Number.isInteger(seed)) {
    console.error(typeof size === 'string' ? size : '--seed: một số nguyên / an integer');
    return 2;
  }
  const started = performance.now();
  let shown = 0;
  const summary = await seedScale(database, {
    now,
    seed,
    size,
    onProgress: (done, total) => {
      if (done - shown >= 500 || done === total) {
        shown = done;
        process.stderr.write(`\r${done}/${total} chi bộ / cells`);
      }
    },
  });
  process.stderr.write('\n');
  if (!summary) {
    console.log('Cơ sở dữ liệu đã có tổ chức / the database already holds organisations.');
    return 0;
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(
    `Đã nạp ${summary.orgs} tổ chức, ${summary.members} đảng viên, ${summary.rows.meetings ?? 0} cuộc họp trong ${seconds} giây ` +
      `(tài khoản admin / ${SCALE_PASSWORD}). / Seeded ${summary.orgs} organisations, ${summary.members} members, ` +
      `${summary.rows.meetings ?? 0} meetings in ${seconds} s.`,
  );
  console.log(JSON.stringify(summary.rows));
  return 0;
}
