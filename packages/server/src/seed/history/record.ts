/**
 * What happened at one of the demo's past meetings: the roll call as the cell stood on the day, the clock,
 * who spoke on which item, the tasks given, the votes (QĐ 24 base, recognition of members whose year of
 * probation ended), the papers sent out and the points the cell gave on the manual criteria. How well it
 * went follows the cell's diligence with some month-to-month noise. Pure: a seeded generator, no database.
 */
import {
  type AttendanceFact,
  addDays,
  lastDayOfMonth,
  PREPARATION_POSITIONS,
  type VoteCount,
  type VoteOutcome,
  type VoteSubject,
  voteOutcome,
} from '@nennep/core';
import { mulberry32, type Rng, shuffle } from '../prng.ts';
import type { CalendarMeeting } from './calendar.ts';
import { CONCLUSIONS, EXCUSES, fill, GUEST_OPINIONS, OPINIONS, TASKS, THEMATIC_TOPICS } from './phrases.ts';

export interface HistoryMember {
  id: number;
  code: string;
  fullName: string;
  position: string;
  birthYear: number;
  admissionDate: string;
  officialDate: string | null;
  exemptFrom: string | null;
  /** Works away most of the year: often absent, with a reason. */
  away: boolean;
}

export interface RollLine extends AttendanceFact {
  memberStatus: 'official' | 'probationary';
  reason: string | null;
}

export interface MeetingRecord {
  startedAt: Date;
  endedAt: Date;
  chairId: number | null;
  takerId: number | null;
  roll: RollLine[];
  opinions: { memberId: number | null; guestName: string | null; agendaIndex: number; summary: string }[];
  tasks: { memberId: number | null; text: string; deadline: string; done: boolean }[];
  votes: ({ subject: VoteSubject; text: string; memberId: number | null } & VoteCount & {
      outcome: VoteOutcome;
    })[];
  guests: { name: string; role: string }[];
  /** When the draft resolution was sent to members, or null when nothing was sent. */
  materialAt: Date | null;
  manualScores: Record<string, number>;
  conclusion: string;
}

export interface RecordInput {
  meeting: CalendarMeeting;
  agenda: readonly { title: string }[];
  /** The cell's members on the roll, in roll order. */
  members: readonly HistoryMember[];
  manualCriteria: readonly { id: string; max: number }[];
  visitor: { name: string; role: string } | null;
  /** The date of the cell's previous regular meeting held, if any: recognition comes at the first one due. */
  previousRegular: string | null;
  seed: number;
}

/** Called to a preparation meeting: the chi ủy, or the bí thư and phó bí thư where there is none (HD 12). */
const COMMITTEE = new Set(PREPARATION_POSITIONS);
const at = (date: string, time: string, plusMinutes = 0) =>
  new Date(new Date(`${date}T${time}:00+07:00`).getTime() + plusMinutes * 60_000);
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** The theme of an agenda item, to choose what is said under it. */
function themeOf(title: string): string | null {
  const t = title.toLocaleLowerCase('vi');
  if (t.includes('cấp ủy cấp trên')) return 'guest';
  if (t.includes('trình bày chuyên đề')) return 'paper';
  if (t.includes('thảo luận chuyên đề') || t.includes('liên hệ thực tiễn')) return 'thematic';
  if (t.includes('thời sự')) return 'news';
  if (t.includes('văn bản của cấp trên')) return 'documents';
  if (t.startsWith('báo cáo kết quả')) return 'report';
  if (t.startsWith('kiểm điểm việc thực hiện')) return 'tasks';
  if (t === 'thảo luận') return 'discussion';
  if (t.includes('phê bình')) return 'criticism';
  if (t.startsWith('thống nhất nội dung') || t.startsWith('đánh giá kết quả thực hiện nghị quyết'))
    return 'committee';
  return null;
}

/**
 * Days after the twelve months of probation end (the demo's official date) that a member stays on the roll
 * as probationary: the cell considers recognition at its next regular meeting — within 30 days, HD 01-HD/TW
 * (28/9/2021) point 3.5 — and the superior committee decides after it.
 */
const RECOGNITION_DAYS = 35;

/** The member's standing on a day: on the roll at all, official or probationary, exempt. */
export function standingOn(m: HistoryMember, date: string) {
  return {
    onRoll: m.admissionDate <= date,
    official: m.officialDate !== null && addDays(m.officialDate, RECOGNITION_DAYS) <= date,
    exempt: m.exemptFrom !== null && m.exemptFrom <= date,
  };
}

