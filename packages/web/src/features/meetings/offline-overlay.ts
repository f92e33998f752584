import type {
  MeetingDetailDto,
  MeetingRecordDto,
  MeetingTaskDto,
  OpinionDto,
  RollCallLineDto,
  VoteRecordDto,
} from '@nennep/core/meetings/api-types';
import type { AttendanceStatus, VoteSubject } from '@nennep/core/meetings/types';
import { ATTENDANCE_STATUSES, VOTE_SUBJECTS } from '@nennep/core/meetings/types';
import type { QueuedWrite } from '../../lib/offline/queue';

/**
 * The run screen's writes kept on the device until the network returns (issue 18): each goes into the
 * offline queue with this scope and kind, and the screen shows them at once through `applyPendingWrites`.
 */
export const meetingScope = (id: number) => `meeting:${id}`;

export type MeetingWriteKind = 'attendance' | 'opinion' | 'vote' | 'task' | 'clock';

/**
 * A row the server has not received yet carries the negative of its write's `seq` as its id: the lists show
 * it with a "chưa gửi" tag and without the edit and delete buttons (there is nothing to edit on the server).
 */
export const isPendingRow = (row: { id: number }) => row.id < 0;

type Fields = Record<string, unknown>;

const fieldsOf = (body: unknown): Fields =>
  typeof body === 'object' && body !== null && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body))
    : {};
const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const isAttendance = (value: unknown): value is AttendanceStatus =>
  ATTENDANCE_STATUSES.some((s) => s === value);
const isSubject = (value: unknown): value is VoteSubject => VOTE_SUBJECTS.some((s) => s === value);

/** The last path segment (the member's code of an attendance write, `start`/`end` of a clock write). */
const lastSegment = (path: string) => decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));

/** Writes still to show: those of this meeting not refused, in the order they were entered. */
export function liveWrites(meetingId: number, writes: readonly QueuedWrite[]): QueuedWrite[] {
  const scope = meetingScope(meetingId);
  return writes.filter((w) => w.scope === scope && w.state !== 'refused').sort((a, b) => a.seq - b.seq);
}

/** The roll call with the marks not sent yet (also over the registry's tentative lines). */
export function overlayRollCall(lines: RollCallLineDto[], writes: readonly QueuedWrite[]): RollCallLineDto[] {
  const marks = new Map<string, Fields>();
  for (const w of writes) {
    if (w.kind !== 'attendance' || w.state === 'refused') continue;
    if (isAttendance(fieldsOf(w.body).status)) marks.set(lastSegment(w.path), fieldsOf(w.body));
  }
  if (marks.size === 0) return lines;
  return lines.map((line) => {
    const mark = marks.get(line.memberCode);
    if (!mark || !isAttendance(mark.status)) return line;
    const excused = mark.status === 'absent_excused';
    return {
      ...line,
      status: mark.status,
      reason: str(mark.reason),
      reasonAccepted: excused ? mark.reasonAccepted !== false : true,
    };
  });
}

/** The member codes whose mark is not sent yet. */
export function pendingAttendanceCodes(writes: readonly QueuedWrite[]): Set<string> {
  return new Set(
    writes.filter((w) => w.kind === 'attendance' && w.state !== 'refused').map((w) => lastSegment(w.path)),
  );
}

function nameOf(record: MeetingRecordDto, code: string | null): string | null {
  if (!code) return null;
  return record.rollCall.find((l) => l.memberCode === code)?.fullName ?? code;
}

function opinionOf(w: QueuedWrite, record: MeetingRecordDto): OpinionDto {
  const f = fieldsOf(w.body);
  const memberCode = str(f.memberCode);
  return {
    id: -w.seq,
    agendaIndex: num(f.agendaIndex),
    speaker: nameOf(record, memberCode) ?? str(f.guestName) ?? '',
    memberCode,
    summary: str(f.summary) ?? '',
  };
}

