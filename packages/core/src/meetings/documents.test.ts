import { describe, expect, it } from 'vitest';
import {
  clockText,
  closingLine,
  documentNumber,
  meetingSubtitle,
  minutesAdoptionText,
  monthYearText,
  placeDateLine,
  shortDateText,
  timeOfDayText,
} from './documents.ts';

describe('Party document formatting', () => {
  it('numbers documents with at least two digits', () => {
    expect(documentNumber(5, 'NQ')).toBe('Số 05-NQ/CB');
    expect(documentNumber(12, 'BB')).toBe('Số 12-BB/CB');
    expect(documentNumber(123, 'CTr', 'ĐU')).toBe('Số 123-CTr/ĐU');
    expect(documentNumber(1, 'QĐ')).toBe('Số 01-QĐ/CB');
    expect(() => documentNumber(0, 'NQ')).toThrow(RangeError);
  });

  it('puts a leading zero on days below 10 and on months 1–2 only', () => {
    expect(placeDateLine('Tân Hội', '2026-02-05')).toBe('Tân Hội, ngày 05 tháng 02 năm 2026');
    expect(placeDateLine('Tân Hội', '2026-01-31')).toBe('Tân Hội, ngày 31 tháng 01 năm 2026');
    expect(placeDateLine('Tân Hội', '2026-03-15')).toBe('Tân Hội, ngày 15 tháng 3 năm 2026');
    expect(placeDateLine('Tân Hội', '2026-09-09')).toBe('Tân Hội, ngày 09 tháng 9 năm 2026');
    expect(placeDateLine('Tân Hội', '2026-10-10')).toBe('Tân Hội, ngày 10 tháng 10 năm 2026');
    expect(placeDateLine(' Cần Thơ ', '2026-12-01')).toBe('Cần Thơ, ngày 01 tháng 12 năm 2026');
    expect(() => placeDateLine('Tân Hội', '2026-02-30')).toThrow(RangeError);
  });

  it('names meetings by kind and month', () => {
    expect(meetingSubtitle('regular', '2026-02-05')).toBe('Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026');
    expect(meetingSubtitle('thematic', '2026-03-05')).toBe('Sinh hoạt chuyên đề tháng 3 năm 2026');
    expect(meetingSubtitle('model', '2026-11-04')).toBe('Sinh hoạt chi bộ mẫu tháng 11 năm 2026');
    expect(meetingSubtitle('cell_committee', '2026-01-01')).toBe('Họp chi ủy tháng 01 năm 2026');
    expect(meetingSubtitle('cell_committee', '2026-01-01', false, false)).toBe(
      'Họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ tháng 01 năm 2026',
    );
    expect(meetingSubtitle('extraordinary', '2026-07-20')).toBe(
      'Sinh hoạt chi bộ bất thường ngày 20 tháng 7 năm 2026',
    );
    expect(monthYearText('2026-12-31')).toBe('tháng 12 năm 2026');
  });
});

describe('dates and times inside the minutes', () => {
  it('writes dates dd/mm/yyyy, never ISO', () => {
    expect(shortDateText('2023-11-14')).toBe('14/11/2023');
    expect(shortDateText('2026-02-05')).toBe('05/02/2026');
    expect(() => shortDateText('2026-02-30')).toThrow(RangeError);
  });

  it('writes times "14 giờ 00 phút, ngày 04/11/2023" in Vietnam time, whatever the server’s zone', () => {
    expect(clockText(new Date('2023-11-04T07:00:00Z'))).toBe('14 giờ 00 phút, ngày 04/11/2023');
    // 23:30 UTC is 06:30 the next morning in Vietnam.
    expect(clockText(new Date('2023-11-03T23:30:00Z'))).toBe('06 giờ 30 phút, ngày 04/11/2023');
    expect(timeOfDayText(new Date('2023-11-04T17:05:00+07:00'))).toBe('17 giờ 05 phút');
    expect(timeOfDayText(new Date('2023-11-04T00:00:00+07:00'))).toBe('00 giờ 00 phút');
  });

  it('closes with one line: "cùng ngày", or the date when the meeting ran past midnight', () => {
    const start = new Date('2023-11-04T14:00:00+07:00');
    expect(closingLine(new Date('2023-11-04T16:30:00+07:00'), start)).toBe(
      'Buổi sinh hoạt kết thúc lúc 16 giờ 30 phút cùng ngày.',
    );
    expect(closingLine(new Date('2023-11-05T00:15:00+07:00'), new Date('2023-11-04T20:00:00+07:00'))).toBe(
      'Buổi sinh hoạt kết thúc lúc 00 giờ 15 phút, ngày 05/11/2023.',
    );
  });

  it('states the adoption of the minutes from its vote, or leaves blanks', () => {
    expect(minutesAdoptionText({ for: 16, voters: 16 })).toBe(
      'Biên bản đã được đọc lại trước chi bộ và được 16/16 đồng chí đảng viên chính thức dự họp tán thành thông qua.',
    );
    expect(minutesAdoptionText(null)).toBe(
      'Biên bản đã được đọc lại trước chi bộ và được …/… đồng chí đảng viên chính thức dự họp tán thành thông qua.',
    );
  });
});