/** The roll call of the day: preparation meetings call the chi ủy (or the bí thư and phó bí thư) only. */
function rollOf(input: RecordInput, rng: Rng, quality: number): RollLine[] {
  const { meeting } = input;
  const committeeOnly = meeting.kind === 'cell_committee';
  const lines: RollLine[] = [];
  for (const m of input.members) {
    const s = standingOn(m, meeting.date);
    if (!s.onRoll || (committeeOnly && !COMMITTEE.has(m.position))) continue;
    const memberStatus = s.official ? 'official' : 'probationary';
    if (s.exempt && !committeeOnly) {
      lines.push({ memberId: m.id, status: 'exempt', memberStatus, reason: null });
      continue;
    }
    const age = Number(meeting.date.slice(0, 4)) - m.birthYear;
    const pAbsent = m.away ? 0.75 : 0.03 + (1 - quality) * 0.12 + (age > 75 ? 0.08 : 0);
    const roll = rng();
    if (roll < pAbsent * (1 - quality) * 0.15) {
      lines.push({ memberId: m.id, status: 'absent_unexcused', memberStatus, reason: null });
    } else if (roll < pAbsent) {
      const reason = m.away ? 'Đi làm ăn xa' : age > 75 ? 'Tuổi cao, sức yếu' : pick(rng, EXCUSES);
      lines.push({ memberId: m.id, status: 'absent_excused', memberStatus, reason });
    } else {
      lines.push({ memberId: m.id, status: 'present', memberStatus, reason: null });
    }
  }
  return lines;
}

function chooseVote(
  subject: VoteSubject,
  text: string,
  memberId: number | null,
  roll: readonly RollLine[],
  rng: Rng,
): MeetingRecord['votes'][number] {
  const voters = roll.filter((l) => l.status === 'present' && l.memberStatus === 'official').length;
  const abstain = voters > 6 && rng() < 0.2 ? 1 : 0;
  const count = { for: voters - abstain, against: 0, abstain };
  return { subject, text, memberId, ...count, outcome: voteOutcome(subject, count, [...roll]) };
}

