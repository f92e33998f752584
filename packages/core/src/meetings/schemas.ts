import { z } from 'zod';
import { isoDateSchema, memberCodeSchema } from '../members/schemas.ts';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { AGENDA_SECTIONS, INVITATION_REPLIES, MEETING_LIMITS, TASK_STATUSES } from './api-types.ts';
import { ATTENDANCE_STATUSES, MEETING_KINDS, VOTE_SUBJECTS } from './types.ts';

/**
 * Request schemas of the meetings API: one per operation, shared by server validation, OpenAPI and (as types
 * only, `…Input`) the web's forms.
 */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });
const text = (max: number) => z.string().trim().min(1).max(max);
const votes = z.number().int().min(0).max(MEETING_LIMITS.votes);
/** The place of an agenda item in the body (0 = the first). */
const agendaIndex = z
  .number()
  .int()
  .min(0)
  .max(MEETING_LIMITS.agendaItems - 1);

/** A month of the calendar, "2026-12". */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });

/** The month whose meeting days a committee spreads over its cells (preview, then apply). */
export const meetingDaysSchema = z.object({ month: monthSchema });

export const planMeetingsSchema = z
  .object({ orgCode: orgCodeSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((v) => v.from <= v.to, { message: 'to', path: ['to'] });
/** The body of `POST /meetings/plan` (`PlanMeetingsInput` is the planner's own input, planning.ts). */
export type PlanMeetingsRequest = z.input<typeof planMeetingsSchema>;

export const meetingListQuerySchema = z.object({
  org: orgCodeSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
});
export type MeetingListQueryInput = z.input<typeof meetingListQuerySchema>;

export const createMeetingSchema = z.object({
  orgCode: orgCodeSchema,
  kind: z.enum(MEETING_KINDS),
  date: isoDateSchema,
  startTime: time,
  place: z.string().trim().max(MEETING_LIMITS.place).nullish(),
  combined: z.boolean().default(false),
  title: z.string().trim().max(MEETING_LIMITS.title).nullish(),
});
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;

export const rescheduleSchema = z.object({
  date: isoDateSchema,
  startTime: time,
  reason: text(MEETING_LIMITS.reason),
});
export type RescheduleInput = z.input<typeof rescheduleSchema>;
export const cancelSchema = z.object({ reason: text(MEETING_LIMITS.reason) });
/** The secretaries prepared the meeting together (a cell without a cell committee): who and what, briefly. */
export const preparedSchema = z.object({ note: z.string().trim().max(MEETING_LIMITS.reason).nullish() });
/** One agenda item added to a meeting: it goes after the last item of its section. */
export const agendaItemSchema = z.object({
  title: text(MEETING_LIMITS.agendaItemTitle),
  section: z.enum(AGENDA_SECTIONS),
});
export type AgendaItemInput = z.input<typeof agendaItemSchema>;

export const updateMeetingSchema = z.object({
  place: z.string().trim().max(MEETING_LIMITS.place).nullish(),
  title: z.string().trim().max(MEETING_LIMITS.title).nullish(),
  agenda: z
    .array(
      z.object({
        title: text(MEETING_LIMITS.agendaItemTitle),
        section: z.enum(AGENDA_SECTIONS),
        // Sent back with the item so that editing the agenda keeps the chair's conclusions.
        conclusion: z.string().trim().max(MEETING_LIMITS.itemConclusion).optional(),
        // A pre-filled item's source and reason (agenda-sources.ts) stay with it too.
        source: z
          .object({
            kind: z.enum([
              'pass_on',
              'answers',
              'recognition',
              'overdue_tasks',
              'absences',
              'dues_arrears',
              'thematic',
            ]),
            ref: z.string().max(100),
          })
          .optional(),
        reason: z.string().max(4000).optional(),
      }),
    )
    .max(MEETING_LIMITS.agendaItems)
    .optional(),
  chairMemberCode: memberCodeSchema.nullish(),
  minuteTakerMemberCode: memberCodeSchema.nullish(),
});
export type UpdateMeetingInput = z.input<typeof updateMeetingSchema>;

export const replySchema = z.object({
  reply: z.enum(INVITATION_REPLIES),
  reason: z.string().trim().max(MEETING_LIMITS.reason).nullish(),
});
export type ReplyInput = z.input<typeof replySchema>;
export const clockSchema = z.object({ at: z.iso.datetime({ offset: true }).optional() });

export const attendanceSchema = z
  .object({
    status: z.enum(ATTENDANCE_STATUSES),
    reason: z.string().trim().max(MEETING_LIMITS.attendanceReason).nullish(),
    /**
     * Whether the cell accepts the reason of an excused absence (HD 12-HD/BTCTW point 2.1; QĐ 24-QĐ/TW
     * point 9.3.2): yes unless said otherwise; read only with `absent_excused`.
     */
    reasonAccepted: z.boolean().optional(),
  })
  .refine((v) => v.status !== 'absent_excused' || Boolean(v.reason), { message: 'reason', path: ['reason'] });
export type AttendanceInput = z.input<typeof attendanceSchema>;

export const guestSchema = z.object({
  name: text(MEETING_LIMITS.guestName),
  role: z.string().trim().max(MEETING_LIMITS.guestRole).nullish(),
});
export type GuestInput = z.input<typeof guestSchema>;

export const opinionSchema = z
  .object({
    memberCode: memberCodeSchema.nullish(),
    guestName: z.string().trim().max(MEETING_LIMITS.guestName).nullish(),
    agendaIndex,
    summary: text(MEETING_LIMITS.opinion),
  })
  .refine((v) => Boolean(v.memberCode) !== Boolean(v.guestName), {
    message: 'speaker',
    path: ['memberCode'],
  });
export type OpinionInput = z.input<typeof opinionSchema>;

/** Correcting a mistyped opinion before the minutes are adopted: its text, and the agenda item it belongs to. */
export const opinionEditSchema = z.object({
  summary: text(MEETING_LIMITS.opinion),
  agendaIndex: agendaIndex.optional(),
});
export type OpinionEditInput = z.input<typeof opinionEditSchema>;

export const taskSchema = z.object({
  memberCode: memberCodeSchema.nullish(),
  text: text(MEETING_LIMITS.task),
  deadline: isoDateSchema.nullish(),
});
export type TaskInput = z.input<typeof taskSchema>;
export const taskStatusSchema = z.object({ status: z.enum(TASK_STATUSES) });

export const voteSchema = z.object({
  subject: z.enum(VOTE_SUBJECTS),
  text: text(MEETING_LIMITS.vote),
  memberCode: memberCodeSchema.nullish(),
  for: votes,
  against: votes,
  abstain: votes,
  /** A recognition before the twelve months of probation end (Điều lệ Đảng art. 5): recorded once confirmed. */
  confirmEarly: z.boolean().optional(),
});
export type VoteInput = z.input<typeof voteSchema>;

export const manualScoresSchema = z.record(z.string().max(60), z.number().int().min(0).max(100));
export const conclusionSchema = z.object({ text: text(MEETING_LIMITS.conclusion) });
/** The chair's conclusion on one agenda item; an empty text clears it. */
export const itemConclusionSchema = z.object({ text: z.string().trim().max(MEETING_LIMITS.itemConclusion) });
/** The place of an agenda item (0 = the first), as a path segment. */
export const agendaIndexParam = z.coerce
  .number()
  .int()
  .min(0)
  .max(MEETING_LIMITS.agendaItems - 1);
export const adoptSchema = z.object({
  for: votes,
  against: votes,
  abstain: votes,
  /** Where the rule set allows it: adopt although manual criteria are unscored, at the level that gives. */
  confirmUnscored: z.boolean().optional(),
});
export type AdoptInput = z.input<typeof adoptSchema>;
export const addendumSchema = z.object({ date: isoDateSchema, text: text(MEETING_LIMITS.addendum) });
export type AddendumInput = z.input<typeof addendumSchema>;
