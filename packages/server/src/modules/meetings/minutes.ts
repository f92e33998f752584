import {
  levelLabel,
  type MeetingKind,
  type MinutesModel,
  meetingSubtitle,
  placeDateLine,
  type QualityScore,
  type ResolutionModel,
} from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { issuerOf } from '../orgs/naming.ts';
import { findOrgById } from '../orgs/queries.ts';
import { ANSWER_AGENDA_TITLE } from '../recommendations/commands.ts';
import { answersGivenAt } from '../recommendations/meeting-side.ts';
import { scoreOf, startOf } from './facts.ts';
import {
  addendaOf,
  guestsOf,
  type MeetingRow,
  opinionsOf,
  type RollCallLine,
  rollCall,
  tasksOf,
  votesOf,
} from './queries.ts';

const POSITION_VI: Record<string, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Chi ủy viên',
  member: 'Đảng viên',
};

const vnTime = (date: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);

const nameOf = (roll: RollCallLine[], id: number | null) => roll.find((l) => l.memberId === id);

export interface MinutesData {
  minutes: MinutesModel;
  resolution: ResolutionModel | null;
  score: QualityScore;
}

/**
 * Builds the minutes and the resolution from what was recorded. Numbers are those given at adoption
 * (before it, blanks to be filled), so a draft and the adopted text differ only there.
 */
export async function buildMinutes(
  db: Db,
  meeting: MeetingRow,
  numbers: { minutes: string | null; resolution: string | null },
): Promise<MinutesData> {
  const cell = await findOrgById(db, meeting.orgId);
  if (!cell) throw new Error(`meeting ${meeting.id}: no organisation ${meeting.orgId}`);
  const issuer = await issuerOf(db, cell);
  const [roll, opinions, tasks, votes, guests, addenda, score] = await Promise.all([
    rollCall(db, meeting.id),
    opinionsOf(db, meeting.id),
    tasksOf(db, meeting.id),
    votesOf(db, meeting.id),
    guestsOf(db, meeting.id),
    addendaOf(db, meeting.id),
    scoreOf(db, meeting),
  ]);
  const answers = await answersGivenAt(db, meeting.id);
  const dateLine = placeDateLine(issuer.own.placeName, meeting.scheduledDate);
  const header = (number: string | null, type: string) => ({
    ...issuer.heading,
    number: number ?? `Số    -${type}/${issuer.own.symbol}`,
    placeDate: dateLine,
  });
  const counted = roll.filter((l) => l.status !== 'attached_elsewhere');
  const present = roll.filter((l) => l.status === 'present');
  const chair = nameOf(roll, meeting.chairMemberId);
  const taker = nameOf(roll, meeting.minuteTakerMemberId);
  const resolutionVote = votes.find((v) => v.subject === 'resolution') ?? null;
  const kind = meeting.kind as MeetingKind;
  const minutes: MinutesModel = {
    header: header(numbers.minutes, 'BB'),
    title: 'BIÊN BẢN',
    subtitle: meetingSubtitle(kind, meeting.scheduledDate),
    startedAt: vnTime(startOf(meeting)),
    endedAt: meeting.endedAt ? vnTime(meeting.endedAt) : null,
    place: meeting.place ?? cell.name,
    chair: { name: chair?.fullName ?? '', role: chair ? POSITION_VI[chair.position] : undefined },
    secretary: { name: taker?.fullName ?? '', role: taker ? POSITION_VI[taker.position] : undefined },
    guests: guests.map((g) => ({ name: g.name, role: g.role ?? undefined })),
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
          ...opinions
            .filter((o) => o.agendaIndex === index)
            .map((o) => ({ speaker: o.speaker, text: o.summary })),
          // The answers to members' recommendations given back at this meeting (domain.md §5).
          ...(item.title === ANSWER_AGENDA_TITLE
            ? answers.map((a) => ({
                speaker: chair?.fullName ?? 'Chủ trì',
                text: `Thông báo trả lời của ${a.handlerName} về kiến nghị "${a.text}": ${a.answer}`,
              }))
            : []),
        ],
        conclusion: null,
      }))
      .filter((d) => d.opinions.length > 0),
    tasks: tasks.map((t) => ({ member: t.member ?? 'Chi bộ', task: t.text, deadline: t.deadline })),
    personnel: votes
      .filter((v) => v.subject !== 'resolution')
      .map((v) => ({ text: v.member ? `${v.text} (${v.member})` : v.text, result: v.statement.vi })),
    resolution: resolutionVote
      ? { text: meeting.conclusion ?? resolutionVote.text, vote: resolutionVote.statement.vi }
      : null,
    score,
    levelText: levelLabel(score.level, 'vi'),
    closing: meeting.endedAt ? `Cuộc họp kết thúc lúc ${vnTime(meeting.endedAt)}.` : '',
    signatures: {
      left: { title: 'NGƯỜI GHI BIÊN BẢN', name: taker?.fullName ?? '' },
      right: { title: 'CHỦ TRÌ', name: chair?.fullName ?? '' },
    },
    addenda: addenda.map((a) => ({ date: a.date, text: a.text })),
  };
  const resolution: ResolutionModel | null = resolutionVote
    ? {
        header: header(numbers.resolution, 'NQ'),
        title: 'NGHỊ QUYẾT',
        subtitle: resolutionVote.text,
        preamble: `Căn cứ kết quả ${meetingSubtitle(kind, meeting.scheduledDate).toLocaleLowerCase('vi')}; ${resolutionVote.statement.vi}`,
        sections: [
          { heading: 'QUYẾT NGHỊ', paragraphs: (meeting.conclusion ?? resolutionVote.text).split(/\n+/u) },
        ],
        tasks: tasks.map((t) => ({ member: t.member ?? 'Chi bộ', task: t.text, deadline: t.deadline })),
        signature: { onBehalf: issuer.own.onBehalf, title: 'BÍ THƯ', name: chair?.fullName ?? '' },
        recipients: [
          issuer.superior ? `${issuer.superior.bodyName} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)',
          'Đảng viên trong chi bộ',
          'Lưu chi bộ',
        ],
      }
    : null;
  return { minutes, resolution, score };
}
