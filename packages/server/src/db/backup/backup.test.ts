import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addProbeTable, type Digest, digestAll, fillEveryTable, tableNames } from '../../test/backup-data.ts';
import { createTestDatabase } from '../../test/db.ts';
import { demoDatabase } from '../../test/demo.ts';
import { withTransaction } from '../bulk.ts';
import type { Database } from '../client.ts';
import { backupToFile } from './dump.ts';
import { restoreBackup, restoreFromFile } from './restore.ts';

const MADE_AT = new Date('2025-03-01T08:00:00.000Z');
const RESTORED_AT = new Date('2025-03-02T09:30:00.000Z');
/** The audit events a restore adds to what it restored. */
const OWN_EVENTS = { audit_events: "action NOT LIKE 'database.%'" };
const AUDIT_SEQUENCE = 'sequence audit_events_id_seq';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nennep-backup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated database with the probe table (test/backup-data.ts), as every target here needs. */
async function freshTarget(): Promise<Database> {
  const database = await createTestDatabase();
  await addProbeTable(database);
  return database;
}

/** The digests, the audit sequence (which the restore's own event moves on by one) left out. */
async function digestsOf(database: Database) {
  const { [AUDIT_SEQUENCE]: auditSequence, ...rest } = await digestAll(database, OWN_EVENTS);
  return { rest, auditSequence: Number(String(auditSequence).split('/')[0]) };
}

describe('backup and restore of the demo, every table compared', () => {
  let source: Database;
  beforeAll(async () => {
    source = await demoDatabase();
    await addProbeTable(source);
    await fillEveryTable(source);
  }, 300_000);
  afterAll(() => source.close());

  it('restores every table of the public schema row for row, and the sequences', {
    timeout: 240_000,
  }, async () => {
    const file = path.join(dir, 'demo.backup');
    const written: string[] = [];
    const summary = await backupToFile(source, file, {
      now: MADE_AT,
      onTable: (p) => written.push(p.table),
    });
    const names = await tableNames(source.raw);
    expect(names).toContain('backup_probe');
    expect([...written].sort()).toEqual(names);
    expect(summary).toMatchObject({
      createdAt: MADE_AT.toISOString(),
      engine: source.driver,
      tables: names.length,
    });
    const before = await digestsOf(source);
    // Every table holds rows, so a table the backup left out would come back empty and differ below.
    const empty = Object.entries(before.rest).filter(([, d]) => (d as Digest).rows === 0);
    expect(empty).toEqual([]);

    const target = await freshTarget();
    try {
      expect(await restoreFromFile(target, file, { now: RESTORED_AT })).toEqual(summary);
      const after = await digestsOf(target);
      expect(
        Object.keys(after.rest)
          .filter((k) => !k.startsWith('sequence ') && !k.startsWith('derived '))
          .sort(),
      ).toEqual(names);
      expect(after.rest).toEqual(before.rest);
      expect(after.auditSequence).toBe(before.auditSequence + 1);
      const [event] = await target.raw.query<{ ms: number; entity: string; replaced: string }>(
        `SELECT (extract(epoch FROM at) * 1000)::float8 AS ms, entity_id AS entity, detail->>'replaced' AS replaced
           FROM audit_events WHERE action = 'database.restored'`,
      );
      expect(event).toEqual({ ms: RESTORED_AT.getTime(), entity: MADE_AT.toISOString(), replaced: 'false' });
      // Identities go on after the restored rows.
      const [max] = await source.raw.query<{ id: string }>('SELECT max(id)::text AS id FROM backup_probe');
      const [next] = await target.raw.query<{ id: string }>(
        "INSERT INTO backup_probe (label) VALUES ('sau khôi phục') RETURNING id::text AS id",
      );
      expect(Number(next?.id)).toBe(Number(max?.id) + 1);
    } finally {
      await target.close();
    }
  });
});

