/**
 * Writes a cell's year at province scale as COPY rows: the meetings with their roll calls, opinions,
 * tasks, votes, papers and trail; the commune's visits to its residential cells (one a quarter, at the
 * meeting in the window of the coverage target, domain.md §4) with the visitor's report; and the
 * recommendations raised at the meetings, answered by the commune and read back at a later meeting
 * (domain.md §5). Same shapes as the demo's bulk history (`history/write.ts`).
 */
import {
  addDays,
  dueDateFor,
  foldForSearch,
  periodContaining,
  type RuleSetContent,
  recommendationRulesOf,
  supervisionRulesOf,
} from '@nennep/core';
import { ACTOR, dayAt, iso, json, materialValues, trailValues, voteValues } from '../history/rows.ts';
import { mulberry32, pick } from '../prng.ts';
import type { CopySink } from './sink.ts';
import type { ScaleMeeting } from './year.ts';

export interface ScaleCommune {
  id: number;
  path: string;
  bodyName: string;
  visitors: { id: number; name: string }[];
  /** Plan id per period key (published plans of the quarters seeded). */
  plans: Map<string, number>;
}

export interface CellContext {
  id: number;
  path: string;
  /** Position among the commune's cells: which visitor goes, and on which day. */
  index: number;
  residential: boolean;
  commune: ScaleCommune;
}

/** The visitor the commune sends to a cell's meeting on `date`, when the coverage target asks for one. */
export function visitorFor(cell: CellContext, rules: RuleSetContent, date: string) {
  const supervision = supervisionRulesOf(rules);
  if (!cell.residential || cell.commune.visitors.length === 0) return null;
  const period = periodContaining(supervision.period, date, supervision.windowMonths);
  if (date < period.windowFrom || date > period.windowTo) return null;
  const span = rules.meetingWindow.toDay - rules.meetingWindow.fromDay + 1;
  // Cells meeting on one day get different visitors (one visit a day, `maxVisitsPerDay`).
  const visitor = cell.commune.visitors[Math.floor(cell.index / span) % cell.commune.visitors.length];
  return visitor ? { visitor, periodKey: period.key } : null;
}

const REC_TEXTS = [
  'Đề nghị nâng cấp, cứng hóa tuyến đường liên thôn bị xuống cấp sau mùa mưa',
  'Đề nghị bổ sung đèn chiếu sáng công cộng tại các ngõ xóm',
  'Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất còn tồn đọng',
  'Đề nghị xử lý tình trạng xả rác thải ra kênh mương nội đồng',
  'Đề nghị cấp trên sớm gửi tài liệu học tập chuyên đề cho chi bộ',
  'Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa',
  'Đề nghị quan tâm chế độ cho đảng viên cao tuổi, hoàn cảnh khó khăn',
  'Đề nghị hướng dẫn việc chuyển sinh hoạt đảng tạm thời cho đảng viên đi làm ăn xa',
];
const REC_CATEGORIES = [
  'infrastructure',
  'infrastructure',
  'land',
  'land',
  'party_work',
  'social',
  'social',
  'party_work',
];
const ANSWER =
  'Đảng ủy đã chỉ đạo Ủy ban nhân dân và các ngành chức năng xem xét, đưa vào kế hoạch giải quyết trong năm.';

/** Ids reserved for the rows of one cell that other rows point to. */
export interface CellIds {
  meeting: (index: number) => number;
  visit: () => number;
  recommendation: () => number;
}

/** Writes one cell's meetings, visits and recommendations. */
export async function writeCellYear(
  sink: CopySink,
  cell: CellContext,
  year: readonly ScaleMeeting[],
  rules: RuleSetContent,
  ruleSetId: number,
  ids: CellIds,
  input: { today: string; seed: number; memberNames: ReadonlyMap<number, string> },
) {
  const rng = mulberry32(input.seed ^ Math.imul(cell.id, 97_531));
  const add = (table: Parameters<CopySink['add']>[0], values: Parameters<CopySink['add']>[1]) =>
    sink.add(table, values);
  const trail = async (id: number, kind: string, at: Date, data: Record<string, unknown>) => {
    const { event, audit } = trailValues(id, cell.path, kind, at, data);
    await add('meeting_events', event);
    await add('audit_events', audit);
  };
  const held = year.map((m, i) => ({ ...m, id: ids.meeting(i) }));
  const yesterday = dayAt(input.today, 1, '17:00');
  for (const { id, meeting: m, record: r, score, status, agenda } of held) {
    const adoptedAt = status === 'adopted' && r ? r.endedAt : null;
    await add('meetings', [
      id,
      cell.id,
      cell.path,
      'regular',
      null,
      status,
      m.date,
      m.startTime,
      m.place,
      json(agenda),
      ruleSetId,
      r && iso(r.startedAt),
      r && iso(r.endedAt),
      r?.chairId,
      r?.takerId,
      json(r?.manualScores ?? {}),
      score && json(score),
      adoptedAt && score?.level,
      adoptedAt && score?.total,
      r?.conclusion || null,
      adoptedAt && iso(adoptedAt),
      iso(dayAt(m.date, 25)),
    ]);
    if (status === 'cancelled') await trail(id, 'cancelled', dayAt(m.date, 1), { reason: m.cancelReason });
    if (!r) continue;
    for (const l of r.roll) await add('attendance', [id, l.memberId, l.status, l.reason, l.memberStatus]);
    for (const o of r.opinions)
      await add('opinions', [id, o.memberId, o.guestName, o.agendaIndex, o.summary, iso(r.startedAt)]);
    for (const t of r.tasks) {
      // Done as the record says (the score read it so); marked done ten days before the deadline, or
      // yesterday when that day is still to come.
      const doneAt = new Date(Math.min(dayAt(t.deadline, 10, '17:00').getTime(), yesterday.getTime()));
      await add('tasks', [
        id,
        cell.path,
        t.memberId,
        t.text,
        t.deadline,
        t.done ? 'done' : 'open',
        t.done ? iso(doneAt) : null,
      ]);
    }
    for (const v of r.votes) await add('votes', voteValues(id, v));
    for (const g of r.guests) await add('meeting_guests', [id, g.name, g.role]);
    if (r.materialAt) await add('materials', materialValues(id, m, r.materialAt));
    await trail(id, 'started', r.startedAt, { at: iso(r.startedAt) });
    await trail(id, 'ended', r.endedAt, { at: iso(r.endedAt) });
    if (adoptedAt) await trail(id, 'adopted', adoptedAt, { minutes: null, resolution: null });
  }
  await writeVisits(sink, cell, held, rules, ids);
  await writeRecommendations(sink, cell, held, rules, ids, rng, input);
}

