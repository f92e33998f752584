import { resolveNaming } from '@nennep/core';
import { describe, expect, it } from 'vitest';
import { reportRecipients } from './report-model.ts';

const province = resolveNaming({ kind: 'committee', name: 'Đảng bộ tỉnh Hồng Châu' }).resolved;
const commune = (naming?: { onBehalf: string }) =>
  resolveNaming({ kind: 'committee', name: 'Đảng bộ xã Tân Hội', naming }, [
    { kind: 'committee', name: 'Đảng bộ tỉnh Hồng Châu' },
  ]).resolved;
const ALL = { visitors: true, visited: true, throughCommittees: false };

describe('"Nơi nhận" of the supervision report', () => {
  it('goes up to the superior’s standing body by its name, never to the committee’s own', () => {
    expect(reportRecipients(commune(), province, ALL)).toEqual([
      'Ban Thường vụ Tỉnh ủy Hồng Châu (để báo cáo)',
      'Các đồng chí Ủy viên Ban Thường vụ',
      'Các tổ công tác, đồng chí được phân công dự sinh hoạt',
      'Các chi bộ được dự sinh hoạt',
      'Lưu Văn phòng',
    ]);
  });

  it('names the members of a committee that signs "T/M ĐẢNG ỦY", and the committees below it', () => {
    const own = commune({ onBehalf: 'T/M ĐẢNG ỦY' });
    const superior = { ...province, onBehalf: 'T/M TỈNH ỦY' };
    expect(reportRecipients(own, superior, { ...ALL, throughCommittees: true })).toEqual([
      'Tỉnh ủy Hồng Châu (để báo cáo)',
      'Các đồng chí ủy viên Đảng ủy xã Tân Hội',
      'Các tổ công tác, đồng chí được phân công dự sinh hoạt',
      'Các đảng ủy có chi bộ được dự sinh hoạt',
      'Lưu Văn phòng',
    ]);
  });

  it('leaves out whom a quarter without visits does not concern', () => {
    const none = { visitors: false, visited: false, throughCommittees: false };
    expect(reportRecipients(province, null, none)).toEqual([
      'Các đồng chí Ủy viên Ban Thường vụ',
      'Lưu Văn phòng',
    ]);
  });
});
