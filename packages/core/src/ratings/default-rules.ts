/**
 * The default rating rules (domain.md §8): QĐ 366-QĐ/TW of 30/8/2025 (the Politburo's rule on reviewing and
 * rating collectives and individuals, 4 chapters, 19 articles, replacing QĐ 124-QĐ/TW of 04/10/2023) with
 * the Central Organisation Commission's guidance HD 43-HD/BTCTW. The text of neither was at hand: each value
 * names where it was taken from, and those not checked against the text carry `verify: true`, so that a
 * committee confirms or replaces them in its own dated rule set. No imports beyond types: the web reads it.
 */
import type { Bilingual } from '../meetings/types.ts';
import type { RatingRules } from './types.ts';

const t = (vi: string, en: string): Bilingual => ({ vi, en });
const QD366 = 'QĐ 366-QĐ/TW (30/8/2025)';
const HD43 = 'HD 43-HD/BTCTW';

export const DEFAULT_RATING_RULES: RatingRules = {
  // QĐ 366-QĐ/TW art. 11 (as reported in the press on 20/9/2025: "tổng điểm đạt từ 90 điểm trở lên") and
  // domain.md §8: ≥ 90 excellent (with conditions), 70–< 90 good, 50–< 70 completed, < 50 not completed.
  levels: { excellent: 90, good: 70, completed: 50, source: `${QD366} art. 11` },
  // The 2023 rule (QĐ 124-QĐ/TW, domain.md §8): "xuất sắc" at most 20 % of those rated good or better, per
  // comparison group; kept by QĐ 366 according to the issue, not read in its text.
  excellentQuota: {
    percent: 20,
    groupBy: 'superior',
    source: `${QD366} art. 11; QĐ 124-QĐ/TW (04/10/2023)`,
    verify: true,
  },
  // domain.md §8: exempt and suspended members are not rated, nor members admitted less than 6 months before.
  notRated: {
    exempt: true,
    suspended: true,
    admittedWithinMonths: 6,
    source: `${HD43}; ${QD366}`,
    verify: true,
  },
  // QĐ 366-QĐ/TW: rated "theo nhiệm kỳ, hằng năm, hằng quý"; the fourth quarter is merged into the year.
  quarters: ['Q1', 'Q2', 'Q3'],
  deadlines: { yearBy: '01-31', quarterDaysAfter: 15, source: HD43, verify: true },
  sheets: {
    // The common framework of QĐ 366 art. 9–10 ("khung tiêu chí chung … thang điểm 100"): the groups and
    // their points below are a working split, to be read against Mẫu 01 of HD 43-HD/BTCTW.
    org: [
      {
        id: 'political_building',
        label: t(
          'Xây dựng Đảng về chính trị, tư tưởng, đạo đức',
          'Party building: politics, ideology, ethics',
        ),
        max: 20,
        source: `${QD366} art. 9; ${HD43} Mẫu 01`,
        verify: true,
      },
      {
        id: 'organisation_building',
        label: t('Xây dựng Đảng về tổ chức, cán bộ', 'Party building: organisation and cadres'),
        max: 20,
        source: `${QD366} art. 9; ${HD43} Mẫu 01`,
        verify: true,
      },
      {
        id: 'inspection',
        label: t('Kiểm tra, giám sát, kỷ luật đảng', 'Inspection, supervision and Party discipline'),
        max: 10,
        source: `${QD366} art. 9; ${HD43} Mẫu 01`,
        verify: true,
      },
      {
        id: 'tasks_results',
        label: t(
          'Kết quả lãnh đạo thực hiện nhiệm vụ chính trị được giao',
          'Results of leading the assigned political tasks',
        ),
        max: 50,
        source: `${QD366} art. 9; ${HD43} Mẫu 01`,
        verify: true,
      },
    ],
    member: [
      {
        id: 'politics_ethics',
        label: t(
          'Tư tưởng chính trị, đạo đức, lối sống, ý thức tổ chức kỷ luật',
          'Political thought, ethics, way of life, discipline',
        ),
        max: 30,
        source: `${QD366} art. 10; ${HD43} Mẫu 2A–2C`,
        verify: true,
      },
      {
        id: 'tasks_results',
        label: t(
          'Kết quả thực hiện chức trách, nhiệm vụ được giao',
          'Results of the duties and tasks assigned',
        ),
        max: 70,
        source: `${QD366} art. 10; ${HD43} Mẫu 2A–2C`,
        verify: true,
      },
    ],
  },
  disqualifiers: {
    org: [
      {
        id: 'disciplined',
        label: t(
          'Tổ chức đảng bị thi hành kỷ luật trong kỳ',
          'The organisation was disciplined in the period',
        ),
        source: `${QD366} art. 11`,
        verify: true,
      },
    ],
    member: [
      {
        id: 'degraded',
        label: t(
          'Bị kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống',
          'Found to have degraded in political thought, ethics or way of life',
        ),
        source: `${QD366} art. 11`,
        verify: true,
      },
      {
        id: 'disciplined',
        label: t('Bị thi hành kỷ luật trong kỳ đánh giá', 'Disciplined in the period rated'),
        source: `${QD366} art. 11`,
        verify: true,
      },
    ],
  },
};
