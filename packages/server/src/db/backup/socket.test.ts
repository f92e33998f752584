import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runBackupCommand, runRestoreCommand } from '../../cli/backup.ts';
import { loadConfig } from '../../config.ts';
import { addProbeTable, digestAll, fillEveryTable } from '../../test/backup-data.ts';
import { runNennep } from '../../test/cli.ts';
import { createTestDatabase } from '../../test/db.ts';
import { type Database, openPglite } from '../client.ts';
import { acquireDataLock } from '../lock.ts';
import { migrate } from '../migrate.ts';
import { backupToFile } from './dump.ts';
import { restoreFromFile } from './restore.ts';
import { requestBackup, socketPath, startBackupSocket } from './socket.ts';

const MADE_AT = new Date('2025-04-01T01:02:03.000Z');
/** The audit events a backup or a restore adds itself; and the sequence their ids move on. */
const OWN_EVENTS = { audit_events: "action NOT LIKE 'database.%'" };

const nennep = (args: string[], dataDir: string) => runNennep(args, dataDir);

const withoutAuditSequence = (digests: Record<string, unknown>) => {
  const { 'sequence audit_events_id_seq': _, ...rest } = digests;
  return rest;
};

let dir: string;
let dataDir: string;
let server: Database;
let release: () => void;
let stopSocket: () => Promise<void>;
const logged: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nennep-backup-socket-'));
  dataDir = path.join(dir, 'data');
  // This process stands in for `nennep start`: it holds the folder and serves backups on the socket.
  release = acquireDataLock(dataDir, 'server', 'http://127.0.0.1:3000');
  server = await openPglite(dataDir);
  await migrate(server.raw);
  await addProbeTable(server);
  await fillEveryTable(server);
  // Left by a server that crashed: a socket file and a backup it was writing.
  writeFileSync(socketPath(dataDir), 'stale');
  writeFileSync(path.join(dataDir, 'nennep-backup-0123456789ab.part'), 'half');
  stopSocket = await startBackupSocket(server, dataDir, {
    clock: () => MADE_AT,
    log: { info: (m) => logged.push(m), error: (_e, m) => logged.push(`error: ${m}`) },
  });
}, 180_000);

afterAll(async () => {
  await stopSocket?.();
  await server?.close();
  release?.();
  rmSync(dir, { recursive: true, force: true });
});

describe('backups while the server holds the embedded database', () => {
  it('listens on a socket only its owner may use', () => {
    const stat = statSync(socketPath(dataDir));
    expect(stat.isSocket()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir).filter((n) => n.startsWith('nennep-backup-'))).toEqual([]);
  });

  it('answers an unknown request with an error frame and goes on serving', async () => {
    const socket = net.connect(socketPath(dataDir));
    socket.end('{"command":"drop"}\n');
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(chunk as Buffer);
    const answer = Buffer.concat(chunks);
    expect(String.fromCharCode(answer[0] ?? 0)).toBe('E');
    expect(answer.subarray(5).toString('utf8')).toContain('unknown command: drop');
  });

  it('sends a consistent backup that restores into a fresh database (PostgreSQL with TEST_DATABASE_URL)', async () => {
    const file = path.join(dir, 'from-server.backup');
    const tables: string[] = [];
    const before = await digestAll(server, OWN_EVENTS);
    const summary = await requestBackup(dataDir, file, (p) => tables.push(p.table));
    expect(summary).toMatchObject({ createdAt: MADE_AT.toISOString(), engine: 'pglite' });
    expect(tables).toHaveLength(summary.tables);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(existsSync(`${file}.part`)).toBe(false);
    // The server's temporary copy is gone; the backup is in its audit log.
    expect(readdirSync(dataDir).filter((n) => n.startsWith('nennep-backup-'))).toEqual([]);
    const [event] = await server.raw.query<{ via: string }>(
      "SELECT detail->>'via' AS via FROM audit_events WHERE action = 'database.backed_up'",
    );
    expect(event?.via).toBe('server');

    // A backup made on PGlite, restored into the suite's engine, then back into a new PGlite from there.
    const target = await createTestDatabase();
    const back = await openPglite(null);
    try {
      await addProbeTable(target);
      await restoreFromFile(target, file, { now: MADE_AT });
      const restored = await digestAll(target, OWN_EVENTS);
      expect(withoutAuditSequence(restored)).toEqual(withoutAuditSequence(before));

      await migrate(back.raw);
      await addProbeTable(back);
      const again = path.join(dir, `from-${target.driver}.backup`);
      expect((await backupToFile(target, again, { now: MADE_AT })).engine).toBe(target.driver);
      await restoreFromFile(back, again, { now: MADE_AT });
      expect(withoutAuditSequence(await digestAll(back, OWN_EVENTS))).toEqual(withoutAuditSequence(before));
    } finally {
      await target.close();
      await back.close();
    }
  }, 180_000);

  it('`nennep backup` asks the running server; `nennep restore` refuses until it stops', async () => {
    const file = path.join(dir, 'cli.backup');
    const backup = await nennep(['backup', file], dataDir);
    expect(backup.stderr).toContain('nhờ máy chủ sao lưu');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('Đã sao lưu');
    expect(backup.stdout).toContain('Backed up');

    const restore = await nennep(['restore', file], dataDir);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('Dừng máy chủ trước khi khôi phục');
    expect(restore.stderr).toContain('Stop the server first');
    expect(existsSync(file)).toBe(true);
  }, 180_000);
});

describe('`nennep backup` and `nennep restore` with no server running', () => {
  it('backs up the folder itself, and restores into an empty folder, refusing a filled one', async () => {
    const source = path.join(dir, 'plain');
    const target = path.join(dir, 'plain-restored');
    const folder = await openPglite(source);
    const migrations = (await migrate(folder.raw)).length;
    await folder.raw.query("INSERT INTO login_throttle (key, failures) VALUES ('thử\tkhóa', 3)");
    await folder.close();
    const output = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const progress = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const file = path.join(dir, 'plain.backup');
      expect(await runBackupCommand(loadConfig({ NENNEP_DATA_DIR: source }), [file])).toBe(0);
      // One row per migration applied, and the throttle row.
      expect(output.mock.calls.flat().join('\n')).toMatch(
        new RegExp(`Đã sao lưu \\d+ bảng, ${migrations + 1} dòng`),
      );
      expect(progress.mock.calls.flat().join('')).toContain('login_throttle: 1');
      const config = loadConfig({ NENNEP_DATA_DIR: target });
      expect(await runRestoreCommand(config, [file])).toBe(0);
      await expect(runRestoreCommand(config, [file])).rejects.toThrow(/--replace/);
      expect(await runRestoreCommand(config, [file, '--replace'])).toBe(0);
      expect(await runRestoreCommand(config, [path.join(dir, 'none.backup')])).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toContain('Không có tệp');
    } finally {
      output.mockRestore();
      errors.mockRestore();
      progress.mockRestore();
    }
    const restored = await openPglite(target);
    try {
      const rows = await restored.raw.query<{ key: string }>('SELECT key FROM login_throttle');
      expect(rows).toEqual([{ key: 'thử\tkhóa' }]);
    } finally {
      await restored.close();
    }
  }, 180_000);
});
