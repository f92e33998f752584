/**
 * The COPY rows of a meeting's history, shared by the demo's bulk history (`write.ts`) and the province
 * seed (`scale/history.ts`): the columns, the vote rows, the trail (meeting history and audit event, as the
 * services write them) and the draft resolution sent to members before the meeting.
 */
import type { CalendarMeeting } from './calendar.ts';
import type { MeetingRecord } from './record.ts';

export const ACTOR = 'seed-demo';
export const iso = (d: Date) => d.toISOString();
export const json = (value: unknown) => JSON.stringify(value);
/** `time` (09:00 unless given), Vietnam time, `days` before a date: e.g. when a meeting was put on the calendar. */
export const dayAt = (date: string, days: number, time = '09:00') =>
  new Date(Date.parse(`${date}T${time}:00+07:00`) - days * 86_400_000);

/** The columns of a meeting as planned, before `created_at`. */
export const PLANNED_MEETING_COLUMNS = [
  'id',
  'org_id',
  'org_path',
  'kind',
  'title',
  'status',
  'scheduled_date',
  'start_time',
  'place',
  'agenda',
  'rule_set_id',
] as const;

/** The columns of what happened at a held meeting, and of its trail, in the order the rows give them. */
export const HELD_COLUMNS = {
  attendance: ['meeting_id', 'member_id', 'status', 'reason', 'member_status'],
  opinions: ['meeting_id', 'member_id', 'guest_name', 'agenda_index', 'summary', 'created_at'],
  tasks: ['meeting_id', 'org_path', 'member_id', 'text', 'deadline', 'status', 'status_at'],
  votes: [
    'meeting_id',
    'subject',
    'text',
    'member_id',
    'votes_for',
    'votes_against',
    'abstain',
    'eligible',
    'passed',
    'statement',
  ],
  meeting_guests: ['meeting_id', 'name', 'role'],
  materials: ['meeting_id', 'file_name', 'content_type', 'size', 'bytes', 'publish_at', 'uploaded_at'],
  meeting_events: ['meeting_id', 'kind', 'data', 'at'],
  audit_events: ['at', 'actor_name', 'action', 'entity_type', 'entity_id', 'org_path', 'detail'],
} as const;

/** A vote of the record, as `HELD_COLUMNS.votes`. */
export const voteValues = (meetingId: number, v: MeetingRecord['votes'][number]) => [
  meetingId,
  v.subject,
  v.text,
  v.memberId,
  v.for,
  v.against,
  v.abstain,
  v.outcome.eligible,
  v.outcome.passed,
  json(v.outcome.statement),
];

/** A step of a meeting's history: its `meeting_events` row and its `audit_events` row. */
export function trailValues(
  meetingId: number,
  orgPath: string,
  kind: string,
  at: Date,
  data: Record<string, unknown>,
) {
  return {
    event: [meetingId, kind, json(data), iso(at)],
    audit: [iso(at), ACTOR, `meeting.${kind}`, 'meeting', String(meetingId), orgPath, json(data)],
  };
}

/** Bytes of the draft resolution sent to members before the meeting (a short text file). */
function draftPaper(meeting: CalendarMeeting): { name: string; bytes: string; size: number } {
  const month = meeting.date.slice(5, 7);
  const text = `Dự thảo nghị quyết ${meeting.cell.name}, tháng ${month}/${meeting.date.slice(0, 4)}.\n`;
  const buffer = Buffer.from(text, 'utf8');
  return {
    name: `du-thao-nghi-quyet-thang-${month}.txt`,
    bytes: `\\x${buffer.toString('hex')}`,
    size: buffer.length,
  };
}

/** The draft resolution sent at `at`, as `HELD_COLUMNS.materials`. */
export function materialValues(meetingId: number, meeting: CalendarMeeting, at: Date) {
  const paper = draftPaper(meeting);
  return [meetingId, paper.name, 'text/plain', paper.size, paper.bytes, iso(at), iso(at)];
}
