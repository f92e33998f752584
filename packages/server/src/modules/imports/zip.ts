/**
 * The zip half of the .xlsx reader: the central directory, and each entry inflated as a stream whose
 * running byte count stops it at a limit, so that a small file cannot inflate into gigabytes (a zip
 * bomb): nothing is ever inflated whole and checked afterwards.
 */
import { createInflateRaw } from 'node:zlib';
import { unreadable } from './sheet.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  offset: number;
}

const damaged = () => unreadable('Tệp .xlsx bị hỏng.', 'The .xlsx file is damaged.');

/** The entries of a zip file, by name, from its central directory. */
export function readZip(buffer: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let p = buffer.length - 22; p >= Math.max(0, buffer.length - 65_557); p--) {
    if (buffer.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) throw damaged();
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    const header = buffer.readUInt32LE(p + 42);
    if (header + 30 > buffer.length) throw damaged();
    const dataStart = header + 30 + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28);
    entries.set(name, {
      name,
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      offset: dataStart,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Output chunk of the inflater: small, so the count stops it close to the limit. */
const CHUNK = 64 * 1024;

/**
 * The bytes of an entry, chunk by chunk, as they inflate. Past `limit` bytes the inflater is destroyed
 * and `tooLarge()` thrown: the stream's backpressure keeps at most a few chunks in memory meanwhile.
 */
export async function* entryChunks(
  buffer: Buffer,
  entry: ZipEntry,
  limit: number,
  tooLarge: () => Error,
): AsyncGenerator<Buffer> {
  const data = buffer.subarray(entry.offset, entry.offset + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > limit) throw tooLarge();
    for (let from = 0; from < data.length; from += CHUNK) yield data.subarray(from, from + CHUNK);
    return;
  }
  if (entry.method !== 8) throw damaged();
  const inflate = createInflateRaw({ chunkSize: CHUNK });
  inflate.end(data);
  let total = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw tooLarge();
      yield chunk;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) throw damaged();
    throw error;
  } finally {
    inflate.destroy();
  }
}

/** A small entry read whole (workbook, relationships, styles), within its limit. */
export async function entryText(
  buffer: Buffer,
  entry: ZipEntry | undefined,
  limit: number,
  tooLarge: () => Error,
): Promise<string> {
  if (!entry) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(buffer, entry, limit, tooLarge)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
