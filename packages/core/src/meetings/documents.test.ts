import { describe, expect, it } from 'vitest';
import { documentNumber, meetingSubtitle, monthYearText, placeDateLine } from './documents.ts';

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
    expect(meetingSubtitle('extraordinary', '2026-07-20')).toBe(
      'Sinh hoạt chi bộ bất thường ngày 20 tháng 7 năm 2026',
    );
    expect(monthYearText('2026-12-31')).toBe('tháng 12 năm 2026');
  });
});
