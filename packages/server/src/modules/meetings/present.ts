import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { findOrgById } from '../orgs/queries.ts';
import { meetingAbilities } from './policy.ts';
import {
  addendaOf,
  documentsOf,
  guestsOf,
  type MeetingRow,
  materialsOf,
  opinionsOf,
  rollCall,
  tasksOf,
  votesOf,
} from './queries.ts';
import { probationOf } from './recognition.ts';
import { defaultRollCall } from './run.ts';
import { soTayOf } from './so-tay.ts';

async function replyOf(db: Db, meetingId: number, memberId: number) {
  const [line] = await rows<{ reply: string | null; reason: string | null }>(
    db,
    sql`SELECT reply, reason FROM attendance WHERE meeting_id = ${meetingId} AND member_id = ${memberId}`,
  );
  return line?.reply ? { reply: line.reply, reason: line.reason } : null;
}

export function presentSummary(meeting: MeetingRow & { orgCode?: string; orgName?: string }) {
  return {
    id: meeting.id,
    orgCode: meeting.orgCode,
    orgName: meeting.orgName,
    kind: meeting.kind,
    status: meeting.status,
    combined: meeting.combined,
    title: meeting.title,
    date: meeting.scheduledDate,
    startTime: meeting.startTime,
    place: meeting.place,
    total: meeting.total,
    level: meeting.level,
  };
}

/**
 * The meeting page: members see the schedule, published materials and, once adopted, the documents;
 * those who may read the record see the roll call, opinions, votes and score as well.
 */
export async function presentMeeting(db: Db, actor: Actor, meeting: MeetingRow, now: Date) {
  const abilities = meetingAbilities(actor, meeting);
  const org = await findOrgById(db, meeting.orgId);
  const materials = (await materialsOf(db, meeting.id)).filter(
    (m) => abilities.readRecord || new Date(m.publishAt) <= now,
  );
  const documents = await documentsOf(db, meeting.id);
  const base = {
    ...presentSummary({ ...meeting, orgCode: org?.code, orgName: org?.name }),
    startedAt: meeting.startedAt,
    endedAt: meeting.endedAt,
    agenda: meeting.agenda,
    materials,
    soTay: await soTayOf(db, meeting),
    documents: abilities.readRecord ? documents : documents.filter((d) => d.docType === 'NQ'),
    contentHash: meeting.contentHash,
    /** The rule set the meeting is planned and scored with (labels of its score sheet come from it). */
    ruleSetId: meeting.ruleSetId,
    /** The signed-in member's own answer to the invitation, if any. */
    myReply: actor.memberId ? await replyOf(db, meeting.id, actor.memberId) : null,
    abilities,
  };
  if (!abilities.readRecord) return { ...base, record: null };
  const [recorded, opinions, tasks, votes, guests, addenda, history] = await Promise.all([
    rollCall(db, meeting.id),
    opinionsOf(db, meeting.id),
    tasksOf(db, meeting.id),
    votesOf(db, meeting.id),
    guestsOf(db, meeting.id),
    addendaOf(db, meeting.id),
    rows<{ kind: string; at: string; data: Record<string, unknown>; actorName: string | null }>(
      db,
      sql`SELECT e.kind, e.at, e.data, a.username AS "actorName" FROM meeting_events e
          LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.meeting_id = ${meeting.id} ORDER BY e.id DESC LIMIT 200`,
    ),
  ]);
  // Before the roll call is written (it is at the start, or at the first mark), show the one it will start from.
  const roll =
    recorded.length > 0 || meeting.status !== 'planned' ? recorded : await defaultRollCall(db, meeting);
  const chair = roll.find((l) => l.memberId === meeting.chairMemberId);
  const taker = roll.find((l) => l.memberId === meeting.minuteTakerMemberId);
  return {
    ...base,
    record: {
      chairMemberCode: chair?.memberCode ?? null,
      minuteTakerMemberCode: taker?.memberCode ?? null,
      rollCall: roll.map(({ memberId: _, ...line }) => line),
      guests,
      opinions,
      tasks,
      votes,
      /** Probationary members with their twelve months, shown beside a recognition vote (recognition.ts). */
      probation: await probationOf(db, meeting),
      manualScores: meeting.manualScores,
      conclusion: meeting.conclusion,
      score: meeting.score,
      addenda,
      history,
    },
  };
}
