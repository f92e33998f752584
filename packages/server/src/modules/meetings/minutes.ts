import {
  buildMinutesModels,
  type MeetingKind,
  type MinutesModel,
  type QualityScore,
  type ResolutionModel,
} from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { issuerOf, namingOf } from '../orgs/naming.ts';
import { findOrgById } from '../orgs/queries.ts';
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
  const [issuer, roll, opinions, tasks, votes, guests, addenda, score, answers] = await Promise.all([
    issuerOf(db, cell),
    rollCall(db, meeting.id),
    opinionsOf(db, meeting.id),
    tasksOf(db, meeting.id),
    votesOf(db, meeting.id),
    guestsOf(db, meeting.id),
    addendaOf(db, meeting.id),
    scoreOf(db, meeting),
    answersGivenAt(db, meeting.id),
  ]);
  const models = buildMinutesModels({
    meeting: {
      kind: meeting.kind as MeetingKind,
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
    },
    numbers,
    roll,
    opinions,
    // The committee that answered, by the name of its leading body ("Đảng ủy xã …").
    answers: await Promise.all(
      answers.map(async (a) => ({
        ...a,
        handlerName: (await namingOf(db, { path: a.handlerPath })).resolved.bodyName,
      })),
    ),
    tasks,
    votes,
    guests,
    addenda,
    score,
  });
  return { ...models, score };
}
