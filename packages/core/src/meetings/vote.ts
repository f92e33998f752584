import { formatDecimalEn, formatDecimalVi } from './calendar.ts';
import type { AttendanceFact, Bilingual, VoteCount, VoteOutcome, VoteSubject } from './types.ts';

/**
 * Whether a member's vote counts towards the base (QĐ 24-QĐ/TW point 9.3.2): an official member who is
 * neither suspended nor detained, and is not attached to another cell, not an absent exempt member and
 * not absent with an approved reason. Present exempt members do count: they chose to take part.
 * A member of another cell attending here temporarily is left out: he or she votes in the home cell, which
 * in turn leaves him or her out as attached elsewhere (QĐ 24-QĐ/TW point 9.3.2; domain.md §2). An absence
 * whose reason the cell did not accept is not "có lý do được chấp nhận" and stays in the base.
 */
function countsInBase(fact: AttendanceFact): boolean {
  if (fact.memberStatus !== 'official' || fact.suspended || fact.attachedHere) return false;
  if (fact.status === 'absent_excused') return fact.reasonAccepted === false;
  return fact.status === 'present' || fact.status === 'absent_unexcused';
}

/**
 * The number of members whose votes count: official members summoned, minus those temporarily attached
 * elsewhere, absent exempt members, suspended or detained members, and those absent with an approved
 * reason (QĐ 24-QĐ/TW 9.3.2). Probationary members never count: they attend and speak but do not vote;
 * nor do members of other cells attending here temporarily.
 */
export function eligibleBase(attendance: AttendanceFact[]): number {
  return attendance.filter(countsInBase).length;
}

/** Votes needed to pass: more than half of the base, or at least two thirds for recognition/admission. */
function neededVotes(rule: VoteOutcome['rule'], eligible: number): number {
  // Integer arithmetic: ⌈2e/3⌉ = ⌊(2e + 2)/3⌋, and no vote passes with zero votes for.
  const needed = rule === 'two_thirds' ? Math.floor((2 * eligible + 2) / 3) : Math.floor(eligible / 2) + 1;
  return Math.max(1, needed);
}

/**
 * Which rule a subject is decided by (domain.md §3; Điều lệ Đảng on admission and recognition). The
 * resolution, the minutes (thông qua biên bản, like a resolution: QĐ 24-QĐ/TW point 9.3.2, HD 12-HD/BTCTW),
 * an exemption and other matters pass with more than half.
 */
export function voteRule(subject: VoteSubject): VoteOutcome['rule'] {
  return subject === 'recognition' || subject === 'admission' ? 'two_thirds' : 'majority';
}

function verdict(rule: VoteOutcome['rule'], passed: boolean, needed: number, eligible: number): Bilingual {
  const need = `${needed}/${eligible}`;
  if (rule === 'majority') {
    return passed
      ? { vi: 'thông qua (quá nửa)', en: 'passed (more than half)' }
      : {
          vi: `không thông qua (chưa quá nửa, cần ${need})`,
          en: `not passed (not more than half; ${need} needed)`,
        };
  }
  return passed
    ? {
        vi: `thông qua (đạt ít nhất hai phần ba, cần ${need})`,
        en: `passed (at least two thirds; ${need} needed)`,
      }
    : {
        vi: `không thông qua (chưa đạt hai phần ba, cần ${need})`,
        en: `not passed (under two thirds; ${need} needed)`,
      };
}

/**
 * The outcome of a vote against the eligible base: a resolution, an exemption or another matter passes
 * with more than half of the eligible members; recognition as official member and admission need at least
 * ⌈2/3 × eligible⌉. The statement reads "Tán thành 10/12 (83,3%), không tán thành 1, không biểu quyết 1:
 * thông qua (quá nửa)". Throws a RangeError when a count is not a whole number ≥ 0 or when more votes are
 * recorded than there are eligible members present.
 */
export function voteOutcome(
  subject: VoteSubject,
  count: VoteCount,
  attendance: AttendanceFact[],
): VoteOutcome {
  for (const key of ['for', 'against', 'abstain'] as const) {
    if (!Number.isInteger(count[key]) || count[key] < 0) {
      throw new RangeError(`vote ${key}: ${count[key]} is not a whole number of votes`);
    }
  }
  const eligible = eligibleBase(attendance);
  const presentEligible = attendance.filter((a) => countsInBase(a) && a.status === 'present').length;
  const cast = count.for + count.against + count.abstain;
  if (cast > presentEligible) {
    throw new RangeError(`vote: ${cast} votes recorded but only ${presentEligible} eligible members present`);
  }
  const rule = voteRule(subject);
  const needed = neededVotes(rule, eligible);
  const passed = count.for >= needed;
  const share = eligible > 0 ? (count.for * 100) / eligible : 0;
  const result = verdict(rule, passed, needed, eligible);
  return {
    eligible,
    needed,
    passed,
    rule,
    statement: {
      vi: `Tán thành ${count.for}/${eligible} (${formatDecimalVi(share)}%), không tán thành ${count.against}, không biểu quyết ${count.abstain}: ${result.vi}`,
      en: `For ${count.for}/${eligible} (${formatDecimalEn(share)}%), against ${count.against}, abstaining ${count.abstain}: ${result.en}`,
    },
  };
}