async function writeVisits(
  sink: CopySink,
  cell: CellContext,
  held: readonly (ScaleMeeting & { id: number })[],
  rules: RuleSetContent,
  ids: CellIds,
) {
  for (const { id, meeting: m, status, score } of held) {
    const sent = visitorFor(cell, rules, m.date);
    const planId = sent && cell.commune.plans.get(sent.periodKey);
    if (!sent || planId === undefined || planId === null) continue;
    const visitId = ids.visit();
    const reported = status === 'held' || status === 'adopted';
    const startedAt = new Date(Date.parse(`${m.date}T${m.startTime}:00+07:00`));
    await sink.add('visits', [
      visitId,
      planId,
      cell.commune.id,
      cell.commune.path,
      sent.periodKey,
      cell.id,
      cell.path,
      id,
      sent.visitor.id,
      m.date,
      m.startTime,
      120,
      reported ? 'reported' : status === 'cancelled' ? 'cancelled' : 'planned',
      status === 'cancelled' ? 'Chi bộ không sinh hoạt theo kế hoạch' : null,
      reported ? iso(startedAt) : null,
      iso(dayAt(m.date, 30)),
    ]);
    if (reported && score) {
      await sink.add('visit_reports', [
        visitId,
        true,
        JSON.stringify(score),
        score.total,
        score.level,
        'Chi bộ sinh hoạt đúng nội dung, đúng quy trình theo Hướng dẫn 12-HD/BTCTW.',
        '[]',
        sent.visitor.id,
        sent.visitor.name,
        iso(dayAt(m.date, -2, '10:00')),
      ]);
    }
  }
}

async function writeRecommendations(
  sink: CopySink,
  cell: CellContext,
  held: readonly (ScaleMeeting & { id: number })[],
  rules: RuleSetContent,
  ids: CellIds,
  rng: () => number,
  input: { today: string; memberNames: ReadonlyMap<number, string> },
) {
  const recRules = recommendationRulesOf(rules);
  const commune = cell.commune;
  for (const [index, h] of held.entries()) {
    if (h.status !== 'adopted' || !h.record || rng() > 1 / 6) continue;
    const speaker = pick(
      rng,
      h.record.opinions.filter((o) => o.memberId !== null),
    );
    const memberId = speaker?.memberId ?? null;
    const which = Math.floor(rng() * REC_TEXTS.length);
    const text = REC_TEXTS[which] ?? '';
    const category = REC_CATEGORIES[which] ?? 'other';
    const raisedOn = h.meeting.date;
    const id = ids.recommendation();
    const raisedAt = h.record.endedAt;
    const answeredOn = addDays(raisedOn, 7 + Math.floor(rng() * 20));
    // Read back at the cell's first meeting held after the answer.
    const back = held
      .slice(index + 1)
      .find((n) => n.meeting.date > answeredOn && n.status === 'adopted' && n.record);
    const old = answeredOn < input.today;
    const status = !old ? (rng() < 0.5 ? 'received' : 'in_progress') : back ? 'reported_back' : 'answered';
    const answered = status === 'answered' || status === 'reported_back';
    const answeredAt = dayAt(answeredOn, 0, '15:00');
    await sink.add('recommendations', [
      id,
      cell.id,
      cell.path,
      'meeting',
      h.id,
      memberId,
      (memberId !== null && input.memberNames.get(memberId)) || 'Chi bộ',
      raisedOn,
      text,
      foldForSearch(text),
      category,
      status,
      commune.id,
      commune.path,
      answered ? null : dueDateFor(recRules, category, raisedOn),
      answered ? ANSWER : null,
      answered ? iso(answeredAt) : null,
      answered ? answeredOn : null,
      answered ? commune.bodyName : null,
      status === 'reported_back' ? back?.id : null,
      status === 'reported_back',
      status === 'reported_back' && back?.record ? iso(back.record.endedAt) : null,
      iso(raisedAt),
    ]);
    await sink.add('recommendation_events', [id, 'received', cell.id, commune.id, ACTOR, iso(raisedAt)]);
    if (status === 'in_progress')
      await sink.add('recommendation_events', [
        id,
        'in_progress',
        null,
        null,
        ACTOR,
        iso(dayAt(raisedOn, -2)),
      ]);
    if (answered)
      await sink.add('recommendation_events', [id, 'answered', null, null, ACTOR, iso(answeredAt)]);
    if (status === 'reported_back' && back?.record)
      await sink.add('recommendation_events', [
        id,
        'reported_back',
        null,
        null,
        ACTOR,
        iso(back.record.endedAt),
      ]);
  }
}
