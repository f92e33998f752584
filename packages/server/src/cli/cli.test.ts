import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNennep } from '../test/cli.ts';

let dataDir: string;

const nennep = (args: string[], env: Record<string, string> = {}) => runNennep(args, dataDir, env);

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'nennep-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('nennep CLI on the embedded database', () => {
  it('creates the first administrator and the root node, then prints statistics as JSON', async () => {
    const created = await nennep([
      'create-admin',
      '--username',
      'bantochuc',
      '--org',
      'TINH',
      '--org-name',
      'Đảng bộ tỉnh Thử',
      '--password',
      'mat-khau-123',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const stats = await nennep(['stats', 'TINH']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toEqual({
      grassrootsOrgs: 0,
      byKind: {},
      cellsByCategory: {},
      members: { total: 0, official: 0, probationary: 0, exempt: 0 },
    });
  });

  it('says clearly when a code does not exist, with a non-zero exit status', async () => {
    const result = await nennep(['stats', 'KHONGCO']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Không tìm thấy tổ chức KHONGCO');
  });

  it('refuses to open a data folder that a running server holds', async () => {
    // This test process stands in for the server: it is alive and not the CLI.
    writeFileSync(
      path.join(dataDir, 'nennep.lock'),
      JSON.stringify({ pid: process.pid, purpose: 'server', url: 'http://127.0.0.1:3000' }),
    );
    const result = await nennep(['stats', 'TINH']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`tiến trình ${process.pid}`);
    expect(result.stderr).toContain('in use by process');
    rmSync(path.join(dataDir, 'nennep.lock'));
  });
});
