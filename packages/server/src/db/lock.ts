import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  purpose: string;
  url?: string;
}

const lockFile = (dataDir: string) => path.join(dataDir, 'nennep.lock');

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process holding the data folder, if it is still running. */
export function readLock(dataDir: string): LockInfo | null {
  if (!existsSync(lockFile(dataDir))) return null;
  try {
    const info = JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} (${holder.purpose}${holder.url ? ` tại ${holder.url}` : ''}) sử dụng. ` +
        'Hãy dừng tiến trình đó rồi chạy lại, hoặc làm việc qua giao diện web.\n' +
        `The data folder ${dataDir} is in use by process ${holder.pid} (${holder.purpose}). ` +
        'Stop it and run this command again, or use the web app.',
    );
  }
}

/**
 * Takes the embedded database's folder for this process. PGlite is single-process: a second
 * process opening the same folder would corrupt it, so a second one is refused instead.
 */
export function acquireDataLock(dataDir: string, purpose: string, url?: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const holder = readLock(dataDir);
  if (holder) throw new DataDirBusyError(dataDir, holder);
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, purpose, url } satisfies LockInfo));
  const release = () => {
    try {
      const info = JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockInfo;
      if (info.pid === process.pid) rmSync(lockFile(dataDir));
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
}
