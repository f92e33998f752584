/**
 * Party dues (đảng phí, domain.md §7): the rule data, a member's basis, payments and the API answers.
 * Plain data only (no zod), so that the web can import it without the validation library.
 *
 * Source: Quy định 01-QĐ/TW of 03/02/2026 on the dues regime (in force from 01/02/2026), replacing
 * Quyết định 342-QĐ/TW of 28/12/2010. Values not read from the regulation's text here carry `verify: true`:
 * check them against the text before relying on them, and correct them in the rule set (data, not code).
 */
import type { Bilingual } from '../meetings/types.ts';
import type { Month } from './months.ts';

/** The domestic categories of QĐ 01-QĐ/TW (import column `category`); overseas ones are rows of the rules. */
export const DOMESTIC_DUES_CATEGORIES = [
  'bhxh_salary',
  'bhxh_benefit',
  'pension',
  'student',
  'other',
] as const;
export type DomesticDuesCategory = (typeof DOMESTIC_DUES_CATEGORIES)[number];

/** Exemptions decided on a member's basis (import column `exemption`); 50 years of membership is computed. */
export const DUES_EXEMPTIONS = ['social_pension', 'hardship'] as const;
export type DuesExemption = (typeof DUES_EXEMPTIONS)[number];
/** Why a month is exempt: 50 years of membership (computed from the admission date), or the basis' exemption. */
export type DuesExemptReason = 'membership_years' | DuesExemption;

/** How a payment reached the cell: cash to the cell, or the National Public Service Portal. */
export const DUES_CHANNELS = ['cash', 'portal'] as const;
export type DuesChannel = (typeof DUES_CHANNELS)[number];

/** Where a value comes from; `verify: true` = not read from the regulation's text: check it before use. */
export interface DuesSourced {
  source: string;
  verify?: boolean;
}

/** A rate: a share of the basis amount (100 basis points = 1 %, with an optional floor) or a fixed amount. */
export type DuesRate =
  | { kind: 'percent'; basisPoints: number; minimumVnd?: number }
  | { kind: 'fixed'; amountVnd: number };

/** One category of members and its rate. Overseas categories are rows like the others (`overseas: true`). */
export interface DuesCategoryRule extends DuesSourced {
  /** Lower-case id as the import writes it: bhxh_salary, …, overseas_student. */
  id: string;
  label: Bilingual;
  overseas: boolean;
  rate: DuesRate;
}

export const DUES_ROUNDING_MODES = ['up', 'nearest', 'down'] as const;
export type DuesRoundingMode = (typeof DUES_ROUNDING_MODES)[number];

/** The monthly amount is rounded to a multiple of `unitVnd`; `nearest` rounds halves up. */
export interface DuesRounding extends DuesSourced {
  unitVnd: number;
  mode: DuesRoundingMode;
}

/** Exemption by length of membership: from `membershipYears` full years of Party age. */
export interface DuesMembershipExemption extends DuesSourced {
  membershipYears: number;
  /** The first exempt month: the month of the anniversary of admission, or the month after it. */
  firstMonth: 'anniversary_month' | 'next_month';
}

/** Hardship relief: reductions by these percentages; a reduction or a hardship exemption lasts ≤ maxMonths. */
export interface DuesReliefRules extends DuesSourced {
  reductionPercents: number[];
  maxMonths: number;
}

/**
 * The levels money passes through on its way up. A chi bộ cơ sở or đảng bộ cơ sở is `grassroots_*`;
 * which grassroots organisations count as "commune" ones is the caller's mapping (since 01/7/2025 the
 * commune committee sits under the province: enter the 2026 shares when they are issued).
 */
export const REMIT_LEVELS = [
  'cell',
  'sub_committee',
  'grassroots_commune',
  'grassroots_other',
  'superior',
] as const;
export type RemitLevel = (typeof REMIT_LEVELS)[number];

/** What a level keeps of the dues it receives (the rest goes up); `range` = what the level above may set. */
export interface RemitShare extends DuesSourced {
  level: RemitLevel;
  label: Bilingual;
  keepPercent: number;
  range?: { min: number; max: number };
}

/** Dues rules: kept in a dated rule set (`RuleSetContent.dues`), inherited down the tree. */
export interface DuesRules {
  regulation: { code: string; issued: string; effectiveFrom: Month; replaces: string };
  categories: DuesCategoryRule[];
  rounding: DuesRounding;
  exemption: DuesMembershipExemption;
  relief: DuesReliefRules;
  remittance: DuesRemittanceRules;
  arrears: DuesArrearsRules;
}

/** What each level keeps of the dues it receives. */
export interface DuesRemittanceRules extends DuesSourced {
  shares: RemitShare[];
}

/** Unpaid months in a calendar year (without a recorded reason) from which the cell is alerted. */
export interface DuesArrearsRules extends DuesSourced {
  alertUnpaidMonths: number;
}

