import {
  buildMinutesModels,
  type MeetingKind,
  type MinutesModel,
  type QualityScore,
  type ResolutionModel,
} from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { duesMinutesLines, withDuesLines } from '../dues/minutes-line.ts';
import { issuerOf, namingOf } from '../orgs/naming.ts';
import { findOrgById, termLabelOf } from '../orgs/queries.ts';
import { answersGivenAt } from '../recommendations/meeting-side.ts';
import { scoreOf, startOf } from './facts.ts';
import { addendaOf, guestsOf, type MeetingRow, opinionsOf, rollCall, tasksOf, votesOf } from './queries.ts';

export interface MinutesData {
  minutes: MinutesModel;
  resolution: ResolutionModel | null;
  score: QualityScore;
}

/**
 * Gathers what was recorded of a meeting and builds its minutes and resolution with core's
 * `buildMinutesModels`. Numbers are those given at adoption (before it, blanks to be filled).
 */
export async function buildMinutes(
  db: Db,
  meeting: MeetingRow,
  numbers: { minutes: string | null; resolution: string | null },
): Promise<MinutesData> {
  const cell = await findOrgById(db, meeting.orgId);
  if (!cell) throw new Error(`meeting ${meeting.id}: no organisation ${meeting.orgId}`);
  // One after another: inside a transaction on PostgreSQL they share one connection (adoption).
  const issuer = await issuerOf(db, cell);
  const roll = await rollCall(db, meeting.id);
  const opinions = await opinionsOf(db, meeting.id);
  const tasks = await tasksOf(db, meeting.id);
  const votes = await votesOf(db, meeting.id);
  const guests = await guestsOf(db, meeting.id);
  const addenda = await addendaOf(db, meeting.id);
  const score = await scoreOf(db, meeting);
  const given = await answersGivenAt(db, meeting.id);
  // The committee that answered, by the name of its leading body ("Đảng ủy xã …").
  const answers = [];
  for (const a of given) {
    answers.push({ ...a, handlerName: (await namingOf(db, { path: a.handlerPath })).resolved.bodyName });
  }
  const models = buildMinutesModels({
    meeting: {
      kind: meeting.kind as MeetingKind,
      combined: meeting.combined,
      scheduledDate: meeting.scheduledDate,
      agenda: meeting.agenda,
      place: meeting.place,
      conclusion: meeting.conclusion,
      start: startOf(meeting),
      endedAt: meeting.endedAt,
      chairMemberId: meeting.chairMemberId,
      minuteTakerMemberId: meeting.minuteTakerMemberId,
    },
    cellName: cell.name,
    issuer: {
      heading: issuer.heading,
      symbol: issuer.own.symbol,
      placeName: issuer.own.placeName,
      onBehalf: issuer.own.onBehalf,
      superiorBody: issuer.superior?.bodyName ?? null,
      term: await termLabelOf(db, cell.id, meeting.scheduledDate),
    },
    numbers,
    roll,
    opinions,
    answers,
    tasks,
    votes,
    guests,
    addenda,
    score,
  });
  // The dues collected at the meeting, under its dues item (issue 16; QĐ 01-QĐ/TW).
  const dues = await duesMinutesLines(db, meeting);
  return { ...models, minutes: withDuesLines(models.minutes, dues), score };
}
