import { z } from 'zod';
import { ITEM_CONCLUSION_MAX } from './meetings/agenda.ts';
import { ATTENDANCE_STATUSES, MEETING_KINDS, VOTE_SUBJECTS } from './meetings/types.ts';
import { isoDateSchema, memberCodeSchema } from './member.ts';
import { orgCodeSchema } from './org.ts';

/** Request schemas of the meetings API: one per operation, shared by server validation, OpenAPI and forms. */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });
const text = (max: number) => z.string().trim().min(1).max(max);

/** A month of the calendar, "2026-12". */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' });

/** The month whose meeting days a committee spreads over its cells (preview, then apply). */
export const meetingDaysSchema = z.object({ month: monthSchema });

export const planMeetingsSchema = z
  .object({ orgCode: orgCodeSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((v) => v.from <= v.to, { message: 'to', path: ['to'] });

export const meetingListQuerySchema = z.object({
  org: orgCodeSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
});

export const createMeetingSchema = z.object({
  orgCode: orgCodeSchema,
  kind: z.enum(MEETING_KINDS),
  date: isoDateSchema,
  startTime: time,
  place: z.string().trim().max(200).nullish(),
  combined: z.boolean().default(false),
  title: z.string().trim().max(300).nullish(),
});

export const rescheduleSchema = z.object({ date: isoDateSchema, startTime: time, reason: text(500) });
export const cancelSchema = z.object({ reason: text(500) });
/** The secretaries prepared the meeting together (a cell without a cell committee): who and what, briefly. */
export const preparedSchema = z.object({ note: z.string().trim().max(500).nullish() });
/** One agenda item added to a meeting: it goes after the last item of its section. */
export const agendaItemSchema = z.object({
  title: text(300),
  section: z.enum(['opening', 'content', 'closing']),
});

export const updateMeetingSchema = z.object({
  place: z.string().trim().max(200).nullish(),
  title: z.string().trim().max(300).nullish(),
  agenda: z
    .array(
      z.object({
        title: text(300),
        section: z.enum(['opening', 'content', 'closing']),
        // Sent back with the item so that editing the agenda keeps the chair's conclusions.
        conclusion: z.string().trim().max(ITEM_CONCLUSION_MAX).optional(),
      }),
    )
    .max(40)
    .optional(),
  chairMemberCode: memberCodeSchema.nullish(),
  minuteTakerMemberCode: memberCodeSchema.nullish(),
});

export const replySchema = z.object({
  reply: z.enum(['confirm', 'excuse']),
  reason: z.string().trim().max(500).nullish(),
});
export const clockSchema = z.object({ at: z.iso.datetime({ offset: true }).optional() });

export const attendanceSchema = z
  .object({
    status: z.enum(ATTENDANCE_STATUSES),
    reason: z.string().trim().max(300).nullish(),
    /**
     * Whether the cell accepts the reason of an excused absence (HD 12-HD/BTCTW point 2.1; QĐ 24-QĐ/TW
     * point 9.3.2): yes unless said otherwise; read only with `absent_excused`.
     */
    reasonAccepted: z.boolean().optional(),
  })
  .refine((v) => v.status !== 'absent_excused' || Boolean(v.reason), { message: 'reason', path: ['reason'] });

export const guestSchema = z.object({ name: text(120), role: z.string().trim().max(200).nullish() });

export const opinionSchema = z
  .object({
    memberCode: memberCodeSchema.nullish(),
    guestName: z.string().trim().max(120).nullish(),
    agendaIndex: z.number().int().min(0).max(39),
    summary: text(4000),
  })
  .refine((v) => Boolean(v.memberCode) !== Boolean(v.guestName), {
    message: 'speaker',
    path: ['memberCode'],
  });

/** Correcting a mistyped opinion before the minutes are adopted: its text, and the agenda item it belongs to. */
export const opinionEditSchema = z.object({
  summary: text(4000),
  agendaIndex: z.number().int().min(0).max(39).optional(),
});

export const taskSchema = z.object({
  memberCode: memberCodeSchema.nullish(),
  text: text(1000),
  deadline: isoDateSchema.nullish(),
});
export const taskStatusSchema = z.object({ status: z.enum(['open', 'done', 'dropped']) });

export const voteSchema = z.object({
  subject: z.enum(VOTE_SUBJECTS),
  text: text(2000),
  memberCode: memberCodeSchema.nullish(),
  for: z.number().int().min(0).max(10000),
  against: z.number().int().min(0).max(10000),
  abstain: z.number().int().min(0).max(10000),
  /** A recognition before the twelve months of probation end (Điều lệ Đảng art. 5): recorded once confirmed. */
  confirmEarly: z.boolean().optional(),
});

export const manualScoresSchema = z.record(z.string().max(60), z.number().int().min(0).max(100));
export const conclusionSchema = z.object({ text: text(8000) });
/** The chair's conclusion on one agenda item; an empty text clears it. */
export const itemConclusionSchema = z.object({ text: z.string().trim().max(ITEM_CONCLUSION_MAX) });
/** The place of an agenda item (0 = the first), as a path segment. */
export const agendaIndexParam = z.coerce.number().int().min(0).max(39);
export const adoptSchema = z.object({
  for: z.number().int().min(0).max(10000),
  against: z.number().int().min(0).max(10000),
  abstain: z.number().int().min(0).max(10000),
  /** Where the rule set allows it: adopt although manual criteria are unscored, at the level that gives. */
  confirmUnscored: z.boolean().optional(),
});
export const addendumSchema = z.object({ date: isoDateSchema, text: text(4000) });