describe('restore refusals', () => {
  let source: Database;
  let file: string;
  let expected: Awaited<ReturnType<typeof digestsOf>>['rest'];
  beforeAll(async () => {
    source = await freshTarget();
    await fillEveryTable(source);
    file = path.join(dir, 'small.backup');
    await backupToFile(source, file, { now: MADE_AT });
    expected = (await digestsOf(source)).rest;
  }, 120_000);
  afterAll(() => source.close());

  it('refuses a database holding data unless replace, which swaps all of it at once', async () => {
    const target = await freshTarget();
    try {
      await target.raw.query("INSERT INTO backup_probe (label) VALUES ('đã có từ trước')");
      const before = await digestAll(target);
      const refusal = restoreFromFile(target, file, { now: RESTORED_AT });
      await expect(refusal).rejects.toMatchObject({ kind: 'not-empty' });
      await expect(refusal).rejects.toThrow(/backup_probe.*--replace[\s\S]*already holds data/);
      expect(await digestAll(target)).toEqual(before);

      await restoreFromFile(target, file, { now: RESTORED_AT, replace: true });
      expect((await digestsOf(target)).rest).toEqual(expected);
      const [event] = await target.raw.query<{ replaced: string }>(
        "SELECT detail->>'replaced' AS replaced FROM audit_events WHERE action = 'database.restored'",
      );
      expect(event?.replaced).toBe('true');
    } finally {
      await target.close();
    }
  });

  it('refuses a damaged, cut, foreign or other-version file and leaves the target as it was', async () => {
    const bytes = readFileSync(file);
    const text = gunzipSync(bytes).toString('utf8');
    const lines = text.split('\n');
    const [magic = '', json = ''] = lines;
    const header = JSON.parse(json) as { migrations: string[] };
    const withHeader = (change: (h: typeof header) => void) => {
      const changed = structuredClone(header);
      change(changed);
      return gzipSync([magic, JSON.stringify(changed), ...lines.slice(2)].join('\n'));
    };
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] ^= 0xff;
    const rowAt = lines.findIndex((l, i) => i > 2 && lines[i - 1]?.startsWith('TABLE ') && l !== '\\.');
    const cases: [string, Buffer, string][] = [
      ['empty', Buffer.alloc(0), 'corrupt'],
      ['cut in half', bytes.subarray(0, Math.floor(bytes.length / 2)), 'corrupt'],
      ['one byte flipped', flipped, 'corrupt'],
      ['not gzip', Buffer.from('id\tname\n1\tx\n'), 'corrupt'],
      ['gzip of something else', gzipSync('xin chào\n'), 'corrupt'],
      ['a row missing', gzipSync(lines.filter((_, i) => i !== rowAt).join('\n')), 'corrupt'],
      ['no end line', gzipSync(lines.filter((l) => l !== 'NENNEP-BACKUP-END').join('\n')), 'corrupt'],
      ['format 2', gzipSync(text.replace('NENNEP-BACKUP\t1', 'NENNEP-BACKUP\t2')), 'version'],
      ['older migrations', withHeader((h) => h.migrations.pop()), 'migrations'],
      ['newer migrations', withHeader((h) => h.migrations.push('9999_future')), 'migrations'],
    ];
    const target = await freshTarget();
    try {
      await target.raw.query("INSERT INTO backup_probe (label) VALUES ('giữ nguyên')");
      const before = await digestAll(target);
      for (const [name, content, kind] of cases) {
        const bad = path.join(dir, `${name.replaceAll(' ', '-')}.backup`);
        writeFileSync(bad, content);
        await expect(
          restoreFromFile(target, bad, { now: RESTORED_AT, replace: true }),
          name,
        ).rejects.toMatchObject({
          kind,
        });
        // The same file streamed straight into the transaction (no first reading): rolled back whole.
        const streamed = restoreBackup(target, createReadStream(bad), { now: RESTORED_AT, replace: true });
        await expect(streamed, name).rejects.toThrow();
        expect(await digestAll(target), name).toEqual(before);
      }
      await expect(
        restoreFromFile(target, path.join(dir, 'cut-in-half.backup'), { now: RESTORED_AT }),
      ).rejects.toThrow(/hỏng hoặc không đầy đủ[\s\S]*damaged or incomplete/);
    } finally {
      await target.close();
    }
  });

  it('is one instant of the database while writes go on (on PostgreSQL, from other connections)', async () => {
    // Each write adds one row to two tables in one transaction; the backup reads backup_probe before
    // login_throttle, so a backup read table by table would find more of the second.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await withTransaction(source, async (conn) => {
          await conn.query("INSERT INTO backup_probe (label) VALUES ('cặp')");
          await conn.query("INSERT INTO login_throttle (key) VALUES ('cặp ' || $1::text)", [written]);
        });
        written++;
        // PGlite answers within microtasks: without a turn of the event loop the test would starve.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const during = path.join(dir, 'during.backup');
    try {
      while (written < 3) await new Promise((resolve) => setTimeout(resolve, 5));
      await backupToFile(source, during, { now: MADE_AT });
    } finally {
      writing = false;
      await writer;
    }
    const target = await freshTarget();
    try {
      await restoreFromFile(target, during, { now: RESTORED_AT });
      const [pairs] = await target.raw.query<{ probe: number; throttle: number }>(
        `SELECT (SELECT count(*)::int FROM backup_probe WHERE label = 'cặp') AS probe,
                (SELECT count(*)::int FROM login_throttle WHERE key LIKE 'cặp %') AS throttle`,
      );
      expect(pairs?.probe).toBeGreaterThanOrEqual(3);
      expect(pairs?.throttle).toBe(pairs?.probe);
    } finally {
      await target.close();
      await source.raw.query("DELETE FROM backup_probe WHERE label = 'cặp'");
      await source.raw.query("DELETE FROM login_throttle WHERE key LIKE 'cặp %'");
    }
  });
});
