import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathsUp, ratePercent, remitLevelOf, rollUpRemittance } from './remittance.ts';
import { DEFAULT_DUES_RULES, type RemitLevel } from './types.ts';

const shares = DEFAULT_DUES_RULES.remittance.shares;
/** Province /1/, commune /1/2/ with cells /1/2/3/ and /1/2/4/, an agency committee /1/5/ with cell /1/5/6/. */
const LEVELS: Record<string, RemitLevel> = {
  '/1/': 'superior',
  '/1/2/': 'grassroots_commune',
  '/1/2/3/': 'cell',
  '/1/2/4/': 'cell',
  '/1/5/': 'grassroots_other',
  '/1/5/6/': 'cell',
};
const CELLS = ['/1/2/3/', '/1/2/4/', '/1/5/6/'];
const roll = (cellMonths: Parameters<typeof rollUpRemittance>[0]) =>
  rollUpRemittance(
    cellMonths,
    (path) => LEVELS[path] ?? null,
    () => shares,
  );

describe('remittance rolled up the tree (QĐ 342-QĐ/TW (2010) shares)', () => {
  it('maps the tree’s kinds to remittance levels', () => {
    expect(remitLevelOf({ kind: 'cell', name: 'Chi bộ thôn Thượng Hội' })).toBe('cell');
    expect(remitLevelOf({ kind: 'grassroots_committee', name: 'Đảng bộ xã Tân Hội' })).toBe(
      'grassroots_commune',
    );
    expect(remitLevelOf({ kind: 'grassroots_committee', name: 'Đảng bộ phường Ninh Kiều' })).toBe(
      'grassroots_commune',
    );
    expect(remitLevelOf({ kind: 'grassroots_committee', name: 'Đảng bộ Công ty Điện lực' })).toBe(
      'grassroots_other',
    );
    expect(remitLevelOf({ kind: 'committee', name: 'Đảng bộ tỉnh Thử' })).toBe('superior');
    expect(remitLevelOf({ kind: 'party_group', name: 'Tổ đảng 1' })).toBeNull();
    expect(pathsUp('/1/2/3/')).toEqual(['/1/2/3/', '/1/2/', '/1/']);
    expect(ratePercent(192_000, 262_000)).toBe(73.3);
    expect(ratePercent(0, 0)).toBeNull();
  });

  it('a commune = the sum of its cells; kept + sent = collected at every node and month', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            path: fc.constantFrom(...CELLS),
            month: fc.constantFrom('2026-02', '2026-03'),
            expectedVnd: fc.integer({ min: 0, max: 5_000_000 }),
            collectedVnd: fc.integer({ min: -100_000, max: 5_000_000 }),
          }),
          { maxLength: 12 },
        ),
        (cellMonths) => {
          const { byNode, byNodeMonth } = roll(cellMonths);
          for (const f of [...byNode.values(), ...byNodeMonth.values()])
            expect(f.keptVnd + f.sentVnd).toBe(f.collectedVnd);
          const of = (path: string) =>
            byNode.get(path) ?? { collectedVnd: 0, expectedVnd: 0, keptVnd: 0, sentVnd: 0, ownKeptVnd: 0 };
          const commune = of('/1/2/');
          expect(commune.collectedVnd).toBe(of('/1/2/3/').collectedVnd + of('/1/2/4/').collectedVnd);
          expect(commune.expectedVnd).toBe(of('/1/2/3/').expectedVnd + of('/1/2/4/').expectedVnd);
          expect(commune.keptVnd).toBe(of('/1/2/3/').keptVnd + of('/1/2/4/').keptVnd + commune.ownKeptVnd);
          const province = of('/1/');
          const total = cellMonths.reduce((s, c) => s + c.collectedVnd, 0);
          expect(province.collectedVnd).toBe(total);
          // Everything collected is kept by some level or leaves the top.
          const kept = Object.keys(LEVELS).reduce((s, p) => s + of(p).ownKeptVnd, 0);
          expect(kept + province.sentVnd).toBe(total);
        },
      ),
    );
  });

  it('splits a commune cell’s month: 30 % at the cell, 90 % of the rest at the commune, half above', () => {
    const { byNode } = roll([
      { path: '/1/2/3/', month: '2026-03', expectedVnd: 262_000, collectedVnd: 192_000 },
    ]);
    expect(byNode.get('/1/2/3/')).toEqual({
      expectedVnd: 262_000,
      collectedVnd: 192_000,
      keptVnd: 57_600,
      ownKeptVnd: 57_600,
      sentVnd: 134_400,
    });
    expect(byNode.get('/1/2/')).toMatchObject({ ownKeptVnd: 120_960, keptVnd: 178_560, sentVnd: 13_440 });
    expect(byNode.get('/1/')).toMatchObject({ ownKeptVnd: 6_720, sentVnd: 6_720 });
  });
});
