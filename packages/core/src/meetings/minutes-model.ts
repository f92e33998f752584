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
  /** "14 giờ 00 phút, ngày 04/11/2023" (Vietnam time). */
  startedAt: string;
  endedAt: string | null;
  place: string;
  chair: MinutesPerson;
  secretary: MinutesPerson;
  guests: MinutesPerson[];
  rollCall: {
    /** The cell's own members, those attending another cell meanwhile included. */
    total: number;
    official: number;
    probationary: number;
    /** The cell's members attending another cell meanwhile (đi sinh hoạt tạm thời nơi khác), by name. */
    attachedElsewhere: string[];
    /** Members of other cells attending this one meanwhile (sinh hoạt tạm thời tại chi bộ), by name. */
    attachedHere: string[];
    exempt: number;
    /** Everyone present: the cell's own members and those attending temporarily. */
    present: number;
    /** The cell's own official and probationary members present. */
    presentOfficial: number;
    presentProbationary: number;
    /** Members of other cells attending temporarily who were present. */
    presentAttachedHere: number;
    absentExcused: { name: string; reason: string }[];
    /** Absent without giving a reason. */
    absentUnexcused: string[];
    /** Absent with a reason the cell did not accept: counted as absent without reason (HD 12-HD/BTCTW). */
    absentReasonNotAccepted: { name: string; reason: string }[];
  };
  agenda: string[];
  /**
   * Per agenda item: the opinions in the order spoken, what was recorded at the item (`notes`, e.g. the dues
   * collected at "Thu đảng phí", issue 16), then the chair's conclusion.
   */
  discussion: {
    item: string;
    opinions: { speaker: string; text: string }[];
    notes?: string[];
    conclusion: string | null;
  }[];
  /** Tasks with their deadlines as the document prints them: "14/11/2023". */
  tasks: { member: string; task: string; deadline: string | null }[];
  personnel: { text: string; result: string }[];
  resolution: { text: string; vote: string } | null;
  score: QualityScore | null;
  /** Level in words: "Tốt" / "Khá" / "Trung bình" / "Kém". */
  levelText: string | null;
  /** The one closing line: "Buổi sinh hoạt kết thúc lúc 16 giờ 30 phút cùng ngày." ('' before the end). */
  closing: string;
  /**
   * The minutes' own reading and adoption: "Biên bản đã được đọc lại trước chi bộ và được 16/16 đồng chí …
   * tán thành thông qua." (blanks "…/…" before the vote). Absent in models frozen before it existed.
   */
  adoption?: string;
  signatures: { left: { title: string; name: string }; right: { title: string; name: string } };
  /** Dated addenda (corrections after adoption), printed after the minutes. */
  addenda: { date: string; text: string }[];
}

export interface ResolutionModel {
  header: PartyDocumentHeader;
  /** "NGHỊ QUYẾT" */
  title: string;
  /** The subject line (trích yếu): "về lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026". */
  subtitle: string;
  /** The grounds, each on its own line: "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", …, the meeting. */
  grounds: string[];
  /** "CHI BỘ KHU VỰC 3 QUYẾT NGHỊ:", centred, not a numbered part. */
  decision: string;
  /** What the cell decided, printed 1., 2., …; `details` are the lines under a point. */
  points: { text: string; details: string[] }[];
  /** Tasks assigned to named members, printed as the last point with their table. */
  tasks: { member: string; task: string; deadline: string | null }[];
  /** The vote, stated once at the end: "Nghị quyết được 16/16 đồng chí tán thành (100%), …". */
  adoption: string;
  /** "T/M CHI BỘ" / "BÍ THƯ" or "PHÓ BÍ THƯ" / the name of who signs. */
  signature: { onBehalf: string; title: string; name: string };
  recipients: string[];
}

export type { Bilingual };
