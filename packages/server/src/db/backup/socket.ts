/**
 * Backups while the server runs on the embedded database. PGlite is single-process: while the server holds
 * the data folder, `nennep backup` cannot open it, so it asks the server, over a Unix socket inside the
 * folder (mode 0600: its owner only, as the folder's files), and receives the file.
 *
 * The request is one JSON line, `{"command":"backup"}`. The answer is frames, each a type byte, a 32-bit
 * length and a payload: `P` progress (JSON, after each table), `D` bytes of the file, then `K` the summary
 * (JSON) or `E` an error (text). The server first writes the backup to a file of its own in the folder, so
 * its transaction (which holds PGlite's single connection) never waits for a slow reader.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { chmod, readdir, rename, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Database } from '../client.ts';
import { recordBackup, writeBackup } from './dump.ts';
import { BackupError, type BackupSummary, type TableProgress } from './format.ts';

export const socketPath = (dataDir: string) => path.join(dataDir, 'nennep.sock');

const TEMP_PREFIX = 'nennep-backup-';
const MAX_FRAME = 16 << 20;
const REQUEST_TIMEOUT_MS = 10_000;

type FrameType = 'P' | 'D' | 'K' | 'E';

function frameHead(type: FrameType, length: number): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(length, 1);
  return head;
}

/** Resolves when the peer has taken what was written; rejects when it has gone. */
function drained(socket: net.Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      socket.off('drain', onDrain);
      socket.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('backup client gone'));
    socket.on('drain', onDrain);
    socket.on('close', onClose);
  });
}

/** Writes one frame, waiting while the peer is behind. */
async function sendFrame(socket: net.Socket, type: FrameType, payload: Buffer | string) {
  const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
  if (socket.destroyed) throw new Error('backup client gone');
  socket.write(frameHead(type, body.length));
  if (!socket.write(body)) await drained(socket);
}

/** The request line: at most 1 KB, within 10 s. */
function readRequest(socket: net.Socket): Promise<{ command?: unknown }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error: Error | null, line = '') => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('close', onEnd);
      socket.pause();
      if (error) return reject(error);
      try {
        resolve(JSON.parse(line) as { command?: unknown });
      } catch (parseError) {
        reject(parseError);
      }
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end !== -1) finish(null, text.slice(0, end));
      else if (text.length > 1024) finish(new Error('backup request too long'));
    };
    const onEnd = () => finish(new Error('no backup request'));
    const timer = setTimeout(() => finish(new Error('no backup request in time')), REQUEST_TIMEOUT_MS);
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('close', onEnd);
  });
}

export interface BackupSocketOptions {
  /** The time written in each backup's header and audit event. */
  clock: () => Date;
  log: { info(message: string): void; error(error: unknown, message: string): void };
}

/**
 * Listens on `<dataDir>/nennep.sock` for backup requests. Call only while holding the folder's lock (a
 * socket file left by a crashed server is then stale, and replaced). Returns the function that stops it.
 */
