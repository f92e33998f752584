import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pdfkitPath = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
const fontkit = createRequire(pdfkitPath)('fontkit');
const orig = fontkit.create;
const cache = new Map();
Object.defineProperty(fontkit, 'create', {
  configurable: true,
  enumerable: true,
  get: () => (buf: Uint8Array, family?: string) => {
    const key = createHash('sha1').update(buf).digest('hex') + (family ?? '');
    let f = cache.get(key);
    if (!f) {
      f = orig(buf, family);
      cache.set(key, f);
    }
    return f;
  },
});
const { renderMinutesPdf } = await import('./packages/server/src/modules/documents/index.ts');
const { sampleMinutesModel } = await import('./packages/server/src/modules/documents/fixtures.ts');
const m = sampleMinutesModel();
const a = await renderMinutesPdf(m);
for (let i = 0; i < 5; i++) await renderMinutesPdf(m);
const t = performance.now();
for (let i = 0; i < 20; i++) await renderMinutesPdf(m);
console.log('pdf cached', (performance.now() - t) / 20, cache.size, a.equals(await renderMinutesPdf(m)));
