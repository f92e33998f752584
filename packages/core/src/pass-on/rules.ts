/**
 * The rules of passing superior documents on (pure, no I/O). HD 12-HD/BTCTW (06/7/2018) point 2.2 and
 * HD 42-HD/BTCTW (28/10/2025): each regular meeting's content includes "phổ biến chủ trương, văn bản của
 * cấp trên"; the committee follows that every cell it addresses has passed the document on.
 */
import { formatVietnameseDate } from '../dates.ts';
import type { AgendaItem } from '../meetings/agenda.ts';
import type { PassOnAddress } from './types.ts';

/** Is a cell (its kind and category) among those a document is addressed to? */
export function addressesCell(
  address: PassOnAddress,
  cell: { kind: string; category: string | null },
): boolean {
  if (address.audience === 'subtree') return true;
  return (
    (address.cellKinds as readonly string[]).includes(cell.kind) ||
    (cell.category !== null && (address.cellCategories as readonly string[]).includes(cell.category))
  );
}

/**
 * The agenda item under which superior documents are passed on (the default template's "Phổ biến, quán
 * triệt văn bản của cấp trên", or a rule set's own wording with "văn bản … cấp trên"); null when none.
 */
export function superiorDocumentsIndex(agenda: readonly AgendaItem[]): number | null {
  const index = agenda.findIndex((item) => {
    const title = item.title.toLocaleLowerCase('vi');
    return item.section === 'content' && title.includes('văn bản') && title.includes('cấp trên');
  });
  return index < 0 ? null : index;
}

/** A document still to pass on is overdue once its "pass on by" day has gone by. */
export const passOnOverdue = (passOnBy: string, today: string): boolean => today > passOnBy;

/** Why a document stands on the meeting's agenda, in the meeting's language (Vietnamese). */
export function passOnReason(
  doc: { number: string; orgName: string; issuedOn: string; passOnBy: string },
  meetingDate: string,
): string {
  const base = `Văn bản số ${doc.number} của ${doc.orgName} (ban hành ngày ${formatVietnameseDate(doc.issuedOn)}) cần được phổ biến đến chi bộ`;
  return passOnOverdue(doc.passOnBy, meetingDate)
    ? `${base}; đã quá hạn phổ biến (hạn ${formatVietnameseDate(doc.passOnBy)}).`
    : `${base} trước ngày ${formatVietnameseDate(doc.passOnBy)}.`;
}