/** One past meeting's record. */
export function recordMeeting(input: RecordInput): MeetingRecord {
  const { meeting, agenda } = input;
  const rng = mulberry32(input.seed);
  const quality = clamp(meeting.cell.diligence + (rng() - 0.5) * 0.5);
  const month = Number(meeting.date.slice(5, 7));
  const roll = rollOf(input, rng, quality);
  const present = roll.filter((l) => l.status === 'present');
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const presentMembers = present.flatMap((l) => byId.get(l.memberId) ?? []);
  const leaders = ['secretary', 'deputy_secretary'];
  const chair =
    presentMembers.find((m) => m.position === 'secretary') ??
    presentMembers.find((m) => leaders.includes(m.position)) ??
    presentMembers[0];
  const taker =
    presentMembers.find((m) => m.position === 'committee_member' && m !== chair) ??
    presentMembers.find((m) => m.position === 'deputy_secretary' && m !== chair) ??
    presentMembers.find((m) => m !== chair && standingOn(m, meeting.date).official) ??
    chair;

  const committee = meeting.kind === 'cell_committee';
  const delay = Math.floor(rng() * (quality > 0.6 ? 6 : 16));
  const minimum = committee ? 45 : 90;
  const short = !committee && rng() < (1 - quality) * 0.3;
  const duration = short
    ? minimum - 5 - Math.floor(rng() * 25)
    : minimum + Math.floor(rng() * (committee ? 30 : 60));
  const startedAt = at(meeting.date, meeting.startTime, delay);
  const endedAt = new Date(startedAt.getTime() + duration * 60_000);

  // Speakers: a share of those present that grows with the meeting's quality; some speak twice.
  const opinions: MeetingRecord['opinions'] = [];
  const themed = agenda
    .map((item, index) => ({ index, theme: themeOf(item.title) }))
    .filter((x): x is { index: number; theme: string } => x.theme !== null);
  const memberItems = themed.filter((x) => x.theme !== 'guest' && x.theme !== 'paper');
  const share = committee ? 0.6 : 0.18 + quality * 0.45;
  const speakers = shuffle(rng, [...presentMembers]).slice(
    0,
    Math.max(Math.min(3, presentMembers.length), Math.round(presentMembers.length * share)),
  );
  const paper = themed.find((x) => x.theme === 'paper');
  const topic = THEMATIC_TOPICS[Math.floor((month - 1) / 3)] ?? THEMATIC_TOPICS[0] ?? '';
  if (paper && speakers[0]) {
    opinions.push({
      memberId: speakers[0].id,
      guestName: null,
      agendaIndex: paper.index,
      summary: `Trình bày tham luận chuyên đề "${topic}".`,
    });
  }
  for (const speaker of speakers) {
    const times = rng() < 0.2 ? 2 : 1;
    for (let k = 0; k < times && memberItems.length > 0; k++) {
      const item = pick(rng, memberItems);
      opinions.push({
        memberId: speaker.id,
        guestName: null,
        agendaIndex: item.index,
        summary: fill(pick(rng, OPINIONS[item.theme] ?? OPINIONS.discussion ?? ['']), month),
      });
    }
  }
  opinions.sort((a, b) => a.agendaIndex - b.agendaIndex);
  const guestItem = themed.find((x) => x.theme === 'guest');
  if (input.visitor && guestItem) {
    opinions.push({
      memberId: null,
      guestName: input.visitor.name,
      agendaIndex: guestItem.index,
      summary: pick(rng, GUEST_OPINIONS),
    });
  }

  // Tasks of the month (regular meetings), due by the end of the next month; done as the cell is diligent.
  const tasks: MeetingRecord['tasks'] = [];
  if (meeting.kind === 'regular') {
    const nextMonth = `${month === 12 ? Number(meeting.date.slice(0, 4)) + 1 : meeting.date.slice(0, 4)}-${String((month % 12) + 1).padStart(2, '0')}`;
    const count = 3 + Math.floor(rng() * 3);
    const officials = presentMembers.filter((m) => standingOn(m, meeting.date).official);
    for (let i = 0; i < count; i++) {
      const owner = officials.length > 0 && rng() < 0.8 ? pick(rng, officials) : null;
      tasks.push({
        memberId: owner?.id ?? null,
        text: pick(rng, TASKS),
        deadline: lastDayOfMonth(nextMonth),
        done: rng() < 0.3 + meeting.cell.diligence * 0.65,
      });
    }
  }

  const votes: MeetingRecord['votes'] = [];
  if (!committee) {
    const text =
      meeting.kind === 'thematic'
        ? `Nghị quyết chuyên đề: ${topic}`
        : `Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng ${(month % 12) + 1}`;
    votes.push(chooseVote('resolution', text, null, roll, rng));
    // Members whose twelve months of probation have ended (Điều lệ Đảng art. 5), still probationary on the
    // roll, are considered for recognition at the first regular meeting after the end — never before it.
    for (const m of input.members) {
      const s = standingOn(m, meeting.date);
      if (meeting.kind !== 'regular' || !s.onRoll || s.official || !m.officialDate) continue;
      const first = input.previousRegular === null || input.previousRegular < m.officialDate;
      if (m.officialDate <= meeting.date && first) {
        votes.push(chooseVote('recognition', 'Đề nghị công nhận đảng viên chính thức', m.id, roll, rng));
      }
    }
    // Last, the minutes read back and adopted (thông qua biên bản, HD 12-HD/BTCTW): by every official member
    // present, drawn without the random stream so the rest of the demo stays as it was.
    const voters = roll.filter(
      (l) => l.status === 'present' && l.memberStatus === 'official' && !l.suspended && !l.attachedHere,
    ).length;
    const count = { for: voters, against: 0, abstain: 0 };
    votes.push({
      subject: 'minutes',
      text: 'Thông qua biên bản',
      memberId: null,
      ...count,
      outcome: voteOutcome('minutes', count, [...roll]),
    });
  }
  const manualScores: Record<string, number> = {};
  if (!committee) {
    for (const c of input.manualCriteria) {
      const full = rng() < 0.15 + quality * 0.7;
      manualScores[c.id] = full ? c.max : Math.max(0, Math.round(c.max * (0.2 + quality * 0.6)));
    }
  }
  const materialAt =
    committee || rng() > 0.35 + quality * 0.65
      ? null
      : rng() < 0.85
        ? at(meeting.date, '20:00', -2 * 24 * 60)
        : at(meeting.date, '07:30');
  return {
    startedAt,
    endedAt,
    chairId: chair?.id ?? null,
    takerId: taker?.id ?? null,
    roll,
    opinions,
    tasks,
    votes,
    guests: input.visitor ? [input.visitor] : [],
    materialAt,
    manualScores,
    conclusion: committee ? '' : fill(pick(rng, CONCLUSIONS), month),
  };
}

/**
 * What the score reads of a record (core `meetingFactsOf`, as the server reads a held meeting): the clock,
 * the roll, who spoke, and the papers sent — early when sent a day or more before the start.
 */
export function recordFacts(record: MeetingRecord) {
  const dayBefore = new Date(record.startedAt.getTime() - 86_400_000);
  return {
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    roll: record.roll,
    speakerIds: record.opinions.flatMap((o) => (o.memberId === null ? [] : [o.memberId])),
    materials: record.materialAt
      ? { total: 1, early: record.materialAt <= dayBefore ? 1 : 0 }
      : { total: 0, early: 0 },
  };
}
