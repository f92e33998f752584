/**
 * LibreOffice opens the DOCX files: each is converted to PDF by `soffice --headless` and the text of the
 * result checked. Never skipped: CI installs libreoffice-writer-nogui (and poppler-utils for pdftotext).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleMinutesModel, sampleResolutionModel } from './fixtures.ts';
import { renderMinutesDocx, renderResolutionDocx } from './index.ts';
import {
  expectPhrases,
  libreOfficePdfs,
  minutesPhrases,
  minutesRuleProblems,
  pdfText,
  resolutionPhrases,
  squash,
} from './testing.ts';

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

  it('minutes: place in the date line, one closing line, dd/mm/yyyy, "giờ … phút", every item, adoption', async () => {
    const model = sampleMinutesModel();
    const text = await pdfText(converted.get('minutes') ?? Buffer.alloc(0));
    expect(minutesRuleProblems(text, model)).toEqual([]);
    expectPhrases(text, [
      'Ninh Kiều, ngày 05 tháng 02 năm 2026',
      'Thời gian bắt đầu: 08 giờ 00 phút, ngày 05/02/2026',
      'Buổi sinh hoạt kết thúc lúc 10 giờ 10 phút cùng ngày.',
      '28/02/2026',
      '1. Tuyên bố lý do, giới thiệu đại biểu; điểm danh đảng viên - Không có ý kiến.',
      'Kết luận của chủ trì: Chi bộ thu đảng phí tháng 02 năm 2026 đạt 100%.',
      'Biên bản đã được đọc lại trước chi bộ và được 16/16 đồng chí đảng viên chính thức dự họp tán thành thông qua.',
    ]);
    // The checks can fail: the same text with the end stated twice, or an item without a word under it.
    expect(minutesRuleProblems(`${text} Cuộc họp kết thúc lúc 10:10 05/02/2026.`, model)).toContain(
      'closing lines: 2',
    );
    const unspoken = { ...model, discussion: model.discussion.filter((d) => d.item !== model.agenda[0]) };
    expect(minutesRuleProblems(text.replace(/Không có ý kiến\./gu, ''), unspoken)).toContain(
      'item 1: no "Không có ý kiến."',
    );
  });

  it('resolution: grounds, "QUYẾT NGHỊ:", the vote once, the real signer, "Nơi nhận" with "Đảng ủy"', async () => {
    const pdf = converted.get('resolution');
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const text = squash(await pdfText(pdf ?? Buffer.alloc(0)));
    expectPhrases(text, resolutionPhrases());
    // The vote is stated once, at the end, and not as the raw statement in an opening paragraph.
    expect(text.match(/đồng chí tán thành/gu)).toHaveLength(1);
    expect(text.indexOf('Nghị quyết được')).toBeGreaterThan(text.indexOf('Phân công thực hiện:'));
    expect(text).not.toMatch(/Tán thành \d/u);
    expect(text).not.toMatch(/[IVX]+\. QUYẾT NGHỊ/u);
    expect(text).toMatch(/Nơi nhận:.*- Đảng ủy phường Ninh Kiều/u);
    expect(text).toMatch(/T\/M CHI BỘ.*BÍ THƯ.*Nguyễn Văn Thành/u);
  });
});
