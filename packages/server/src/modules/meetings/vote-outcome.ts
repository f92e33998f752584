import { type VoteCount, type VoteSubject, voteOutcome } from '@nennep/core';
import { invalidField } from '../../http/errors.ts';

/**
 * The vote's outcome, or a 400 naming the "for" field when more votes are recorded than eligible official
 * members are present (QĐ 24-QĐ/TW point 9.3.2: only they vote).
 */
export function outcomeOrInvalid(
  subject: VoteSubject,
  count: VoteCount,
  facts: Parameters<typeof voteOutcome>[2],
): ReturnType<typeof voteOutcome> {
  try {
    return voteOutcome(subject, count, facts);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw invalidField('for', {
      vi: 'Số phiếu vượt quá số đảng viên chính thức có quyền biểu quyết có mặt.',
      en: `More votes than eligible official members present. ${error.message}`,
    });
  }
}
