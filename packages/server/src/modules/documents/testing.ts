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
    'Có mặt: 17 đồng chí (chính thức: 16; dự bị: 1)',
    'Vắng mặt có lý do: 0 đồng chí',
    'Vắng mặt không có lý do: 0 đồng chí',
    ...[...speakers].map((name) => `Đồng chí ${name}:`),
    `Kết quả biểu quyết: ${model.resolution?.vote}`,
    'Tổng số điểm: 98/100 điểm',
    'Xếp loại chất lượng buổi sinh hoạt: Tốt',
  ];
}

export const resolutionPhrases = () => {
  const model = sampleResolutionModel();
  return [
    model.header.superior,
    model.header.issuer,
    'Số 05-NQ/CB',
    model.header.placeDate,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'NGHỊ QUYẾT',
    model.subtitle,
    'I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2026',
    'II. NHIỆM VỤ, GIẢI PHÁP THÁNG 02 NĂM 2026',
    'III. TỔ CHỨC THỰC HIỆN',
    'IV. PHÂN CÔNG THỰC HIỆN',
    'Nơi nhận:',
    'T/M CHI BỘ',
    'BÍ THƯ',
    model.signature.name,
  ];
};

/** Every phrase appears in the text, whitespace aside; the failure lists the missing ones. */
export function expectPhrases(text: string, phrases: string[]) {
  const flat = squash(text);
  const missing = phrases.filter((phrase) => !flat.includes(squash(phrase)));
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