const QD01 = 'QĐ 01-QĐ/TW (03/02/2026)';
const percent = (basisPoints: number, minimumVnd?: number): DuesRate =>
  minimumVnd === undefined ? { kind: 'percent', basisPoints } : { kind: 'percent', basisPoints, minimumVnd };
const fixed = (amountVnd: number): DuesRate => ({ kind: 'fixed', amountVnd });

/** The rules in force from 01/02/2026 (domain.md §7), with the 2010 remittance shares until the 2026 ones. */
export const DEFAULT_DUES_RULES: DuesRules = {
  regulation: { code: '01-QĐ/TW', issued: '2026-02-03', effectiveFrom: '2026-02', replaces: '342-QĐ/TW' },
  categories: [
    {
      id: 'bhxh_salary',
      label: {
        vi: 'Tham gia BHXH bắt buộc: 1% tiền lương làm căn cứ đóng BHXH tháng trước liền kề',
        en: 'Compulsory social insurance: 1 % of the previous month’s insured salary',
      },
      overseas: false,
      rate: percent(100),
      source: `${QD01}, rates for members in the country (the article number to be checked)`,
    },
    {
      id: 'bhxh_benefit',
      label: {
        vi: 'Nghỉ ốm đau, thai sản: 1% mức trợ cấp do cơ quan BHXH chi trả',
        en: 'On sickness or maternity leave: 1 % of the benefit paid by social insurance',
      },
      overseas: false,
      rate: percent(100),
      source: `${QD01}, rates for members in the country (the article number to be checked)`,
    },
    {
      id: 'pension',
      label: { vi: 'Hưởng lương hưu: 0,5% mức lương hưu', en: 'Pensioner: 0.5 % of the pension' },
      overseas: false,
      rate: percent(50),
      source: `${QD01}, rates for members in the country (the article number to be checked)`,
    },
    {
      id: 'student',
      label: { vi: 'Học sinh, sinh viên: 5.000 đồng/tháng', en: 'Pupil or student: 5,000 VND a month' },
      overseas: false,
      rate: fixed(5000),
      source: `${QD01}, rates for members in the country (the article number to be checked)`,
    },
    {
      id: 'other',
      label: { vi: 'Đảng viên khác: theo thu nhập kê khai', en: 'Other members: by declared income' },
      overseas: false,
      rate: percent(100, 5000),
      source: `${QD01}, other members in the country: rate and floor not read from the text`,
      verify: true,
    },
    {
      id: 'overseas_salary',
      label: { vi: 'Ở ngoài nước, hưởng lương: theo tiền lương', en: 'Abroad, salaried: by salary' },
      overseas: true,
      rate: percent(100),
      source: `${QD01}, members abroad (amount converted to VND): to be entered from the text`,
      verify: true,
    },
    {
      id: 'overseas_student',
      label: { vi: 'Ở ngoài nước, học sinh, sinh viên', en: 'Abroad, pupil or student' },
      overseas: true,
      rate: fixed(5000),
      source: `${QD01}, members abroad (amount converted to VND): to be entered from the text`,
      verify: true,
    },
    {
      id: 'overseas_other',
      label: { vi: 'Ở ngoài nước, đảng viên khác', en: 'Abroad, other members' },
      overseas: true,
      rate: percent(100, 5000),
      source: `${QD01}, members abroad (amount converted to VND): to be entered from the text`,
      verify: true,
    },
  ],
  rounding: {
    unitVnd: 1000,
    mode: 'nearest',
    source: `${QD01}: rounding of the monthly amount not read from the text`,
    verify: true,
  },
  exemption: {
    membershipYears: 50,
    firstMonth: 'anniversary_month',
    source: `${QD01}, exemptions: members with 50 full years of Party age (first exempt month to be checked)`,
    verify: true,
  },
  relief: {
    reductionPercents: [30, 50, 70],
    maxMonths: 12,
    source: `${QD01}, exemption and reduction for hardship: 30 / 50 / 70 %, each decision for at most 12 months`,
  },
  remittance: {
    source:
      'QĐ 342-QĐ/TW (28/12/2010), distribution of dues: the 2010 shares until the 2026 ones are entered',
    verify: true,
    shares: [
      {
        level: 'cell',
        label: { vi: 'Chi bộ trực thuộc đảng ủy cơ sở', en: 'Cell under a grassroots committee' },
        keepPercent: 30,
        range: { min: 30, max: 50 },
        source: 'QĐ 342-QĐ/TW (2010): cells under a grassroots committee keep 30–50 %',
      },
      {
        level: 'sub_committee',
        label: { vi: 'Đảng bộ bộ phận', en: 'Sub-committee' },
        keepPercent: 30,
        range: { min: 30, max: 50 },
        source: 'QĐ 342-QĐ/TW (2010): taken as for cells under a grassroots committee',
        verify: true,
      },
      {
        level: 'grassroots_commune',
        label: { vi: 'Tổ chức cơ sở đảng xã, phường, thị trấn', en: 'Commune grassroots organisation' },
        keepPercent: 90,
        source: 'QĐ 342-QĐ/TW (2010): commune grassroots organisations keep 90 %',
      },
      {
        level: 'grassroots_other',
        label: { vi: 'Tổ chức cơ sở đảng khác', en: 'Other grassroots organisation' },
        keepPercent: 70,
        source: 'QĐ 342-QĐ/TW (2010): other grassroots organisations keep 70 %',
      },
      {
        level: 'superior',
        label: { vi: 'Cấp ủy cấp trên cơ sở', en: 'Higher committee' },
        keepPercent: 50,
        source: 'QĐ 342-QĐ/TW (2010): higher levels keep 50 %',
      },
    ],
  },
  arrears: {
    alertUnpaidMonths: 3,
    source: `${QD01}, Điều 2 khoản 1: three unpaid months in a year without a valid reason → the cell proposes removal`,
  },
};

