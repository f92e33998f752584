import type { MinutesRollLine } from './minutes-input.ts';
import type { MinutesModel } from './minutes-model.ts';

/** Absent with a reason the cell did not accept: not "vắng mặt có lý do" (HD 12-HD/BTCTW point 2.1). */
const reasonRefused = (l: MinutesRollLine) => l.status === 'absent_excused' && l.reasonAccepted === false;

/**
 * The roll call as the minutes state it (domain.md §3, opening: "total members (official / probationary /
 * temporarily attached), exempt, present, absent with reason (name + reason), absent without reason"):
 * - the cell's total counts all of its own members, those attending another cell meanwhile included, who
 *   are named apart ("đi sinh hoạt tạm thời nơi khác");
 * - members of other cells attending here temporarily are named apart and counted among those present
 *   ("sinh hoạt tạm thời tại chi bộ"), not in the cell's total;
 * - an absence is "có lý do" only when the cell accepted the reason (HD 12-HD/BTCTW point 2.1; QĐ 24-QĐ/TW
 *   point 9.3.2): one whose reason was not accepted is listed with the absences without reason.
 */
export function minutesRollCall(roll: readonly MinutesRollLine[]): MinutesModel['rollCall'] {
  const own = roll.filter((l) => !l.attachedHere);
  const here = roll.filter((l) => l.attachedHere);
  const present = roll.filter((l) => l.status === 'present');
  const ownPresent = present.filter((l) => !l.attachedHere);
  return {
    total: own.length,
    official: own.filter((l) => l.memberStatus === 'official').length,
    probationary: own.filter((l) => l.memberStatus === 'probationary').length,
    attachedElsewhere: own.filter((l) => l.status === 'attached_elsewhere').map((l) => l.fullName),
    attachedHere: here.map((l) => l.fullName),
    exempt: own.filter((l) => l.status === 'exempt').length,
    present: present.length,
    presentOfficial: ownPresent.filter((l) => l.memberStatus === 'official').length,
    presentProbationary: ownPresent.filter((l) => l.memberStatus === 'probationary').length,
    presentAttachedHere: present.length - ownPresent.length,
    absentExcused: roll
      .filter((l) => l.status === 'absent_excused' && !reasonRefused(l))
      .map((l) => ({ name: l.fullName, reason: l.reason ?? '' })),
    absentUnexcused: roll.filter((l) => l.status === 'absent_unexcused').map((l) => l.fullName),
    absentReasonNotAccepted: roll
      .filter(reasonRefused)
      .map((l) => ({ name: l.fullName, reason: l.reason ?? '' })),
  };
}
