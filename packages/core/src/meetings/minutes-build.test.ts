import { describe, expect, it } from 'vitest';
import { buildMinutesModels } from './minutes-build.ts';
import type { MinutesInput } from './minutes-input.ts';

const statement = (vi: string) => ({ vi });

/** A small held meeting: 4 official members and 1 probationary present, one official absent. */
function input(overrides: Partial<MinutesInput> = {}): MinutesInput {
  return {
    meeting: {
      kind: 'regular',
      scheduledDate: '2023-11-04',
      agenda: [
        { title: 'Tuyên bố lý do', section: 'opening' },
        {
          title: 'Báo cáo kết quả tháng 10',
          section: 'content',
          conclusion: '  Chi bộ thống nhất báo cáo.  ',
        },
        { title: 'Thảo luận', section: 'content', conclusion: '   ' },
        { title: 'Thông qua biên bản', section: 'closing' },
      ],
      place: 'Hội trường khoa',
      conclusion: 'Nghị quyết tháng 11',
      start: new Date('2023-11-04T14:00:00+07:00'),
      endedAt: new Date('2023-11-04T16:30:00+07:00'),
      chairMemberId: 1,
      minuteTakerMemberId: 2,
    },
    cellName: 'Chi bộ Khoa Sư phạm',
    issuer: {
      heading: { superior: 'ĐẢNG BỘ TRƯỜNG ĐẠI HỌC CẦN THƠ', issuer: 'CHI BỘ KHOA SƯ PHẠM' },
      symbol: 'CB',
      placeName: 'Cần Thơ',
      onBehalf: 'T/M CHI BỘ',
      superiorBody: 'Đảng ủy Trường Đại học Cần Thơ',
    },
    numbers: { minutes: null, resolution: null },
    roll: [
      ...[1, 2, 3, 4].map((id) => ({
        memberId: id,
        fullName: `Đảng viên ${id}`,
        position: id === 1 ? 'secretary' : 'member',
        memberStatus: 'official',
        status: 'present',
        reason: null,
      })),
      {
        memberId: 5,
        fullName: 'Dự bị 5',
        position: 'member',
        memberStatus: 'probationary',
        status: 'present',
        reason: null,
      },
      {
        memberId: 6,
        fullName: 'Vắng 6',
        position: 'member',
        memberStatus: 'official',
        status: 'absent_excused',
        reason: 'Ốm',
      },
    ],
    opinions: [{ agendaIndex: 2, speaker: 'Đảng viên 3', summary: 'Nhất trí.' }],
    answers: [],
    tasks: [
      { member: 'Đảng viên 4', text: 'Nộp báo cáo', deadline: '2023-11-14' },
      { member: null, text: 'Thu đảng phí', deadline: null },
    ],
    votes: [
      {
        subject: 'resolution',
        text: 'Nghị quyết tháng 11',
        member: null,
        statement: statement('4/4'),
        for: 4,
      },
    ],
    guests: [],
    addenda: [],
    score: { total: 90, max: 100, level: 'good', criteria: [] },
    ...overrides,
  };
}

describe('buildMinutesModels: the text of the minutes', () => {
  it('dates in the place of the cell, times "giờ … phút", deadlines dd/mm/yyyy in minutes and resolution', () => {
    const { minutes, resolution } = buildMinutesModels(input());
    expect(minutes.header.placeDate).toBe('Cần Thơ, ngày 04 tháng 11 năm 2023');
    expect(minutes.startedAt).toBe('14 giờ 00 phút, ngày 04/11/2023');
    expect(minutes.tasks.map((t) => t.deadline)).toEqual(['14/11/2023', null]);
    expect(resolution?.tasks.map((t) => t.deadline)).toEqual(['14/11/2023', null]);
  });

  it('states the end once, as the closing line', () => {
    const { minutes } = buildMinutesModels(input());
    expect(minutes.closing).toBe('Buổi sinh hoạt kết thúc lúc 16 giờ 30 phút cùng ngày.');
    const open = buildMinutesModels(input({ meeting: { ...input().meeting, endedAt: null } })).minutes;
    expect(open.closing).toBe('');
  });

  it('lists every agenda item, with its opinions and the chair’s conclusion (blank = none)', () => {
    const { minutes } = buildMinutesModels(input());
    expect(minutes.discussion).toEqual([
      { item: 'Tuyên bố lý do', opinions: [], conclusion: null },
      { item: 'Báo cáo kết quả tháng 10', opinions: [], conclusion: 'Chi bộ thống nhất báo cáo.' },
      { item: 'Thảo luận', opinions: [{ speaker: 'Đảng viên 3', text: 'Nhất trí.' }], conclusion: null },
      { item: 'Thông qua biên bản', opinions: [], conclusion: null },
    ]);
  });

  it('records its own adoption from the minutes vote, over the official members present', () => {
    expect(buildMinutesModels(input()).minutes.adoption).toBe(
      'Biên bản đã được đọc lại trước chi bộ và được …/… đồng chí đảng viên chính thức dự họp tán thành thông qua.',
    );
    const voted = input();
    voted.votes.push(
      {
        subject: 'minutes',
        text: 'Thông qua biên bản',
        member: null,
        statement: statement('x'),
        for: 2,
        passed: false,
      },
      {
        subject: 'minutes',
        text: 'Thông qua biên bản',
        member: null,
        statement: statement('x'),
        for: 4,
        passed: true,
      },
    );
    const { minutes } = buildMinutesModels(voted);
    // 4 official members present (the probationary member and the absent one do not vote).
    expect(minutes.adoption).toBe(
      'Biên bản đã được đọc lại trước chi bộ và được 4/4 đồng chí đảng viên chính thức dự họp tán thành thông qua.',
    );
    // The minutes vote is no personnel matter.
    expect(minutes.personnel).toEqual([]);
  });
});
