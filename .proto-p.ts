import { sampleMinutesModel } from './packages/server/src/modules/documents/fixtures.ts';
import { renderMinutesPdf } from './packages/server/src/modules/documents/index.ts';

const m = sampleMinutesModel();
for (let i = 0; i < 60; i++) await renderMinutesPdf(m);
