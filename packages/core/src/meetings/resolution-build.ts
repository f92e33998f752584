import { formatVietnameseDate } from '../dates.ts';
import { meetingSubtitle } from './documents.ts';
import { documentHeader, type MinutesInput, type MinutesRollLine } from './minutes-input.ts';
import type { MinutesModel, ResolutionModel } from './minutes-model.ts';

type Vote = MinutesInput['votes'][number];

/**
 * Who signs the resolution for the cell (HD 36-HD/VPTW, "thể thức đề ký": authority, the signer's own
 * title, name; domain.md §1 "then the signer's own title (BÍ THƯ, PHÓ BÍ THƯ) and name"): the bí thư, or
 * the phó bí thư when the bí thư did not attend or the cell has none. Whoever chaired does not sign by
 * chairing (an ordinary member may chair; Điều lệ Đảng art. 10: the bí thư or phó bí thư answers for the
 * cell). With neither at the meeting, the bí thư signs afterwards; with neither on the roll, the title is
 * printed and the name left to fill in.
 */
export function resolutionSigner(roll: readonly MinutesRollLine[]): { title: string; name: string } {
  const secretary = roll.find((l) => l.position === 'secretary');
  const deputy = roll.find((l) => l.position === 'deputy_secretary');
  const present = (line: MinutesRollLine | undefined) => line?.status === 'present';
  const chosen =
    (present(secretary) && secretary) || (present(deputy) && deputy) || secretary || deputy || null;
  if (!chosen) return { title: 'BÍ THƯ', name: '' };
  return { title: chosen === secretary ? 'BÍ THƯ' : 'PHÓ BÍ THƯ', name: chosen.fullName };
}

/** The subject line: the vote's text without a leading "Nghị quyết", which the title already prints. */
export function resolutionSubject(text: string): string {
  const subject = text
    .trim()
    .replace(/^nghị quyết\b[\s:–-]*/iu, '')
    .trim();
  return subject || text.trim();
}

/**
 * The points of the resolution from the chair's conclusion, one line each: numbering the user typed
 * ("1.", "2)") is dropped and the points renumbered; a line starting with "-" or "+" belongs to the point
 * above it.
 */
export function resolutionPoints(text: string): ResolutionModel['points'] {
  const points: ResolutionModel['points'] = [];
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.trim();
    if (!line) continue;
    const last = points[points.length - 1];
    if (/^[-+•–]\s*/u.test(line) && last) last.details.push(line);
    else points.push({ text: line.replace(/^\d+[.)]\s+/u, ''), details: [] });
  }
  return points;
}

// The statement voteOutcome (vote.ts) writes: "Tán thành 16/16 (100%), không tán thành 0, không biểu quyết 0: …".
const STATEMENT = /^Tán thành (\d+)\/(\d+) \(([^)]*)\), không tán thành (\d+), không biểu quyết (\d+)/u;

/** The vote, stated once at the end of the resolution (QĐ 24-QĐ/TW point 9.3.2: for / eligible base). */
export function adoptionSentence(statement: string): string {
  const m = STATEMENT.exec(statement.trim());
  if (!m) return `Kết quả biểu quyết: ${statement.trim().replace(/\.$/u, '')}.`;
  const [, votesFor, eligible, share, against, abstain] = m;
  return (
    `Nghị quyết được ${votesFor}/${eligible} đồng chí tán thành (${share}), ${against} đồng chí không ` +
    `tán thành, ${abstain} đồng chí không biểu quyết.`
  );
}

/** The grounds of the resolution ("căn cứ"), each printed on its own line. */
function grounds(input: MinutesInput): string[] {
  const { meeting } = input;
  const meetingName = meetingSubtitle(
    meeting.kind,
    meeting.scheduledDate,
    meeting.combined,
  ).toLocaleLowerCase('vi');
  // An extraordinary meeting is already named by its day ("… bất thường ngày 05 tháng 02 năm 2026").
  const day = /\bngày\b/u.test(meetingName) ? '' : ` ngày ${formatVietnameseDate(meeting.scheduledDate)}`;
  const term = input.issuer.term ? ` nhiệm kỳ ${input.issuer.term}` : '';
  return [
    '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
    `- Căn cứ Quy chế làm việc của ${input.cellName.trim()}${term};`,
    `- Căn cứ kết quả ${meetingName}${day},`,
  ];
}

/**
 * The resolution (nghị quyết) a meeting voted, from what was recorded, in the usual structure of a
 * cell's resolution (HD 12-HD/BTCTW point 2.1 closes the meeting with the vote on it; HD 36-HD/VPTW lays
 * it out): header and number, "NGHỊ QUYẾT" and its subject, the grounds, "CHI BỘ … QUYẾT NGHỊ:", the
 * points numbered 1., 2., … from the chair's conclusion, the tasks, the vote stated once, then "Nơi
 * nhận" (the superior's leading body, the members, the file) and the signature of the bí thư or phó bí thư.
 */
export function buildResolutionModel(
  input: MinutesInput,
  vote: Vote,
  tasks: MinutesModel['tasks'],
): ResolutionModel {
  const { meeting, issuer } = input;
  const signer = resolutionSigner(input.roll);
  const points = resolutionPoints(meeting.conclusion ?? '');
  return {
    header: documentHeader(input, input.numbers.resolution, 'NQ'),
    title: 'NGHỊ QUYẾT',
    subtitle: resolutionSubject(vote.text),
    grounds: grounds(input),
    decision: `${input.cellName.trim().toLocaleUpperCase('vi')} QUYẾT NGHỊ:`,
    points: points.length > 0 ? points : [{ text: resolutionSubject(vote.text), details: [] }],
    tasks,
    adoption: adoptionSentence(vote.statement.vi),
    signature: { onBehalf: issuer.onBehalf, ...signer },
    recipients: [
      // The superior's leading body ("Đảng ủy xã …", org-naming.ts), not its organisation ("Đảng bộ xã …").
      issuer.superiorBody ? `${issuer.superiorBody} (để báo cáo)` : 'Cấp ủy cấp trên (để báo cáo)',
      'Các đảng viên trong chi bộ',
      'Lưu chi bộ',
    ],
  };
}
