/**
 * LibreOffice opens the DOCX files: each is converted to PDF by `soffice --headless` and the text of the
 * result checked. Never skipped: CI installs libreoffice-writer-nogui (and poppler-utils for pdftotext).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleMinutesModel, sampleResolutionModel } from './fixtures.ts';
import { renderMinutesDocx, renderResolutionDocx } from './index.ts';
import { expectPhrases, libreOfficePdfs, minutesPhrases, pdfText, resolutionPhrases } from './testing.ts';

describe('LibreOffice opens the DOCX files', () => {
  const converted = new Map<string, Buffer>();

  beforeAll(async () => {
    const [minutes, resolution] = await libreOfficePdfs({
      minutes: await renderMinutesDocx(sampleMinutesModel()),
      resolution: await renderResolutionDocx(sampleResolutionModel()),
    });
    if (minutes) converted.set('minutes', minutes);
    if (resolution) converted.set('resolution', resolution);
  }, 180_000);

  it('minutes: header, roll call, every speaker, the vote and the score survive the conversion', async () => {
    const pdf = converted.get('minutes');
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expectPhrases(await pdfText(pdf ?? Buffer.alloc(0)), [
      ...minutesPhrases(sampleMinutesModel()),
      'NGƯỜI GHI BIÊN BẢN',
      'PHỤ LỤC ĐÍNH CHÍNH ngày 10/02/2026',
    ]);
  });

  it('resolution: header, sections, signature and recipients survive the conversion', async () => {
    const pdf = converted.get('resolution');
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    expectPhrases(await pdfText(pdf ?? Buffer.alloc(0)), resolutionPhrases());
  });
});
