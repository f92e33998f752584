/**
 * Writes the installable app's icons (issue 18, item 1) into packages/web/public/, which Vite copies to
 * the build's root: the header's red square with a yellow five-pointed star, in the sizes the manifest
 * (packages/web/pwa.config.ts) and iOS ask for.
 *
 *   node packages/server/bin/run-ts.mjs scripts/make-icons.ts
 *
 * Plain Node: the pixels are drawn here (4 × 4 samples a pixel for smooth edges) and encoded as PNG with
 * node:zlib, so no image tool or package is needed. The output is committed; run again only to change it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/web/public');

/** #b71c1c, the header's red (app/providers.tsx), and the star's yellow. */
const RED: Rgb = [0xb7, 0x1c, 0x1c];
const YELLOW: Rgb = [0xff, 0xde, 0x00];

type Rgb = [number, number, number];

interface Icon {
  file: string;
  size: number;
  /** The star's outer radius, as a share of the side. */
  star: number;
}

const ICONS: Icon[] = [
  { file: 'pwa-192.png', size: 192, star: 0.36 },
  { file: 'pwa-512.png', size: 512, star: 0.36 },
  // Maskable: the launcher may crop to a circle of 40 % radius; the star stays well inside it.
  { file: 'pwa-maskable-512.png', size: 512, star: 0.28 },
  { file: 'apple-touch-icon.png', size: 180, star: 0.34 },
  { file: 'favicon-32.png', size: 32, star: 0.42 },
];

/** The ten corners of a five-pointed star centred at (cx, cy), one point up. */
function starPolygon(cx: number, cy: number, outer: number): [number, number][] {
  const inner = outer * 0.382;
  const corners: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    corners.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  return corners;
}

/** Even-odd ray casting: the star is a simple (concave) polygon. */
function inside(polygon: [number, number][], x: number, y: number): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as [number, number];
    const [xj, yj] = polygon[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** RGB rows of the icon, each with its PNG filter byte (0, none) in front. */
function draw(icon: Icon): Buffer {
  const { size } = icon;
  // The star's visual centre sits a little below the middle of its bounding circle.
  const polygon = starPolygon(size / 2, size / 2 + size * icon.star * 0.1, size * icon.star);
  const samples = 4;
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    rows[row] = 0;
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          if (inside(polygon, x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) covered++;
        }
      }
      const share = covered / (samples * samples);
      for (let c = 0; c < 3; c++) {
        const red = RED[c] as number;
        const yellow = YELLOW[c] as number;
        rows[row + 1 + x * 3 + c] = Math.round(red + (yellow - red) * share);
      }
    }
  }
  return rows;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGB PNG (colour type 2), no interlace. */
export function png(size: number, rows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 2;
  header[10] = 0;
  header[11] = 0;
  header[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const icon of ICONS) {
  const bytes = png(icon.size, draw(icon));
  writeFileSync(path.join(OUT, icon.file), bytes);
  console.log(`${path.relative(process.cwd(), path.join(OUT, icon.file))} ${bytes.length} B`);
}
