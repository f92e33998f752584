import type { Role } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { findMeeting, type MeetingRow } from './queries.ts';

/** Roles that plan, prepare, run and minute the meetings of a cell. */
export const MEETING_RUNNERS: readonly Role[] = ['admin', 'cell_secretary'];
/** Roles that see the meetings of a subtree in full (records, scores, documents). */
export const MEETING_READERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary', 'visitor'];

/**
 * Roles that record the meeting's package as posted on the Sổ tay đảng viên điện tử app: the cell's
 * secretaries, who post it, and the committee members above the cell (the Đảng ủy's office often posts for
 * its cells), HD 42-HD/BTCTW (28/10/2025) on materials sent on the app before the meeting.
 */
export const SO_TAY_RECORDERS: readonly Role[] = ['admin', 'cell_secretary', 'committee_member'];

interface MeetingRef {
  orgPath: string;
  status: string;
}

/** Members see their own cell's meetings (schedule, published materials, adopted resolutions). */
export function assertCanSeeMeeting<T extends MeetingRef>(actor: Actor, meeting: T | null): T {
  if (!meeting || !can(actor, ANY_ROLE, meeting.orgPath)) throw notFound('meeting');
  return meeting;
}

export const canReadRecord = (actor: Actor, meeting: MeetingRef) =>
  can(actor, MEETING_READERS, meeting.orgPath);
export const canRun = (actor: Actor, meeting: MeetingRef) => can(actor, MEETING_RUNNERS, meeting.orgPath);

export function assertCanRun(actor: Actor, meeting: MeetingRef) {
  if (!canRun(actor, meeting)) throw forbidden();
}

/**
 * The check a command runs on the meeting's row once it holds the lock (`lockMeeting`): the actor sees the
 * meeting (else 404) and may run it (else 403).
 */
export const runnableBy = (actor: Actor) => (meeting: MeetingRow) => {
  assertCanRun(actor, assertCanSeeMeeting(actor, meeting));
};

/**
 * The reads the meetings routes share: a meeting the actor may see (404 otherwise), or see and run (403).
 * A read only: every change goes through a command, which locks the row and checks it again (lock.ts).
 */
export function meetingAccess(db: Db) {
  const visible = async (actor: Actor, id: number) => assertCanSeeMeeting(actor, await findMeeting(db, id));
  const runnable = async (actor: Actor, id: number) => {
    const meeting = await visible(actor, id);
    assertCanRun(actor, meeting);
    return meeting;
  };
  return { visible, runnable };
}

/** Adopted minutes never change: every write route answers this, and nothing is written. */
export function assertNotAdopted(meeting: MeetingRef) {
  if (meeting.status === 'adopted') {
    throw new AppError(409, 'conflict', {
      detail: {
        vi: 'Biên bản đã được thông qua và khóa: không thể sửa. Hãy lập phụ lục đính chính có ghi ngày.',
        en: 'The minutes are adopted and locked: they cannot change. Add a dated addendum instead.',
      },
    });
  }
  if (meeting.status === 'cancelled') {
    throw new AppError(409, 'conflict', {
      detail: { vi: 'Cuộc họp đã hủy.', en: 'The meeting was cancelled.' },
    });
  }
}

/** The abilities the web shows buttons from. */
export function meetingAbilities(actor: Actor, meeting: MeetingRef) {
  const open = meeting.status !== 'adopted' && meeting.status !== 'cancelled';
  return {
    readRecord: canReadRecord(actor, meeting),
    run: canRun(actor, meeting) && open,
    adopt: canRun(actor, meeting) && open,
    addendum: canRun(actor, meeting) && meeting.status === 'adopted',
    recordSoTay: can(actor, SO_TAY_RECORDERS, meeting.orgPath) && open,
  };
}
