/**
 * Minutes benchmark: for 1,000 meetings (BENCH_MEETINGS), score the meeting with the default rule set,
 * then render its minutes as DOCX and as PDF, one after another in this one process (documents could
 * also be rendered by workers, one per core). The models are varied from the Cần Thơ sample
 * deterministically: members, speakers, opinion counts, absences, duration and hand marks.
 */
import {
  DEFAULT_RULE_SET,
  levelLabel,
  type MeetingFacts,
  type MinutesModel,
  type QualityScore,
  scoreMeeting,
} from '@nennep/core';
import { sampleMinutesModel } from '../packages/server/src/modules/documents/fixtures.ts';
import { renderMinutesDocx, renderMinutesPdf } from '../packages/server/src/modules/documents/index.ts';

export interface MinutesFigures {
  meetings: number;
  msPerMeeting: number;
  docxMsPerMeeting: number;
  pdfMsPerMeeting: number;
  scoreMsPerMeeting: number | null;
  note: string;
}

export const BENCH_MEETINGS = Number(process.env.BENCH_MEETINGS ?? 1_000);
const WARM_UP = 10;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Huỳnh',
  'Hoàng',
  'Võ',
  'Phan',
  'Trương',
  'Bùi',
  'Đặng',
  'Đỗ',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Hoàng', 'Thu', 'Kim', 'Hữu', 'Bích', 'Mỹ'];
const GIVEN = [
  'An',
  'Bảo',
  'Chi',
  'Diễm',
  'Dũng',
  'Giang',
  'Hà',
  'Hân',
  'Hùng',
  'Khoa',
  'Lan',
  'Linh',
  'Lợi',
];
const GIVEN_MORE = [
  'Loan',
  'Mai',
  'Nam',
  'Nhung',
  'Phong',
  'Phúc',
  'Quân',
  'Sang',
  'Tâm',
  'Thảo',
  'Trang',
  'Yến',
];
const GIVEN_ALL = [...GIVEN, ...GIVEN_MORE];

/** mulberry32: a small seeded generator, so that every run benchmarks the same meetings. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Meeting `i`: the sample with other members, speakers, absences and times; its facts for scoring. */
export function variedMeeting(i: number): {
  model: MinutesModel;
  facts: MeetingFacts;
  manual: Record<string, number>;
} {
  const next = random(20260205 + i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const base = sampleMinutesModel();
  const total = 9 + Math.floor(next() * 32);
  const members = Array.from({ length: total }, () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN_ALL)}`);
  const excused = Math.floor(next() * 3);
  const unexcused = next() < 0.15 ? 1 : 0;
  const present = total - excused - unexcused;
  const probationary = Math.min(2, Math.floor(next() * 3));
  const pool = base.discussion.flatMap((d) => d.opinions.map((o) => o.text));
  const opinions = 5 + Math.floor(next() * 21);
  const talking = base.discussion.filter((d) => d.opinions.length > 0);
  const discussion = base.discussion.map((d) => ({
    ...d,
    opinions: [] as { speaker: string; text: string }[],
  }));
  const speakers = new Set<string>();
  for (let k = 0; k < opinions; k++) {
    const speaker = members[Math.floor(next() * present)] ?? base.chair.name;
    speakers.add(speaker);
    const item = talking[k % talking.length]?.item;
    discussion.find((d) => d.item === item)?.opinions.push({ speaker, text: pick(pool) });
  }
  const duration = 60 + Math.floor(next() * 90);
  const month = (i % 12) + 1;
  const model: MinutesModel = {
    ...base,
    header: {
      ...base.header,
      issuer: `CHI BỘ KHU VỰC ${(i % 40) + 1}`,
      number: `Số ${pad((i % 99) + 1)}-BB/CB`,
      placeDate: `Ninh Kiều, ngày ${pad(3 + (i % 3))} tháng ${pad(month)} năm 2026`,
    },
    subtitle: `Sinh hoạt chi bộ thường kỳ tháng ${pad(month)} năm 2026`,
    chair: { name: members[0] ?? base.chair.name, role: 'Bí thư Chi bộ' },
    secretary: { name: members[1] ?? base.secretary.name, role: 'Đảng viên' },
    rollCall: {
      total,
      official: total - probationary,
      probationary,
      attachedElsewhere: [],
      attachedHere: [],
      exempt: 0,
      present,
      presentOfficial: present - probationary,
      presentProbationary: probationary,
      presentAttachedHere: 0,
      absentExcused: members.slice(present, present + excused).map((name) => ({ name, reason: 'ốm' })),
      absentUnexcused: members.slice(present + excused),
      absentReasonNotAccepted: [],
    },
    discussion,
    signatures: {
      left: { title: 'NGƯỜI GHI BIÊN BẢN', name: members[1] ?? '' },
      right: { title: 'CHỦ TRÌ', name: members[0] ?? '' },
    },
    addenda: i % 10 === 0 ? base.addenda : [],
  };
  const facts: MeetingFacts = {
    kind: 'regular',
    durationMinutes: duration,
    minDurationMinutes: 90,
    expected: total,
    present,
    unexcusedAbsences: unexcused,
    anyoneAbsentOverThreeInRow: next() < 0.05,
    speakers: speakers.size,
    materialsPublishedDayBefore: next() < 0.8,
    cellCommitteeMetBefore: next() < 0.9,
    previousTasksDonePercent: Math.floor(next() * 101),
  };
  const manual = { content_quality: 6 + Math.floor(next() * 5), chairing: 7 + Math.floor(next() * 4) };
  return { model, facts, manual };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function benchMinutes(meetings = BENCH_MEETINGS): Promise<MinutesFigures> {
  const inputs = Array.from({ length: meetings + WARM_UP }, (_, i) => variedMeeting(i));
  let scoreMs = 0;
  let docxMs = 0;
  let pdfMs = 0;
  for (const [i, { model, facts, manual }] of inputs.entries()) {
    const t0 = performance.now();
    const score: QualityScore = scoreMeeting(
      DEFAULT_RULE_SET.scoreSheet,
      DEFAULT_RULE_SET.levels,
      facts,
      manual,
    );
    const scored: MinutesModel = { ...model, score, levelText: levelLabel(score.level, 'vi') };
    const t1 = performance.now();
    const docx = await renderMinutesDocx(scored);
    const t2 = performance.now();
    const pdf = await renderMinutesPdf(scored);
    const t3 = performance.now();
    if (docx.length === 0 || pdf.length === 0) throw new Error(`meeting ${i}: empty document`);
    if (i < WARM_UP) continue;
    scoreMs += t1 - t0;
    docxMs += t2 - t1;
    pdfMs += t3 - t2;
  }
  return {
    meetings,
    msPerMeeting: round((scoreMs + docxMs + pdfMs) / meetings),
    docxMsPerMeeting: round(docxMs / meetings),
    pdfMsPerMeeting: round(pdfMs / meetings),
    scoreMsPerMeeting: round(scoreMs / meetings),
    note: 'minutes only (not the resolution), one process, sequential; scored with DEFAULT_RULE_SET',
  };
}
