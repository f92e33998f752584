/**
 * Adoption of the demo's past meetings by the same rules as `adoptMinutes`: each meeting is scored with the
 * facts the server would read (core `meetingFactsOf`, `scoreMeeting`), its minutes and resolution are built
 * by core `buildMinutesModels`, and numbered per cell, term and type in the order they were adopted. Works on
 * the whole year in memory, cell by cell in date order, so the bulk seed never asks the database per meeting.
 */
import {
  absenceRunsOf,
  buildMinutesModels,
  documentNumber,
  type MinutesModel,
  meetingFactsOf,
  preparationFrom,
  type QualityScore,
  type ResolutionModel,
  type RuleSetContent,
  type SessionLine,
  scoreMeeting,
  sessionKey,
} from '@nennep/core';
import type { CalendarMeeting } from './calendar.ts';
import { type HistoryMember, type MeetingRecord, recordFacts } from './record.ts';

export interface HeldMeeting {
  id: number;
  meeting: CalendarMeeting;
  agenda: { title: string; section: string }[];
  record: MeetingRecord;
  /** Answers to recommendations given back at this meeting. */
  answers: { text: string; answer: string; handlerName: string }[];
}

export interface CellWords {
  heading: { superior: string; issuer: string };
  symbol: string;
  placeName: string;
  onBehalf: string;
  superiorBody: string | null;
}

export interface Adopted {
  id: number;
  score: QualityScore;
  minutes: MinutesModel;
  minutesNo: string;
  resolution: ResolutionModel | null;
  resolutionNo: string | null;
  /** The minutes were adopted: the resolution vote passed (else the meeting stays held). */
  adopted: boolean;
}

const MEETING_KINDS_IN_RUNS = new Set(['regular', 'thematic']);

/**
 * Scores and adopts the held meetings of one cell (in date order). Preparation meetings (the chi ủy's, or
 * the bí thư and phó bí thư's) are held but not adopted; they count for the next meeting's preparation.
 * `members` gives names for the minutes.
 */
export function adoptCellYear(
  held: readonly HeldMeeting[],
  members: ReadonlyMap<number, HistoryMember & { sortKey: string }>,
  rules: RuleSetContent,
  words: CellWords,
): Adopted[] {
  const counters = { BB: 0, NQ: 0 };
  const runsByYear = new Map<string, SessionLine[]>();
  let previousTasks: { total: number; done: number } | null = null;
  const committeeDates: string[] = [];
  const out: Adopted[] = [];
  for (const h of held) {
    const { meeting, record } = h;
    if (meeting.kind === 'cell_committee') {
      committeeDates.push(meeting.date);
      continue;
    }
    const year = meeting.date.slice(0, 4);
    const lines = runsByYear.get(year) ?? [];
    const session = sessionKey(meeting.date, meeting.startTime);
    if (MEETING_KINDS_IN_RUNS.has(meeting.kind))
      lines.push(...record.roll.map((l) => ({ memberId: l.memberId, status: l.status, session })));
    runsByYear.set(year, lines);
    const preparedFrom = preparationFrom(meeting.date);
    const facts = meetingFactsOf(
      {
        kind: meeting.kind,
        combined: false,
        ...recordFacts(record),
        // The chi ủy's preparation meeting, or the bí thư and phó bí thư's in a cell without one (HD 12).
        cellCommitteeMeetings: committeeDates.filter((d) => d >= preparedFrom && d <= meeting.date).length,
        previousTasks,
        absenceRuns: absenceRunsOf(lines),
      },
      rules,
    );
    const score = scoreMeeting(rules.scoreSheet, rules.levels, facts, record.manualScores);
    if (meeting.kind === 'regular') {
      previousTasks = { total: record.tasks.length, done: record.tasks.filter((t) => t.done).length };
    }
    const resolutionVote = record.votes.find((v) => v.subject === 'resolution');
    const adopted = resolutionVote?.outcome.passed === true;
    const name = (id: number | null) => (id === null ? null : (members.get(id)?.fullName ?? null));
    const minutesNo = adopted ? documentNumber(++counters.BB, 'BB', words.symbol) : '';
    const resolutionNo = adopted && resolutionVote ? documentNumber(++counters.NQ, 'NQ', words.symbol) : null;
    const roll = [...record.roll]
      .map((l) => ({ ...l, member: members.get(l.memberId) }))
      .sort((a, b) => {
        const x = a.member?.sortKey ?? '';
        const y = b.member?.sortKey ?? '';
        if (x !== y) return x < y ? -1 : 1;
        const p = a.member?.code ?? '';
        const q = b.member?.code ?? '';
        return p < q ? -1 : p > q ? 1 : 0;
      });
    const models = buildMinutesModels({
      meeting: {
        kind: meeting.kind,
        scheduledDate: meeting.date,
        agenda: h.agenda,
        place: meeting.place,
        conclusion: record.conclusion || null,
        start: record.startedAt,
        endedAt: record.endedAt,
        chairMemberId: record.chairId,
        minuteTakerMemberId: record.takerId,
      },
      cellName: meeting.cell.name,
      issuer: words,
      numbers: { minutes: minutesNo || null, resolution: resolutionNo },
      roll: roll.map((l) => ({
        memberId: l.memberId,
        fullName: l.member?.fullName ?? '',
        position: l.member?.position ?? 'member',
        memberStatus: l.memberStatus,
        status: l.status,
        reason: l.reason ?? null,
      })),
      opinions: record.opinions.map((o) => ({
        agendaIndex: o.agendaIndex,
        speaker: name(o.memberId) ?? o.guestName ?? '',
        summary: o.summary,
      })),
      answers: h.answers,
      tasks: record.tasks.map((t) => ({ member: name(t.memberId), text: t.text, deadline: t.deadline })),
      votes: record.votes.map((v) => ({
        subject: v.subject,
        text: v.text,
        member: name(v.memberId),
        statement: v.outcome.statement,
        for: v.for,
        passed: v.outcome.passed,
      })),
      guests: record.guests,
      addenda: [],
      score,
    });
    out.push({
      id: h.id,
      score,
      minutes: { ...models.minutes, addenda: [] },
      minutesNo,
      resolution: models.resolution,
      resolutionNo,
      adopted,
    });
  }
  return out;
}
