/**
 * The default criteria of "Chi bộ bốn tốt" (domain.md §8): political tasks, meeting quality, unity and
 * discipline, good members. No national text fixes them: they follow HD 12-HD/BTCTW (06/7/2018) on the
 * quality of cell meetings, the rating of QĐ 366-QĐ/TW (30/8/2025) and local practice, so every target carries
 * `verify: true` for a committee to confirm or replace in its own dated rule set. No imports beyond types.
 */
import type { Bilingual } from '../meetings/types.ts';
import type { FourGoodRules } from './types.ts';

const t = (vi: string, en: string): Bilingual => ({ vi, en });
const LOCAL = 'local practice ("chi bộ bốn tốt")';

export const DEFAULT_FOUR_GOOD_RULES: FourGoodRules = {
  source: LOCAL,
  verify: true,
  criteria: [
    {
      // The cell's leadership of its political tasks shows in its annual rating (QĐ 366-QĐ/TW art. 11):
      // "hoàn thành tốt nhiệm vụ" or better, confirmed by the committee.
      id: 'political_tasks',
      label: t('Lãnh đạo thực hiện tốt nhiệm vụ chính trị', 'Leads its political tasks well'),
      measure: { kind: 'cell_rating', minLevel: 'good' },
      manual: true,
      source: `QĐ 366-QĐ/TW (30/8/2025) art. 11; ${LOCAL}`,
      verify: true,
    },
    {
      // HD 12-HD/BTCTW (06/7/2018) point 1: a regular meeting every month; point 2: its quality. Target: 12 of
      // 12 held, at least 70 % of those rated "tốt", none "kém".
      id: 'meeting_quality',
      label: t('Sinh hoạt chi bộ nền nếp, có chất lượng', 'Regular meetings held, of good quality'),
      measure: { kind: 'meetings', minHeld: 12, minGoodPercent: 70, allowPoor: false },
      manual: false,
      source: `HD 12-HD/BTCTW (06/7/2018) points 1–2; ${LOCAL}`,
      verify: true,
    },
    {
      // Unity and discipline: no member expelled in the year (QĐ 69-QĐ/TW on Party discipline), and the
      // committee confirms the cell's unity.
      id: 'unity_discipline',
      label: t('Đoàn kết, giữ nghiêm kỷ luật', 'United, keeps discipline'),
      measure: { kind: 'no_expelled' },
      manual: true,
      source: `QĐ 69-QĐ/TW (06/7/2022); ${LOCAL}`,
      verify: true,
    },
    {
      // Good members: at least 80 % of the members rated "hoàn thành tốt nhiệm vụ" or better, none "không
      // hoàn thành" (QĐ 366-QĐ/TW art. 11 levels).
      id: 'good_members',
      label: t('Đảng viên hoàn thành tốt nhiệm vụ', 'Members complete their tasks well'),
      measure: { kind: 'members_rating', minGoodPercent: 80, maxFailed: 0 },
      manual: false,
      source: `QĐ 366-QĐ/TW (30/8/2025) art. 11; ${LOCAL}`,
      verify: true,
    },
  ],
};
