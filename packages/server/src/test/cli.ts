import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `nennep` command, as a user runs it. */
export const NENNEP_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/nennep.mjs');

/** Runs `nennep ARGS` on an embedded data folder (no DATABASE_URL) and collects what it prints. */
export function runNennep(args: string[], dataDir: string, env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [NENNEP_BIN, ...args], {
      env: { ...process.env, NENNEP_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
