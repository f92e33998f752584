import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LockInfo {
  pid: number;
  purpose: string;
  url?: string;
  /**
   * When the process started, as the system counts it (Linux: /proc/<pid>/stat field 22, clock ticks
   * since boot): a pid reused by another process after a crash has another start time. Absent where
   * the system does not tell, or in a lock written by an older version.
   */
  started?: string;
}

const lockFile = (dataDir: string) => path.join(dataDir, 'nennep.lock');

/** The start time of a process (Linux), or null where it cannot be read. */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 is the command in parentheses, which may hold spaces: count the fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const started = fields[22 - 3];
    return started && /^\d+$/.test(started) ? started : null;
  } catch {
    return null;
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process a lock names is the one running under its pid now: alive, and (where both are
 * known) started when the lock says. After a crash and a reboot the pid may belong to anything else.
 */
function holds(info: LockInfo): boolean {
  if (!alive(info.pid)) return false;
  if (info.started === undefined) return true;
  const started = processStart(info.pid);
  return started === null || started === info.started;
}

/** The process holding the data folder, if it is still running; a stale lock is none. */
export function readLock(dataDir: string): LockInfo | null {
  if (!existsSync(lockFile(dataDir))) return null;
  try {
    const info = JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockInfo;
    return info.pid !== process.pid && holds(info) ? info : null;
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
  const started = processStart(process.pid) ?? undefined;
  writeFileSync(
    lockFile(dataDir),
    JSON.stringify({ pid: process.pid, purpose, url, started } satisfies LockInfo),
  );
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