/** The limits of dues inputs, stated once for the schemas and the forms. */
export const DUES_LIMITS = {
  /** The largest basis amount (VND a month): keeps the arithmetic exact (amount × basis points × 100 < 2^53). */
  amountVnd: 1_000_000_000,
  /** The largest payment entry (VND), either sign (a negative entry corrects an earlier one). */
  paidVnd: 100_000_000,
  basisPoints: 10_000,
  reason: 500,
  /** Entries of one batch (a meeting's dues item records the whole cell's at once). */
  paymentsPerBatch: 500,
} as const;

/**
 * A member's basis from a month on (import `dues-basis`): the latest at or before a month applies; an entry
 * with the same `from` as an earlier one corrects it (nothing is deleted).
 */
export interface DuesBasis {
  from: Month;
  category: string;
  /**
   * VND a month the rate applies to: for `bhxh_salary` the insured salary of the month before the dues
   * month (QĐ 01-QĐ/TW: "của tháng trước liền kề"), the benefit, the pension, the declared income; ignored by
   * fixed rates.
   */
  amountVnd: number;
  exemption: DuesExemption | null;
  /** 0 = none, else one of `relief.reductionPercents`. */
  reductionPercent: number;
  /** The last month of the reduction or of a hardship exemption; null = `relief.maxMonths` from `from`. */
  reductionUntil: Month | null;
}

/** What `dueFor` needs of a member: the admission date (Party age) and the basis history. */
export interface MemberDuesBasis {
  /** ISO date of admission: Party age counts from it (domain.md §2). */
  admissionDate: string;
  bases: DuesBasis[];
}

/** The amount a member owes for one month and why. */
export interface DuesDue {
  dueVnd: number;
  exempt: boolean;
  exemptReason: DuesExemptReason | null;
  reductionPercent: number;
  /** The category applied; null without a basis. */
  category: string | null;
  /** The `from` of the basis applied; null without one. */
  basisFrom: Month | null;
  /** `no_basis`: nothing declared yet; `unknown_category`: the rules have no such category (due 0, to fix). */
  problem: 'no_basis' | 'unknown_category' | null;
}

/** One payment entry (import `dues`, or cash recorded at the meeting): for a month, paid on a date. */
export interface DuesPayment {
  memberCode: string;
  /** The month paid for (early or late payment: a month other than that of `paidOn`). */
  month: Month;
  /** VND; above the due = voluntary extra; negative = a correction of an earlier entry. */
  paidVnd: number;
  paidOn: string;
  channel: DuesChannel;
}

/** `GET /api/dues/ledger?org=CODE&month=YYYY-MM`: one row per member. */
export interface DuesLedgerRowDto {
  memberCode: string;
  dueVnd: number;
  paidVnd: number;
  exempt: boolean;
  reductionPercent: number;
}
export interface DuesLedgerDto {
  rows: DuesLedgerRowDto[];
  totals: { dueVnd: number; paidVnd: number };
}

/** `GET /api/dues/arrears?org=CODE&year=YYYY`: members with unpaid months, months ascending. */
export interface DuesArrearsRowDto {
  memberCode: string;
  unpaidMonths: Month[];
}
export interface DuesArrearsDto {
  rows: DuesArrearsRowDto[];
}

/**
 * The agenda item at which dues are collected ("Thu đảng phí" of the default agendas, "thu nộp đảng phí" of
 * seed 002): every item whose title names đảng phí. Read by the meeting's dues card and the minutes' line.
 */
export const isDuesItem = (title: string) => title.toLocaleLowerCase('vi').includes('đảng phí');

/** The title of the item the minutes add when a meeting collected dues without such an item on its agenda. */
export const DUES_ITEM_TITLE = 'Thu đảng phí';
