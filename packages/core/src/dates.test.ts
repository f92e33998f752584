import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, isoDateInVietnam, lastDayOfMonth, parseVietnameseDate } from './dates.ts';

describe('dates', () => {
  it('reads dd/mm/yyyy and ISO dates', () => {
    expect(parseVietnameseDate('05/02/2026')).toBe('2026-02-05');
    expect(parseVietnameseDate('5/2/2026')).toBe('2026-02-05');
    expect(parseVietnameseDate('05-02-2026')).toBe('2026-02-05');
    expect(parseVietnameseDate('2026-02-05')).toBe('2026-02-05');
  });

  it('refuses dates that do not exist', () => {
    expect(parseVietnameseDate('30/02/2026')).toBeNull();
    expect(parseVietnameseDate('29/02/2025')).toBeNull();
    expect(parseVietnameseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVietnameseDate('13/13/2020')).toBeNull();
    expect(parseVietnameseDate('hôm qua')).toBeNull();
  });

  it('uses the Vietnamese calendar day', () => {
    expect(isoDateInVietnam(new Date('2026-01-31T17:30:00Z'))).toBe('2026-02-01');
    expect(formatVietnameseDate('2026-02-05')).toBe('05/02/2026');
  });
});

describe('months', () => {
  it('knows the last day of a month, leap years included', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });
});
