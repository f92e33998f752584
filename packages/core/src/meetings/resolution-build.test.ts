import { describe, expect, it } from 'vitest';
import type { MinutesInput, MinutesRollLine } from './minutes-input.ts';
import {
  adoptionSentence,
  buildResolutionModel,
  resolutionPoints,
  resolutionSigner,
  resolutionSubject,
} from './resolution-build.ts';
import { voteOutcome } from './vote.ts';

const line = (memberId: number, fullName: string, position: string, status = 'present'): MinutesRollLine => ({
  memberId,
  fullName,
  position,
  memberStatus: 'official',
  status,
  reason: status === 'absent_excused' ? 'Đi công tác' : null,
});

const SECRETARY = line(1, 'Nguyễn Văn Thành', 'secretary');
const DEPUTY = line(2, 'Trần Thị Bích Ngọc', 'deputy_secretary');
const MEMBER = line(3, 'Huỳnh Văn Lợi', 'member');

const attendance = [1, 2, 3].map((memberId) => ({
  memberId,
  status: 'present' as const,
  memberStatus: 'official' as const,
}));
const STATEMENT = voteOutcome('resolution', { for: 3, against: 0, abstain: 0 }, attendance).statement;

function input(roll: MinutesRollLine[], changes: Partial<MinutesInput['meeting']> = {}): MinutesInput {
  return {
    meeting: {
      kind: 'regular',
      scheduledDate: '2026-02-05',
      agenda: [],
      place: null,
      conclusion:
        '1. Hoàn thành định danh điện tử mức 2.\n- Trước ngày 28/02/2026.\n2) Thu đảng phí đạt 100%.',
      start: new Date('2026-02-05T01:00:00Z'),
      endedAt: null,
      chairMemberId: MEMBER.memberId,
      minuteTakerMemberId: null,
      ...changes,
    },
    cellName: 'Chi bộ thôn Thượng Hội',
    issuer: {
      heading: { superior: 'ĐẢNG BỘ XÃ TÂN HỘI', issuer: 'CHI BỘ THÔN THƯỢNG HỘI' },
      symbol: 'CB',
      placeName: 'Tân Hội',
      onBehalf: 'T/M CHI BỘ',
      superiorBody: 'Đảng ủy xã Tân Hội',
    },
    numbers: { minutes: null, resolution: 'Số 05-NQ/CB' },
    roll,
    opinions: [],
    answers: [],
    tasks: [],
    votes: [],
    guests: [],
    addenda: [],
    score: { total: 0, max: 100, level: 'poor', criteria: [] },
  };
}

const VOTE = {
  subject: 'resolution',
  text: 'Nghị quyết về lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026',
  member: null,
  statement: STATEMENT,
};

const build = (roll: MinutesRollLine[], changes: Partial<MinutesInput['meeting']> = {}) =>
  buildResolutionModel(input(roll, changes), VOTE, []);

describe('who signs the resolution', () => {
  it('is the bí thư when present, even when an ordinary member chaired', () => {
    const model = build([SECRETARY, DEPUTY, MEMBER]);
    expect(model.signature).toEqual({ onBehalf: 'T/M CHI BỘ', title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' });
  });

  it('is the phó bí thư when the bí thư did not attend', () => {
    const model = build([line(1, 'Nguyễn Văn Thành', 'secretary', 'absent_excused'), DEPUTY, MEMBER]);
    expect(model.signature).toEqual({
      onBehalf: 'T/M CHI BỘ',
      title: 'PHÓ BÍ THƯ',
      name: 'Trần Thị Bích Ngọc',
    });
  });

  it('is the phó bí thư when the cell has no bí thư, and never the chair by default', () => {
    expect(resolutionSigner([DEPUTY, MEMBER])).toEqual({ title: 'PHÓ BÍ THƯ', name: 'Trần Thị Bích Ngọc' });
    expect(resolutionSigner([MEMBER])).toEqual({ title: 'BÍ THƯ', name: '' });
    // Neither attended: the bí thư still signs for the cell, afterwards.
    const away = [
      line(1, 'Nguyễn Văn Thành', 'secretary', 'absent_excused'),
      line(2, 'Trần Thị Bích Ngọc', 'deputy_secretary', 'absent_unexcused'),
      MEMBER,
    ];
    expect(resolutionSigner(away)).toEqual({ title: 'BÍ THƯ', name: 'Nguyễn Văn Thành' });
  });
});

describe('the resolution’s text', () => {
  it('prints the subject without a repeated "Nghị quyết"', () => {
    expect(build([SECRETARY]).subtitle).toBe('về lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026');
    expect(resolutionSubject('nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 5')).toBe(
      'lãnh đạo thực hiện nhiệm vụ tháng 5',
    );
    expect(resolutionSubject('Về công tác phát triển đảng viên')).toBe('Về công tác phát triển đảng viên');
  });

  it('opens with the grounds, each on its own line, then "CHI BỘ … QUYẾT NGHỊ:"', () => {
    const model = build([SECRETARY]);
    expect(model.grounds).toEqual([
      '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      '- Căn cứ Quy chế làm việc của Chi bộ thôn Thượng Hội;',
      '- Căn cứ kết quả sinh hoạt chi bộ thường kỳ tháng 02 năm 2026 ngày 05/02/2026,',
    ]);
    expect(model.decision).toBe('CHI BỘ THÔN THƯỢNG HỘI QUYẾT NGHỊ:');
    const withTerm = buildResolutionModel(
      { ...input([SECRETARY]), issuer: { ...input([]).issuer, term: '2025–2030' } },
      VOTE,
      [],
    );
    expect(withTerm.grounds[1]).toBe(
      '- Căn cứ Quy chế làm việc của Chi bộ thôn Thượng Hội nhiệm kỳ 2025–2030;',
    );
    // An extraordinary meeting is named by its day already.
    const extraordinary = build([SECRETARY], { kind: 'extraordinary' });
    expect(extraordinary.grounds[2]).toBe(
      '- Căn cứ kết quả sinh hoạt chi bộ bất thường ngày 05 tháng 02 năm 2026,',
    );
  });

  it('numbers the points from the conclusion, and states the vote once, at the end', () => {
    const model = build([SECRETARY]);
    expect(model.points).toEqual([
      { text: 'Hoàn thành định danh điện tử mức 2.', details: ['- Trước ngày 28/02/2026.'] },
      { text: 'Thu đảng phí đạt 100%.', details: [] },
    ]);
    expect(STATEMENT.vi).toMatch(/^Tán thành 3\/3 \(100%\)/);
    expect(model.adoption).toBe(
      'Nghị quyết được 3/3 đồng chí tán thành (100%), 0 đồng chí không tán thành, 0 đồng chí không biểu quyết.',
    );
    expect(JSON.stringify(model.grounds)).not.toContain('Tán thành');
    expect(adoptionSentence('Nhất trí')).toBe('Kết quả biểu quyết: Nhất trí.');
    // Without a conclusion, the one point is the subject.
    expect(build([SECRETARY], { conclusion: null }).points).toEqual([
      { text: 'về lãnh đạo thực hiện nhiệm vụ tháng 02 năm 2026', details: [] },
    ]);
    expect(resolutionPoints('\n  \n')).toEqual([]);
  });

  it('sends it to the superior’s leading body, the members and the file', () => {
    expect(build([SECRETARY]).recipients).toEqual([
      'Đảng ủy xã Tân Hội (để báo cáo)',
      'Các đảng viên trong chi bộ',
      'Lưu chi bộ',
    ]);
  });
});
