import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RULE_SET, type MinutesModel, scoreMeeting } from '@nennep/core';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentDate, FALLBACK_DATE, zipEntries } from './deterministic.ts';
import { MEMBERS, sampleMinutesModel, sampleResolutionModel } from './fixtures.ts';
import { renderMinutesDocx, renderMinutesPdf, renderResolutionDocx, renderResolutionPdf } from './index.ts';
import { numberedHeading, roman, scoreLine } from './party-layout.ts';
import { docxText, expectPhrases, minutesPhrases, pdfText, resolutionPhrases, squash } from './testing.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compares with the golden file, or writes it when UPDATE_GOLDEN=1. */
function expectGolden(name: string, actual: Buffer) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run the tests once with UPDATE_GOLDEN=1`);
  const golden = readFileSync(file);
  expect(actual.equals(golden), `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`).toBe(
    true,
  );
}

describe('the sample meeting (domain.md §3, Cần Thơ)', () => {
  it('has 17 members all present, 10 members speaking 13 opinions, a full 100-point sheet', () => {
    const model = sampleMinutesModel();
    expect(MEMBERS).toHaveLength(17);
    expect(model.rollCall).toMatchObject({
      total: 17,
      present: 17,
      presentOfficial: 16,
      presentProbationary: 1,
    });
    const opinions = model.discussion
      .flatMap((d) => d.opinions)
      .filter((o) => MEMBERS.some((m) => m === o.speaker));
    expect(opinions).toHaveLength(13);
    expect(new Set(opinions.map((o) => o.speaker)).size).toBe(10);
    const score = model.score;
    expect(score?.criteria.reduce((sum, c) => sum + c.max, 0)).toBe(100);
    expect(score?.criteria.reduce((sum, c) => sum + c.points, 0)).toBe(score?.total);
  });
});

describe('the sample score sheet', () => {
  it('is what the rules engine gives for the meeting under the default rule set', () => {
    const facts = {
      kind: 'model' as const,
      durationMinutes: 130,
      minDurationMinutes: 90,
      expected: 17,
      present: 17,
      unexcusedAbsences: 0,
      anyoneAbsentOverThreeInRow: false,
      speakers: 10,
      materialsPublishedDayBefore: true,
      cellCommitteeMetBefore: true,
      previousTasksDonePercent: 90,
    };
    const manual = {
      draft_resolution: 3,
      secretary_prepared: 2,
      order_followed: 10,
      content_quality: 9,
      minutes_complete: 5,
      chairing: 9,
      principles: 5,
      closing: 5,
    };
    const { scoreSheet, levels } = DEFAULT_RULE_SET;
    expect(scoreMeeting(scoreSheet, levels, facts, manual)).toEqual(sampleMinutesModel().score);
  });
});

describe('golden files: fixed input, identical bytes', () => {
  it('minutes DOCX', async () => {
    expectGolden('minutes.docx', await renderMinutesDocx(sampleMinutesModel()));
  });

  it('resolution DOCX', async () => {
    expectGolden('resolution.docx', await renderResolutionDocx(sampleResolutionModel()));
  });
});

describe('repeatable bytes, whatever the clock says', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function twice<T>(render: () => Promise<T>): Promise<[T, T]> {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-09T10:11:12Z'));
    const first = await render();
    vi.setSystemTime(new Date('2044-12-30T23:59:58Z'));
    const second = await render();
    return [first, second];
  }

  it('DOCX: the same bytes at two different times', async () => {
    const [a, b] = await twice(() => renderMinutesDocx(sampleMinutesModel()));
    expect(a.equals(b)).toBe(true);
    const [c, d] = await twice(() => renderResolutionDocx(sampleResolutionModel()));
    expect(c.equals(d)).toBe(true);
  });

  it('PDF: two renders of each document are byte-equal', async () => {
    const [a, b] = await twice(() => renderMinutesPdf(sampleMinutesModel()));
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.equals(b)).toBe(true);
    const [c, d] = await twice(() => renderResolutionPdf(sampleResolutionModel()));
    expect(c.equals(d)).toBe(true);
  });

  it('DOCX: zip entries and document properties carry the document date, not the clock', async () => {
    const docx = await renderMinutesDocx(sampleMinutesModel());
    const zip = await JSZip.loadAsync(docx);
    const names = zipEntries(docx).map((e) => e.name);
    expect(names).toContain('word/document.xml');
    for (const name of names) expect(zip.file(name)?.date.toISOString()).toBe('2026-02-05T00:00:00.000Z');
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-02-05T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain('<dc:creator>Nền Nếp</dc:creator>');
  });

  it('reads the date of the place-date line, or falls back', () => {
    expect(documentDate('Ninh Kiều, ngày 05 tháng 02 năm 2026').toISOString()).toBe(
      '2026-02-05T00:00:00.000Z',
    );
    expect(documentDate('Tân Hội, ngày 9 tháng 12 năm 2025').toISOString()).toBe('2025-12-09T00:00:00.000Z');
    expect(documentDate('ngày 31 tháng 02 năm 2026')).toBe(FALLBACK_DATE);
    expect(documentDate('Tân Hội')).toBe(FALLBACK_DATE);
  });
});

describe('content', () => {
  it('minutes DOCX holds the header, roll call, every speaker, the vote, the score and the addendum', async () => {
    const model = sampleMinutesModel();
    const text = await docxText(await renderMinutesDocx(model));
    expectPhrases(text, [
      ...minutesPhrases(model),
      'NGƯỜI GHI BIÊN BẢN',
      'CHỦ TRÌ',
      'PHỤ LỤC ĐÍNH CHÍNH ngày 10/02/2026',
      'Thời gian 130/90 phút',
    ]);
    // The score sheet: one row per criterion, the points out of its own columns.
    expect(text).toContain('\nTỷ lệ dự họp 17/17 (100%)\n4\n4\ntừ 90% trở lên\n');
  });

  it('minutes PDF holds the same, as pdftotext reads it', async () => {
    const model = sampleMinutesModel();
    expectPhrases(await pdfText(await renderMinutesPdf(model)), [
      ...minutesPhrases(model),
      'PHỤ LỤC ĐÍNH CHÍNH ngày 10/02/2026',
    ]);
  });

  it('resolution DOCX and PDF hold the header, the sections, the signature and the recipients', async () => {
    const model = sampleResolutionModel();
    const phrases = [...resolutionPhrases(), ...model.recipients.map((r) => `- ${r}`)];
    expectPhrases(await docxText(await renderResolutionDocx(model)), phrases);
    expectPhrases(await pdfText(await renderResolutionPdf(model)), phrases);
  });

  it('prints a resolution frozen before the grounds structure as it was adopted', async () => {
    const { grounds: _g, decision: _d, points: _p, adoption: _a, ...rest } = sampleResolutionModel();
    const frozen = {
      ...rest,
      preamble: 'Căn cứ kết quả sinh hoạt chi bộ; Tán thành 16/16 (100%).',
      sections: [{ heading: 'QUYẾT NGHỊ', paragraphs: ['Hoàn thành định danh điện tử mức 2.'] }],
    };
    const phrases = ['Tán thành 16/16 (100%).', 'I. QUYẾT NGHỊ', 'II. PHÂN CÔNG THỰC HIỆN', 'T/M CHI BỘ'];
    expectPhrases(await docxText(await renderResolutionDocx(frozen)), phrases);
    expectPhrases(await pdfText(await renderResolutionPdf(frozen)), phrases);
  });

  it('prints absences with names and reasons', async () => {
    const model = sampleMinutesModel();
    model.rollCall = {
      ...model.rollCall,
      present: 15,
      presentOfficial: 14,
      absentExcused: [{ name: 'Bùi Thanh Phong', reason: 'đi công tác tại Hậu Giang' }],
      absentUnexcused: ['Hồ Văn Sang'],
    };
    const phrases = [
      'Có mặt: 15 đồng chí (chính thức: 14; dự bị: 1)',
      'Vắng mặt có lý do: 1 đồng chí',
      'Đồng chí Bùi Thanh Phong: đi công tác tại Hậu Giang',
      'Vắng mặt không có lý do: 1 đồng chí: đồng chí Hồ Văn Sang',
    ];
    expectPhrases(await docxText(await renderMinutesDocx(model)), phrases);
    expectPhrases(await pdfText(await renderMinutesPdf(model)), phrases);
  });

  it('prints decomposed Vietnamese as precomposed letters and drops control characters', async () => {
    const model = sampleMinutesModel();
    const name = 'Nguyễn Văn Đức';
    model.discussion[3]?.opinions.push({
      speaker: name.normalize('NFD'),
      text: 'Nhất trí\u0007 với báo cáo.',
    });
    const expected = [`Đồng chí ${name}: Nhất trí với báo cáo.`];
    const docx = await docxText(await renderMinutesDocx(model));
    expectPhrases(docx, expected);
    expect(docx).not.toContain('\u0007');
    expectPhrases(await pdfText(await renderMinutesPdf(model)), expected);
  });

  it('leaves out what a meeting did not have, and numbers the parts that remain', async () => {
    const model: MinutesModel = {
      ...sampleMinutesModel(),
      guests: [],
      tasks: [],
      personnel: [],
      resolution: null,
      score: null,
      levelText: null,
      endedAt: null,
      addenda: [],
    };
    const text = squash(await docxText(await renderMinutesDocx(model)));
    expect(text).toContain('V. ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG BUỔI SINH HOẠT');
    expect(text).toContain('Buổi sinh hoạt chưa được đánh giá, xếp loại chất lượng.');
    expect(text).toContain('VI. KẾT THÚC');
    for (const absent of ['PHỤ LỤC', 'Đại biểu dự', 'Kết quả biểu quyết', 'kết thúc lúc', 'PHÂN CÔNG']) {
      expect(text).not.toContain(absent);
    }
    expect(squash(await pdfText(await renderMinutesPdf(model)))).toContain('VI. KẾT THÚC');
  });
});

describe('layout helpers', () => {
  it('splits a score line into criterion and explanation', () => {
    const line = (vi: string) =>
      scoreLine({ criterionId: 'x', points: 4, max: 4, explanation: { vi, en: '' } });
    expect(line('Tỷ lệ dự họp 17/17 (100%): từ 90% trở lên — 4/4 điểm')).toEqual({
      criterion: 'Tỷ lệ dự họp 17/17 (100%)',
      explanation: 'từ 90% trở lên',
    });
    expect(line('đủ')).toEqual({ criterion: 'x', explanation: 'đủ' });
  });

  it('numbers parts in Roman numerals, once', () => {
    expect([1, 4, 9, 14, 40].map(roman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL']);
    expect(numberedHeading(2, 'THÀNH PHẦN')).toBe('II. THÀNH PHẦN');
    expect(numberedHeading(2, 'III. THÀNH PHẦN')).toBe('III. THÀNH PHẦN');
  });
});
