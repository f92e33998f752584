import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepPercentOf, type RemitNode, remit } from './remit.ts';
import { DEFAULT_DUES_RULES, REMIT_LEVELS } from './types.ts';

const shares = DEFAULT_DUES_RULES.remittance.shares;

describe('remittance (2010 shares as the default)', () => {
  it('splits a cell’s month up the chain: cell 30 %, grassroots 70 %, higher level 50 %', () => {
    const chain: RemitNode[] = [
      { code: 'CB-THUONG-HOI', level: 'cell' },
      { code: 'DBCS-TAN-HOI', level: 'grassroots_other' },
      { code: 'TU-HN', level: 'superior' },
    ];
    expect(remit(262_000, chain, shares)).toEqual({
      levels: [
        {
          code: 'CB-THUONG-HOI',
          level: 'cell',
          keepPercent: 30,
          receivedVnd: 262_000,
          keptVnd: 78_600,
          sentVnd: 183_400,
        },
        {
          code: 'DBCS-TAN-HOI',
          level: 'grassroots_other',
          keepPercent: 70,
          receivedVnd: 183_400,
          keptVnd: 128_380,
          sentVnd: 55_020,
        },
        {
          code: 'TU-HN',
          level: 'superior',
          keepPercent: 50,
          receivedVnd: 55_020,
          keptVnd: 27_510,
          sentVnd: 27_510,
        },
      ],
      sentBeyondVnd: 27_510,
    });
  });

  it('keeps the whole-VND part of a share and sends the remainder up', () => {
    const { levels, sentBeyondVnd } = remit(1_001, [{ code: 'A', level: 'grassroots_commune' }], shares);
    expect(levels[0]).toMatchObject({ keepPercent: 90, keptVnd: 900, sentVnd: 101 });
    expect(sentBeyondVnd).toBe(101);
  });

  it('lets a cell keep its own share within 30–50 %, no more, no less', () => {
    expect(keepPercentOf({ code: 'A', level: 'cell', keepPercent: 45 }, shares)).toBe(45);
    expect(keepPercentOf({ code: 'A', level: 'cell', keepPercent: 80 }, shares)).toBe(50);
    expect(keepPercentOf({ code: 'A', level: 'cell', keepPercent: 10 }, shares)).toBe(30);
    // A level with a single share takes it whatever the node says.
    expect(keepPercentOf({ code: 'B', level: 'superior', keepPercent: 90 }, shares)).toBe(50);
    expect(keepPercentOf({ code: 'C', level: 'superior' }, [])).toBe(0);
  });

  it('property: at every level kept + sent = received, and all that is kept plus what leaves equals the collected', () => {
    const node = fc.record({
      code: fc.string({ minLength: 1, maxLength: 6 }),
      level: fc.constantFrom(...REMIT_LEVELS),
      keepPercent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: -5_000_000, max: 100_000_000_000 }),
        fc.array(node, { maxLength: 6 }),
        (collected, chain) => {
          const { levels, sentBeyondVnd } = remit(collected, chain, shares);
          expect(levels).toHaveLength(chain.length);
          let received = collected;
          for (const line of levels) {
            expect(line.receivedVnd).toBe(received);
            expect(line.keptVnd + line.sentVnd).toBe(line.receivedVnd);
            expect(Number.isInteger(line.keptVnd) && Number.isInteger(line.sentVnd)).toBe(true);
            // Never more than the share: |kept| ≤ |received| × percent.
            expect(Math.abs(line.keptVnd) * 100).toBeLessThanOrEqual(
              Math.abs(line.receivedVnd) * line.keepPercent,
            );
            expect(Math.abs(line.keptVnd) * 100).toBeGreaterThan(
              Math.abs(line.receivedVnd) * line.keepPercent - 100,
            );
            received = line.sentVnd;
          }
          expect(sentBeyondVnd).toBe(received);
          expect(levels.reduce((s, l) => s + l.keptVnd, 0) + sentBeyondVnd).toBe(collected);
        },
      ),
    );
  });
});
