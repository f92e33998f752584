/**
 * Test helpers: the text of a DOCX (read with JSZip, independently of our own zip code) and of a PDF
 * (poppler's `pdftotext`), with whitespace collapsed so that wrapped lines still match.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MinutesModel } from '@nennep/core';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { sampleResolutionModel } from './fixtures.ts';

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

/** `word/document.xml` as text: one line per paragraph, runs joined. */
export async function docxText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('word/document.xml missing');
  const xml = await file.async('string');
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join(''),
    )
    .join('\n');
}

/** Runs a command with `input` on stdin and resolves with its stdout; rejects on a non-zero exit. */
export function run(command: string, args: string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${command} exited with ${code}: ${Buffer.concat(err).toString()}`));
    });
    child.stdin.end(input);
  });
}

/** The text of a PDF, by `pdftotext - -` (poppler-utils). */
export async function pdfText(pdf: Buffer): Promise<string> {
  return (await run('pdftotext', ['-enc', 'UTF-8', '-', '-'], pdf)).toString('utf8');
}

/** What the minutes of the sample meeting must say, in either format. */
export function minutesPhrases(model: MinutesModel): string[] {
  const speakers = new Set(model.discussion.flatMap((d) => d.opinions.map((o) => o.speaker)));
  return [
    model.header.superior,
    model.header.issuer,
    model.header.number,
    model.header.placeDate,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    model.title,
    model.subtitle,
    `Chủ trì: Đồng chí ${model.chair.name}`,
    `Người ghi biên bản: Đồng chí ${model.secretary.name}`,
    'Tổng số đảng viên của chi bộ: 17 đồng chí (chính thức: 16; dự bị: 1)',
    // Temporary attendance, out and in (domain.md §3): stated even when nobody is.
    'Đảng viên đi sinh hoạt tạm thời nơi khác: 0 đồng chí',
    'Đảng viên sinh hoạt tạm thời tại chi bộ: 0 đồng chí',
    'Có mặt: 17 đồng chí (chính thức: 16; dự bị: 1)',
    'Vắng mặt có lý do: 0 đồng chí',
    'Vắng mặt không có lý do: 0 đồng chí',
    ...[...speakers].map((name) => `Đồng chí ${name}:`),
    `Kết quả biểu quyết: ${model.resolution?.vote}`,
    'Tổng số điểm: 98/100 điểm',
    'Xếp loại chất lượng buổi sinh hoạt: Tốt',
    `Thời gian bắt đầu: ${model.startedAt}`,
    ...model.tasks.flatMap((t) => (t.deadline ? [t.deadline] : [])),
    ...model.discussion.flatMap((d) => (d.conclusion ? [`Kết luận của chủ trì: ${d.conclusion}`] : [])),
    model.closing,
    model.adoption ?? '',
  ];
}

/**
 * The rules of issue 11 on the text of the minutes (read from the DOCX or from LibreOffice's PDF): the
 * date line opens with the place (not an organisation's name), the end is stated once, dates are dd/mm/yyyy
 * and times "… giờ … phút", every agenda item appears in "DIỄN BIẾN VÀ NỘI DUNG SINH HOẠT" with its
 * opinions or "Không có ý kiến." and the chair's conclusion, and the minutes close with their own adoption.
 * Returns what is wrong, empty when nothing is.
 */
export function minutesRuleProblems(text: string, model: MinutesModel): string[] {
  const flat = squash(text);
  const problems: string[] = [];
  const place = model.header.placeDate.split(',')[0] ?? '';
  if (/^(Đảng bộ|Đảng ủy|Chi bộ|Thành ủy|Tỉnh ủy)/iu.test(place)) problems.push(`place: ${place}`);
  if (!flat.includes(`${place}, ngày`)) problems.push('date line');
  const endings = flat.match(/kết thúc lúc/giu) ?? [];
  if (endings.length !== 1) problems.push(`closing lines: ${endings.length}`);
  if (
    !/Buổi sinh hoạt kết thúc lúc \d{2} giờ \d{2} phút (cùng ngày|, ngày \d{2}\/\d{2}\/\d{4})\./u.test(flat)
  ) {
    problems.push('closing line form');
  }
  if (!/Thời gian bắt đầu: \d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}/u.test(flat))
    problems.push('start');
  const iso = flat.match(/\b\d{4}-\d{2}-\d{2}\b/gu);
  if (iso) problems.push(`ISO dates: ${iso.join(', ')}`);
  if (/\b\d{1,2}:\d{2}\b/u.test(flat)) problems.push('hh:mm time');
  // The discussion part, item by item, in the agenda's numbering.
  const from = flat.indexOf('DIỄN BIẾN VÀ NỘI DUNG SINH HOẠT');
  const to = flat.search(
    /[IVX]+\. (PHÂN CÔNG NHIỆM VỤ|CÔNG TÁC ĐẢNG VIÊN|NGHỊ QUYẾT VÀ|ĐÁNH GIÁ, XẾP LOẠI)/u,
  );
  const part = from >= 0 ? flat.slice(from, to > from ? to : undefined) : '';
  let at = 0;
  model.agenda.forEach((item, i) => {
    const heading = squash(`${i + 1}. ${item}`);
    const start = part.indexOf(heading, at);
    if (start < 0) {
      problems.push(`item ${i + 1} missing`);
      return;
    }
    const next = model.agenda[i + 1];
    const end = next ? part.indexOf(squash(`${i + 2}. ${next}`), start + heading.length) : part.length;
    const body = part.slice(start + heading.length, end < 0 ? part.length : end);
    const entry = model.discussion.find((d) => d.item === item);
    if (!entry || entry.opinions.length === 0) {
      if (!body.includes('Không có ý kiến.')) problems.push(`item ${i + 1}: no "Không có ý kiến."`);
    } else if (body.includes('Không có ý kiến.'))
      problems.push(`item ${i + 1}: opinions and "Không có ý kiến."`);
    if (entry?.conclusion && !body.includes(squash(`Kết luận của chủ trì: ${entry.conclusion}`))) {
      problems.push(`item ${i + 1}: conclusion`);
    }
    at = start + heading.length;
  });
  const adoption =
    /Biên bản đã được đọc lại trước chi bộ và được (\d+\/\d+|…\/…) đồng chí[^.]* tán thành thông qua\./u;
  const closingAt = flat.lastIndexOf('KẾT THÚC');
  if (!adoption.test(flat.slice(closingAt))) problems.push('adoption sentence');
  return problems;
}

/** What the sample resolution must say, in either format: grounds, "QUYẾT NGHỊ:", points, the vote once, signer. */
export const resolutionPhrases = () => {
  const model = sampleResolutionModel();
  return [
    model.header.superior,
    model.header.issuer,
    'Số 05-NQ/CB',
    model.header.placeDate,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'NGHỊ QUYẾT',
    'về lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026',
    '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    '- Căn cứ Quy chế làm việc của Chi bộ Khu vực 3 nhiệm kỳ 2025–2030;',
    '- Căn cứ kết quả sinh hoạt chi bộ mẫu tháng 02 năm 2026 ngày 05/02/2026,',
    'CHI BỘ KHU VỰC 3 QUYẾT NGHỊ:',
    '1. Đánh giá kết quả thực hiện nhiệm vụ tháng 01 năm 2026:',
    '2. Nhiệm vụ, giải pháp tháng 02 năm 2026:',
    '3. Chi ủy cụ thể hóa nghị quyết',
    '4. Phân công thực hiện:',
    model.adoption,
    'Nơi nhận:',
    '- Đảng ủy phường Ninh Kiều (để báo cáo),',
    '- Lưu chi bộ.',
    'T/M CHI BỘ',
    'BÍ THƯ',
    model.signature.name,
  ];
};

/** Every phrase appears in the text, whitespace aside; the failure lists the missing ones. */
export function expectPhrases(text: string, phrases: string[]) {
  // pdfmake may break a line after "-" or "/" ("50-CT/TW"), which pdftotext reads back with a space.
  const loose = (t: string) => squash(t).replace(/([-/]) /g, '$1');
  const flat = loose(text);
  const missing = phrases.filter((phrase) => !flat.includes(loose(phrase)));
  expect(missing).toEqual([]);
}

/**
 * DOCX files converted to PDF by LibreOffice (`soffice --headless`, a profile of its own so that parallel
 * runs and a desktop LibreOffice do not share a lock), in the same order. Never skipped: CI installs
 * libreoffice-writer-nogui.
 */
export async function libreOfficePdfs(files: Record<string, Buffer>): Promise<Buffer[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nennep-lo-'));
  try {
    const names = Object.keys(files);
    for (const name of names) writeFileSync(path.join(dir, `${name}.docx`), files[name] ?? Buffer.alloc(0));
    await run(process.env.SOFFICE_PATH ?? 'soffice', [
      `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      path.join(dir, 'out'),
      ...names.map((name) => path.join(dir, `${name}.docx`)),
    ]);
    return names.map((name) => readFileSync(path.join(dir, 'out', `${name}.pdf`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
