import { describe, expect, it } from 'vitest';
import type { MinutesRollLine } from './minutes-input.ts';
import { minutesRollCall } from './minutes-roll.ts';

let nextId = 1;
const line = (fullName: string, status: string, extra: Partial<MinutesRollLine> = {}): MinutesRollLine => ({
  memberId: nextId++,
  fullName,
  position: 'member',
  memberStatus: 'official',
  status,
  reason: null,
  ...extra,
});

describe('minutesRollCall', () => {
  it('counts all of the cell’s own members, names temporary attendance out and in, and splits those present', () => {
    const roll = [
      line('Nguyễn Văn An', 'present'),
      line('Trần Thị Bình', 'present', { memberStatus: 'probationary' }),
      line('Lê Văn Cường', 'attached_elsewhere'),
      line('Phạm Thị Dung', 'exempt'),
      line('Hoàng Văn Em', 'absent_excused', { reason: 'ốm' }),
      line('Võ Thị Giang', 'absent_excused', { reason: 'việc riêng', reasonAccepted: false }),
      line('Đỗ Văn Hải', 'absent_unexcused'),
      line('Bùi Thị Lan', 'present', { attachedHere: true }),
      line('Ngô Văn Minh', 'absent_excused', { reason: 'đi công tác', attachedHere: true }),
    ];
    expect(minutesRollCall(roll)).toEqual({
      total: 7,
      official: 6,
      probationary: 1,
      attachedElsewhere: ['Lê Văn Cường'],
      attachedHere: ['Bùi Thị Lan', 'Ngô Văn Minh'],
      exempt: 1,
      present: 3,
      presentOfficial: 1,
      presentProbationary: 1,
      presentAttachedHere: 1,
      absentExcused: [
        { name: 'Hoàng Văn Em', reason: 'ốm' },
        { name: 'Ngô Văn Minh', reason: 'đi công tác' },
      ],
      absentUnexcused: ['Đỗ Văn Hải'],
      absentReasonNotAccepted: [{ name: 'Võ Thị Giang', reason: 'việc riêng' }],
    });
  });

  it('reads lines without the new flags as the cell’s own, with accepted reasons', () => {
    const roll = [
      line('Nguyễn Văn An', 'present'),
      line('Trần Thị Bình', 'absent_excused', { reason: 'ốm' }),
    ];
    expect(minutesRollCall(roll)).toMatchObject({
      total: 2,
      attachedHere: [],
      present: 1,
      absentExcused: [{ name: 'Trần Thị Bình', reason: 'ốm' }],
      absentReasonNotAccepted: [],
    });
  });
});
