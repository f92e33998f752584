import { meetingSubtitle } from './documents.ts';
import { documentHeader, type MinutesInput, POSITION_VI } from './minutes-input.ts';
import type { MinutesModel, ResolutionModel } from './minutes-model.ts';
import { buildResolutionModel } from './resolution-build.ts';
import { levelLabel } from './score.ts';

/** The agenda item under which the answers to members' recommendations are read back (domain.md §5). */
export const ANSWER_AGENDA_TITLE = 'Thông báo trả lời kiến nghị của đảng viên';

const vnTime = (date: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);

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
  const counted = roll.filter((l) => l.status !== 'attached_elsewhere');
  const present = roll.filter((l) => l.status === 'present');
  const chair = nameOf(meeting.chairMemberId);
  const taker = nameOf(meeting.minuteTakerMemberId);
  const resolutionVote = votes.find((v) => v.subject === 'resolution') ?? null;
  const tasks = input.tasks.map((t) => ({
    member: t.member ?? 'Chi bộ',
    task: t.text,
    deadline: t.deadline,
  }));
  const minutes: MinutesModel = {
    header: header(input.numbers.minutes, 'BB'),
    title: 'BIÊN BẢN',
    subtitle: meetingSubtitle(meeting.kind, meeting.scheduledDate, meeting.combined),
    startedAt: vnTime(meeting.start),
    endedAt: meeting.endedAt ? vnTime(meeting.endedAt) : null,
    place: meeting.place ?? input.cellName,
    chair: { name: chair?.fullName ?? '', role: chair ? POSITION_VI[chair.position] : undefined },
    secretary: { name: taker?.fullName ?? '', role: taker ? POSITION_VI[taker.position] : undefined },
    guests: input.guests.map((g) => ({ name: g.name, role: g.role ?? undefined })),
    rollCall: {
      total: counted.length,
      official: counted.filter((l) => l.memberStatus === 'official').length,
      probationary: counted.filter((l) => l.memberStatus === 'probationary').length,
      attachedHere: 0,
      exempt: roll.filter((l) => l.status === 'exempt').length,
      present: present.length,
      presentOfficial: present.filter((l) => l.memberStatus === 'official').length,
      presentProbationary: present.filter((l) => l.memberStatus === 'probationary').length,
      absentExcused: roll
        .filter((l) => l.status === 'absent_excused')
        .map((l) => ({ name: l.fullName, reason: l.reason ?? '' })),
      absentUnexcused: roll.filter((l) => l.status === 'absent_unexcused').map((l) => l.fullName),
    },
    agenda: meeting.agenda.map((a) => a.title),
    discussion: meeting.agenda
      .map((item, index) => ({
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
        conclusion: null,
      }))
      .filter((d) => d.opinions.length > 0),
    tasks,
    personnel: votes
      .filter((v) => v.subject !== 'resolution')
      .map((v) => ({ text: v.member ? `${v.text} (${v.member})` : v.text, result: v.statement.vi })),
    resolution: resolutionVote
      ? { text: meeting.conclusion ?? resolutionVote.text, vote: resolutionVote.statement.vi }
      : null,
    score: input.score,
    levelText: levelLabel(input.score.level, 'vi'),
    closing: meeting.endedAt ? `Cuộc họp kết thúc lúc ${vnTime(meeting.endedAt)}.` : '',
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
