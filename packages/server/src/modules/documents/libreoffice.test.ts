/**
 * LibreOffice opens the DOCX files: each is converted to PDF by `soffice --headless` and the text of the
 * result checked. Never skipped: CI installs libreoffice-writer-nogui (and poppler-utils for pdftotext).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleMinutesModel, sampleResolutionModel } from './fixtures.ts';
import { renderMinutesDocx, renderResolutionDocx } from './index.ts';
import { expectPhrases, minutesPhrases, pdfText, resolutionPhrases, run } from './testing.ts';

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

describe('LibreOffice opens the DOCX files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'nennep-lo-'));
  const converted = new Map<string, Buffer>();

  beforeAll(async () => {
    writeFileSync(path.join(dir, 'minutes.docx'), await renderMinutesDocx(sampleMinutesModel()));
    writeFileSync(path.join(dir, 'resolution.docx'), await renderResolutionDocx(sampleResolutionModel()));
    // A profile of its own, so that parallel runs (and a desktop LibreOffice) do not share a lock.
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(SOFFICE, [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      path.join(dir, 'out'),
      path.join(dir, 'minutes.docx'),
      path.join(dir, 'resolution.docx'),
    ]);
    for (const name of ['minutes', 'resolution']) {
      converted.set(name, readFileSync(path.join(dir, 'out', `${name}.pdf`)));
    }
  }, 180_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

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
