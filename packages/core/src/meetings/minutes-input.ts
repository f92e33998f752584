import { placeDateLine } from './documents.ts';
import type { PartyDocumentHeader } from './minutes-model.ts';
import type { MeetingKind, QualityScore } from './types.ts';

/** What a member's position in the cell is called in the Party's documents. */
export const POSITION_VI: Record<string, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Chi ủy viên',
  member: 'Đảng viên',
};

/** One line of the roll call, in the order the minutes list it (Vietnamese name order). */
export interface MinutesRollLine {
  memberId: number;
  fullName: string;
  position: string;
  memberStatus: string;
  status: string;
  reason: string | null;
  /** A member of another cell attending here temporarily (sinh hoạt tạm thời tại chi bộ). */
  attachedHere?: boolean;
  /** For an excused absence: whether the cell accepted the reason (default yes). */
  reasonAccepted?: boolean;
}

/** Everything recorded of a meeting that its minutes and resolution print. */
export interface MinutesInput {
  meeting: {
    kind: MeetingKind;
    /** A regular meeting that is also the period's thematic one: the minutes name both parts. */
    combined?: boolean;
    scheduledDate: string;
    /** The agenda, each item with the chair's conclusion on it when one was recorded. */
    agenda: { title: string; section: string; conclusion?: string | null }[];
    place: string | null;
    conclusion: string | null;
    /** Recorded start, else the scheduled one. */
    start: Date;
    endedAt: Date | null;
    chairMemberId: number | null;
    minuteTakerMemberId: number | null;
  };
  cellName: string;
  /** The issuing cell's words (org-naming.ts): its heading, symbol, place and signing authority. */
  issuer: {
    heading: { superior: string; issuer: string };
    symbol: string;
    placeName: string;
    onBehalf: string;
    /** The superior's leading body, to whom the resolution is sent "để báo cáo". */
    superiorBody: string | null;
    /** The cell's term of office ("2025–2030"), named in the resolution's grounds; absent when unknown. */
    term?: string | null;
  };
  numbers: { minutes: string | null; resolution: string | null };
  roll: MinutesRollLine[];
  opinions: { agendaIndex: number; speaker: string; summary: string }[];
  answers: { text: string; answer: string; handlerName: string }[];
  tasks: { member: string | null; text: string; deadline: string | null }[];
  votes: {
    subject: string;
    text: string;
    member: string | null;
    statement: { vi: string };
    /** Votes in favour and whether it passed: the minutes' own adoption sentence reads them. */
    for?: number;
    passed?: boolean;
  }[];
  guests: { name: string; role: string | null }[];
  addenda: { date: string; text: string }[];
  score: QualityScore;
}

/** The header of a document the cell issues: its heading, the number (or a blank to fill) and the date line. */
export function documentHeader(
  input: MinutesInput,
  number: string | null,
  type: string,
): PartyDocumentHeader {
  return {
    ...input.issuer.heading,
    number: number ?? `Số    -${type}/${input.issuer.symbol}`,
    placeDate: placeDateLine(input.issuer.placeName, input.meeting.scheduledDate),
  };
}
