import { clockText, closingLine, meetingSubtitle, minutesAdoptionText, shortDateText } from './documents.ts';
import { documentHeader, type MinutesInput, POSITION_VI } from './minutes-input.ts';
import type { MinutesModel, ResolutionModel } from './minutes-model.ts';
import { minutesRollCall } from './minutes-roll.ts';
import { hasCellCommittee } from './preparation.ts';
import { buildResolutionModel } from './resolution-build.ts';
import { levelLabel } from './score.ts';

/** The agenda item under which the answers to members' recommendations are read back (domain.md §5). */
export const ANSWER_AGENDA_TITLE = 'Thông báo trả lời kiến nghị của đảng viên';

/** Votes that are not personnel matters: they have their own places in the minutes. */
const NOT_PERSONNEL: readonly string[] = ['resolution', 'minutes'];

/**
 * The vote that adopted the minutes (subject 'minutes', the last agenda item: "thông qua biên bản"), as the
 * adoption sentence states it: the last such vote that passed, its votes in favour over the official
 * members of the cell present (the only ones who vote: Điều lệ Đảng, Điều 5; QĐ 24-QĐ/TW point 9.3.2 —
 * members of other cells attending here vote in their own cell). Null until one is recorded.
 */
function minutesVote(input: MinutesInput): { for: number; voters: number } | null {
  const passed = input.votes.filter((v) => v.subject === 'minutes' && v.passed !== false);
  const votesFor = passed[passed.length - 1]?.for;
  if (votesFor === undefined) return null;
  const voters = input.roll.filter(
    (l) => l.status === 'present' && l.memberStatus === 'official' && !l.attachedHere,
  ).length;
  return { for: votesFor, voters };
}

/**
 * The minutes (biên bản) and, when a resolution was voted, the resolution (nghị quyết) of a meeting, from
 * what was recorded. Numbers are those given at adoption (before it, blanks to be filled), so a draft and
 * the adopted text differ only there. Pure: the server gathers the input, the demo's bulk history builds
 * the same input in memory, and both get the same model.
 */
export function buildMinutesModels(input: MinutesInput): {
  minutes: MinutesModel;
  resolution: ResolutionModel | null;
} {
  const { meeting, roll, votes } = input;
  const header = (number: string | null, type: string) => documentHeader(input, number, type);
  const nameOf = (id: number | null) => roll.find((l) => l.memberId === id);
  const chair = nameOf(meeting.chairMemberId);
  const taker = nameOf(meeting.minuteTakerMemberId);
  const resolutionVote = votes.find((v) => v.subject === 'resolution') ?? null;
  const tasks = input.tasks.map((t) => ({
    member: t.member ?? 'Chi bộ',
    task: t.text,
    // Dates inside a Party document are dd/mm/yyyy (HD 36-HD/VPTW), in the minutes and the resolution alike.
    deadline: t.deadline ? shortDateText(t.deadline) : null,
  }));
  const minutes: MinutesModel = {
    header: header(input.numbers.minutes, 'BB'),
    title: 'BIÊN BẢN',
    // A preparation meeting whose roll has no chi ủy viên is the bí thư and phó bí thư's (HD 12-HD/BTCTW).
    subtitle: meetingSubtitle(
      meeting.kind,
      meeting.scheduledDate,
      meeting.combined,
      hasCellCommittee(roll.map((l) => l.position)),
    ),
    startedAt: clockText(meeting.start),
    endedAt: meeting.endedAt ? clockText(meeting.endedAt) : null,
    place: meeting.place ?? input.cellName,
    chair: { name: chair?.fullName ?? '', role: chair ? POSITION_VI[chair.position] : undefined },
    secretary: { name: taker?.fullName ?? '', role: taker ? POSITION_VI[taker.position] : undefined },
    guests: input.guests.map((g) => ({ name: g.name, role: g.role ?? undefined })),
    rollCall: minutesRollCall(roll),
    agenda: meeting.agenda.map((a) => a.title),
    // Every item of the agenda, in order, with what was said on it ("Không có ý kiến." when nothing) and
    // the chair's conclusion recorded for it (HD 12-HD/BTCTW point 2.3: the chair concludes each matter).
    discussion: meeting.agenda.map((item, index) => ({
      item: item.title,
      opinions: [
        ...input.opinions
          .filter((o) => o.agendaIndex === index)
          .map((o) => ({ speaker: o.speaker, text: o.summary })),
        // The answers to members' recommendations given back at this meeting (domain.md §5).
        ...(item.title === ANSWER_AGENDA_TITLE
          ? input.answers.map((a) => ({
              speaker: chair?.fullName ?? 'Chủ trì',
              text: `Thông báo trả lời của ${a.handlerName} về kiến nghị "${a.text}": ${a.answer}`,
            }))
          : []),
      ],
      conclusion: item.conclusion?.trim() || null,
    })),
    tasks,
    personnel: votes
      .filter((v) => !NOT_PERSONNEL.includes(v.subject))
      .map((v) => ({ text: v.member ? `${v.text} (${v.member})` : v.text, result: v.statement.vi })),
    resolution: resolutionVote
      ? { text: meeting.conclusion ?? resolutionVote.text, vote: resolutionVote.statement.vi }
      : null,
    score: input.score,
    levelText: levelLabel(input.score.level, 'vi'),
    closing: meeting.endedAt ? closingLine(meeting.endedAt, meeting.start) : '',
    adoption: minutesAdoptionText(minutesVote(input)),
    signatures: {
      left: { title: 'NGƯỜI GHI BIÊN BẢN', name: taker?.fullName ?? '' },
      right: { title: 'CHỦ TRÌ', name: chair?.fullName ?? '' },
    },
    addenda: input.addenda.map((a) => ({ date: a.date, text: a.text })),
  };
  const resolution = resolutionVote ? buildResolutionModel(input, resolutionVote, tasks) : null;
  return { minutes, resolution };
}

/** The minutes' roll order: Vietnamese name order by the members' sort keys, then their codes. */
export function byRollOrder<T extends { sortKey: string; memberCode: string }>(a: T, b: T): number {
  return a.sortKey < b.sortKey
    ? -1
    : a.sortKey > b.sortKey
      ? 1
      : a.memberCode < b.memberCode
        ? -1
        : a.memberCode > b.memberCode
          ? 1
          : 0;
}