export async function startBackupSocket(
  database: Database,
  dataDir: string,
  options: BackupSocketOptions,
): Promise<() => Promise<void>> {
  const file = socketPath(dataDir);
  await rm(file, { force: true });
  // Temporary files of a server that crashed during a backup.
  for (const name of await readdir(dataDir)) {
    if (name.startsWith(TEMP_PREFIX)) await rm(path.join(dataDir, name), { force: true });
  }
  const serve = async (socket: net.Socket) => {
    const temp = path.join(dataDir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.part`);
    try {
      const request = await readRequest(socket);
      if (request.command !== 'backup') {
        await sendFrame(socket, 'E', `Lệnh không rõ / unknown command: ${String(request.command)}`);
        return;
      }
      const now = options.clock();
      const progress: TableProgress = (p) => {
        const body = Buffer.from(JSON.stringify(p));
        if (!socket.destroyed) socket.write(Buffer.concat([frameHead('P', body.length), body]));
      };
      const summary = await writeBackup(database, createWriteStream(temp, { mode: 0o600 }), {
        now,
        onTable: progress,
      });
      for await (const chunk of createReadStream(temp, { highWaterMark: 1 << 20 }))
        await sendFrame(socket, 'D', chunk as Buffer);
      await recordBackup(database.db, summary, 'server', now);
      await sendFrame(socket, 'K', JSON.stringify(summary));
      options.log.info(`backup sent: ${summary.tables} tables, ${summary.rows} rows`);
    } catch (error) {
      options.log.error(error, 'backup over the socket');
      if (!socket.destroyed) {
        const message = error instanceof Error ? error.message : String(error);
        await sendFrame(socket, 'E', message).catch(() => undefined);
      }
    } finally {
      socket.end();
      await rm(temp, { force: true });
    }
  };
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    void serve(socket);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => resolve());
    });
  } catch (error) {
    // The server still serves; only `nennep backup` is refused while it runs (e.g. a path over 107 bytes).
    options.log.error(error, `backup socket: cannot listen on ${file}`);
    return async () => {};
  }
  await chmod(file, 0o600);
  // A process that exits without stop() (a crash) leaves no socket behind for the next reader to find.
  const removeOnExit = () => rmSync(file, { force: true });
  process.once('exit', removeOnExit);
  return async () => {
    process.off('exit', removeOnExit);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(file, { force: true });
  };
}

/** Reads frames as they arrive. */
async function* frames(socket: net.Socket): AsyncIterable<{ type: string; body: Buffer }> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of socket) {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    while (pending.length >= 5) {
      const length = pending.readUInt32BE(1);
      if (length > MAX_FRAME) throw new Error(`backup socket: frame of ${length} bytes`);
      if (pending.length < 5 + length) break;
      yield { type: String.fromCharCode(pending[0] ?? 0), body: pending.subarray(5, 5 + length) };
      pending = pending.subarray(5 + length);
    }
  }
}

/**
 * Asks the server holding `dataDir` for a backup and writes it to `file` (through `file.part`, mode 0600).
 */
export async function requestBackup(
  dataDir: string,
  file: string,
  onTable?: TableProgress,
): Promise<BackupSummary> {
  const socket = net.connect(socketPath(dataDir));
  try {
    await once(socket, 'connect');
  } catch {
    socket.destroy();
    throw new BackupError(
      'no-server',
      `Tiến trình đang giữ thư mục dữ liệu ${dataDir} không nhận yêu cầu sao lưu (không phải máy chủ Nền Nếp, ` +
        'hoặc phiên bản cũ): hãy dừng nó rồi chạy lại lệnh.',
      `The process holding the data folder ${dataDir} does not take backup requests (not a Nền Nếp server, ` +
        'or an older version): stop it, then run this command again.',
    );
  }
  const part = `${file}.part`;
  const out = createWriteStream(part, { mode: 0o600, flush: true });
  try {
    socket.write(`${JSON.stringify({ command: 'backup' })}\n`);
    let summary: BackupSummary | null = null;
    for await (const frame of frames(socket)) {
      if (frame.type === 'D') {
        if (!out.write(frame.body)) await once(out, 'drain');
      } else if (frame.type === 'P') {
        onTable?.(JSON.parse(frame.body.toString('utf8')) as Parameters<TableProgress>[0]);
      } else if (frame.type === 'K') {
        summary = JSON.parse(frame.body.toString('utf8')) as BackupSummary;
        break;
      } else if (frame.type === 'E') {
        throw new Error(`Máy chủ không sao lưu được / the server could not make the backup:\n${frame.body}`);
      }
    }
    if (!summary) {
      throw new Error(
        'Máy chủ ngắt kết nối trước khi gửi xong bản sao lưu. / The server hung up before the backup was complete.',
      );
    }
    out.end();
    await once(out, 'close');
    await rename(part, file);
    return summary;
  } catch (error) {
    out.destroy();
    await rm(part, { force: true });
    throw error;
  } finally {
    socket.destroy();
  }
}
