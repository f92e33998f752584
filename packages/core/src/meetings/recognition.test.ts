import { describe, expect, it } from 'vitest';
import { probationEndsOn, recognitionTiming } from './recognition.ts';

describe('probationEndsOn', () => {
  it('ends twelve months after admission, on the last day of February for an admission on the 29th', () => {
    expect(probationEndsOn('2025-12-20')).toBe('2026-12-20');
    expect(probationEndsOn('2024-02-29')).toBe('2025-02-28');
    expect(() => probationEndsOn('2025-02-30')).toThrow(RangeError);
  });
});

describe('recognitionTiming', () => {
  it('is early before the twelve months end, and due from that day on', () => {
    expect(recognitionTiming('2025-12-20', '2026-12-05')).toEqual({
      admissionDate: '2025-12-20',
      probationEnds: '2026-12-20',
      early: true,
    });
    expect(recognitionTiming('2025-12-20', '2026-12-20').early).toBe(false);
    expect(recognitionTiming('2025-12-20', '2027-01-04').early).toBe(false);
  });
});
