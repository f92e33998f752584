/**
 * The embedded data folder's lock (issue 12, fault 10): a lock whose pid now belongs to another process
 * (the server crashed, the pid was reused) does not block the start; a live holder still does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataLock, DataDirBusyError, type LockInfo, processStart, readLock } from './lock.ts';

let dataDir: string;
let other: ChildProcess;
const lockPath = () => path.join(dataDir, 'nennep.lock');
const writeLock = (info: LockInfo) => writeFileSync(lockPath(), JSON.stringify(info));

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'nennep-lock-'));
  // Another process, alive, that is not the server the lock was written by.
  other = spawn('sleep', ['60'], { stdio: 'ignore' });
});
afterAll(() => {
  other.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the data folder lock', () => {
  it('records the start time of the process that holds it', () => {
    const release = acquireDataLock(dataDir, 'server', 'http://127.0.0.1:3000');
    try {
      const info = JSON.parse(readFileSync(lockPath(), 'utf8')) as LockInfo;
      expect(info).toMatchObject({ pid: process.pid, purpose: 'server' });
      expect(info.started).toMatch(/^\d+$/);
      expect(info.started).toBe(processStart(process.pid));
    } finally {
      release();
    }
  });

  it('takes over a lock whose pid now belongs to a process started at another time', () => {
    const pid = other.pid ?? 0;
    const started = processStart(pid);
    expect(started).toMatch(/^\d+$/);
    writeLock({ pid, purpose: 'server', started: String(Number(started) - 1000) });
    expect(readLock(dataDir)).toBeNull();
    const release = acquireDataLock(dataDir, 'migrate');
    expect((JSON.parse(readFileSync(lockPath(), 'utf8')) as LockInfo).pid).toBe(process.pid);
    release();
  });

  it('still refuses a folder its live holder has, with or without a start time', () => {
    const pid = other.pid ?? 0;
    writeLock({ pid, purpose: 'server', started: processStart(pid) ?? undefined });
    expect(() => acquireDataLock(dataDir, 'migrate')).toThrow(DataDirBusyError);
    writeLock({ pid, purpose: 'server' });
    expect(() => acquireDataLock(dataDir, 'migrate')).toThrow(DataDirBusyError);
  });

  it('takes over the lock of a process that is gone, and reads no start time for it', () => {
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    return new Promise<void>((resolve) => {
      gone.on('exit', () => {
        const pid = gone.pid ?? 0;
        expect(processStart(pid)).toBeNull();
        writeLock({ pid, purpose: 'server', started: '12345' });
        acquireDataLock(dataDir, 'migrate')();
        resolve();
      });
    });
  });
});
