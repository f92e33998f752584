import type { Bilingual, QualityScore } from './types.ts';

/**
 * Everything the minutes (biên bản) and the resolution (nghị quyết) print, computed once from what was
 * recorded. The document renderers are pure functions of this model: the same model gives the same bytes.
 */
export interface PartyDocumentHeader {
  /** "ĐẢNG BỘ XÃ TÂN HỘI" — the superior organisation, upper case. */
  superior: string;
  /** "CHI BỘ THÔN THƯỢNG HỘI" — the issuing cell, upper case. */
  issuer: string;
  /** "Số 05-NQ/CB" */
  number: string;
  /** "Tân Hội, ngày 05 tháng 02 năm 2026" */
  placeDate: string;
}

export interface MinutesPerson {
  name: string;
  /** Bí thư, Phó Bí thư, Chi ủy viên, Đảng viên; for guests their office. */
  role?: string;
}

export interface MinutesModel {
  header: PartyDocumentHeader;
  /** "BIÊN BẢN" */
  title: string;
  /** "Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026" */
  subtitle: string;
  startedAt: string;
  endedAt: string | null;
  place: string;
  chair: MinutesPerson;
  secretary: MinutesPerson;
  guests: MinutesPerson[];
  rollCall: {
    total: number;
    official: number;
    probationary: number;
    attachedHere: number;
    exempt: number;
    present: number;
    presentOfficial: number;
    presentProbationary: number;
    absentExcused: { name: string; reason: string }[];
    absentUnexcused: string[];
  };
  agenda: string[];
  /** Per agenda item: the opinions in the order spoken, then the chair's conclusion. */
  discussion: { item: string; opinions: { speaker: string; text: string }[]; conclusion: string | null }[];
  tasks: { member: string; task: string; deadline: string | null }[];
  personnel: { text: string; result: string }[];
  resolution: { text: string; vote: string } | null;
  score: QualityScore | null;
  /** Level in words: "Tốt" / "Khá" / "Trung bình" / "Kém". */
  levelText: string | null;
  closing: string;
  signatures: { left: { title: string; name: string }; right: { title: string; name: string } };
  /** Dated addenda (corrections after adoption), printed after the minutes. */
  addenda: { date: string; text: string }[];
}

export interface ResolutionModel {
  header: PartyDocumentHeader;
  /** "NGHỊ QUYẾT" */
  title: string;
  /** "lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026" */
  subtitle: string;
  /** Opening paragraph: the meeting that passed it, the vote. */
  preamble: string;
  sections: { heading: string; paragraphs: string[] }[];
  tasks: { member: string; task: string; deadline: string | null }[];
  /** "T/M CHI BỘ" / "BÍ THƯ" / name */
  signature: { onBehalf: string; title: string; name: string };
  recipients: string[];
}

export type { Bilingual };
