import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import {
  cellCommitteeAdvised,
  hasCellCommittee,
  PREPARATION_LABELS,
  preparationFrom,
  preparationTitle,
} from './preparation.ts';

describe('hasCellCommittee', () => {
  it('comes from who was elected: a chi ủy viên makes a committee, a bí thư and phó bí thư alone do not', () => {
    expect(hasCellCommittee(['secretary', 'deputy_secretary', 'committee_member', 'member'])).toBe(true);
    expect(hasCellCommittee(['secretary', 'deputy_secretary', 'member', 'member'])).toBe(false);
    expect(hasCellCommittee(['secretary'])).toBe(false);
    expect(hasCellCommittee([])).toBe(false);
    expect(hasCellCommittee(new Set(['member', 'committee_member']))).toBe(true);
  });
});

describe('cellCommitteeAdvised', () => {
  it('advises a cell of 9 or more official members without a chi ủy to elect one, and nobody else', () => {
    expect(cellCommitteeAdvised(9, false, DEFAULT_RULE_SET)).toBe(true);
    expect(cellCommitteeAdvised(8, false, DEFAULT_RULE_SET)).toBe(false);
    expect(cellCommitteeAdvised(20, true, DEFAULT_RULE_SET)).toBe(false);
    expect(cellCommitteeAdvised(5, false, { cellCommitteeFrom: 5 })).toBe(true);
  });
});

describe('the preparation meeting', () => {
  it('is titled as the bí thư and phó bí thư’s where the cell has no chi ủy', () => {
    expect(preparationTitle(false)).toBe('Họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ');
    expect(preparationTitle(true)).toBeNull();
    expect(PREPARATION_LABELS.secretaries.vi).toBe(preparationTitle(false));
  });

  it('counts in the two weeks up to the meeting', () => {
    expect(preparationFrom('2026-03-03')).toBe('2026-02-17');
  });
});