function taskOf(w: QueuedWrite, record: MeetingRecordDto): MeetingTaskDto {
  const f = fieldsOf(w.body);
  const memberCode = str(f.memberCode);
  return {
    id: -w.seq,
    member: nameOf(record, memberCode),
    memberCode,
    text: str(f.text) ?? '',
    deadline: str(f.deadline),
    status: 'open',
  };
}

/** The outcome is the server's to state (eligible base, QĐ 24-QĐ/TW): none until it is sent. */
function voteOf(w: QueuedWrite, record: MeetingRecordDto): VoteRecordDto | null {
  const f = fieldsOf(w.body);
  if (!isSubject(f.subject)) return null;
  return {
    id: -w.seq,
    subject: f.subject,
    text: str(f.text) ?? '',
    member: nameOf(record, str(f.memberCode)),
    for: num(f.for),
    against: num(f.against),
    abstain: num(f.abstain),
    eligible: 0,
    passed: false,
    statement: { vi: '', en: '' },
  };
}

function applyClock(meeting: MeetingDetailDto, w: QueuedWrite): MeetingDetailDto {
  const at = str(fieldsOf(w.body).at) ?? w.createdAt;
  const which = lastSegment(w.path);
  if (which === 'start') return { ...meeting, startedAt: at, status: 'in_progress' };
  if (which === 'end') return { ...meeting, endedAt: at, status: 'held' };
  return meeting;
}

/**
 * The meeting as the secretary sees it on the device: the server's (or the cached) meeting with the writes
 * not sent yet laid over it, in the order they were entered. Refused writes are not applied (the indicator
 * lists them with the server's reason); a meeting whose minutes are adopted or cancelled takes none.
 */
export function applyPendingWrites(
  meeting: MeetingDetailDto,
  writes: readonly QueuedWrite[],
): MeetingDetailDto {
  const live = liveWrites(meeting.id, writes);
  if (live.length === 0 || meeting.status === 'adopted' || meeting.status === 'cancelled') return meeting;
  let next = meeting;
  for (const w of live) if (w.kind === 'clock') next = applyClock(next, w);
  const record = next.record;
  if (!record) return next;
  const opinions = [...record.opinions];
  const tasks = [...record.tasks];
  const votes = [...record.votes];
  for (const w of live) {
    if (w.kind === 'opinion') opinions.push(opinionOf(w, record));
    if (w.kind === 'task') tasks.push(taskOf(w, record));
    const vote = w.kind === 'vote' ? voteOf(w, record) : null;
    if (vote) votes.push(vote);
  }
  return {
    ...next,
    record: { ...record, rollCall: overlayRollCall(record.rollCall, live), opinions, tasks, votes },
  };
}

/** A write the server has accepted, kept laid over the meeting until the meeting read shows it. */
export interface SentWrite {
  write: QueuedWrite;
  /** When the answer came (device clock, ms). */
  at: number;
  /** The id the server gave the row (opinion, task, vote); null for the marks and the clock. */
  rowId: number | null;
}

const ROW_KINDS = ['opinion', 'task', 'vote'];

/** The id of the row a sent opinion, task or vote became, from the server's answer. */
export function rowIdOf(write: QueuedWrite, answer: unknown): number | null {
  if (!ROW_KINDS.includes(write.kind)) return null;
  const id = fieldsOf(answer).id;
  return typeof id === 'number' ? id : null;
}

/**
 * Whether a sent write must still be laid over the meeting: a row until the meeting shows the id the server
 * gave it (so it neither blinks out nor shows twice while the meeting is read again); a mark or the clock
 * until a read completed after the answer.
 */
export function stillUnread(meeting: MeetingDetailDto, sent: SentWrite, updatedAt: number): boolean {
  if (sent.rowId === null) return sent.at >= updatedAt;
  const record = meeting.record;
  if (!record) return false;
  const rows: { id: number }[] =
    sent.write.kind === 'opinion'
      ? record.opinions
      : sent.write.kind === 'task'
        ? record.tasks
        : record.votes;
  return !rows.some((r) => r.id === sent.rowId);
}
