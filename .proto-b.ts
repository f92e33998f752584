import { sampleMinutesModel } from './packages/server/src/modules/documents/fixtures.ts';
import { renderMinutesDocx, renderMinutesPdf } from './packages/server/src/modules/documents/index.ts';

const m = sampleMinutesModel();
for (const [name, f] of [
  ['docx', renderMinutesDocx],
  ['pdf', renderMinutesPdf],
] as const) {
  for (let i = 0; i < 5; i++) await f(m);
  const t = performance.now();
  for (let i = 0; i < 20; i++) await f(m);
  console.log(name, (performance.now() - t) / 20);
}
