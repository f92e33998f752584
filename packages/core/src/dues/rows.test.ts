import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../meetings/default-rule-set.ts';
import { ruleSetContentSchema } from '../meetings/rule-sets.ts';
import { parseDuesBasisRow, parseDuesPaymentRow, parseVnd } from './rows.ts';
import { duesArrearsQuerySchema, duesLedgerQuerySchema, duesRulesSchema } from './schemas.ts';
import { DEFAULT_DUES_RULES, type DuesRules } from './types.ts';

const basisRow = (over: Record<string, string> = {}) => ({
  member_code: 'DV01',
  from_month: '2026-02',
  category: 'bhxh_salary',
  amount_vnd: '6.500.000',
  exemption: '',
  reduction_percent: '',
  reduction_until: '',
  ...over,
});
const errorsOf = (result: ReturnType<typeof parseDuesBasisRow> | ReturnType<typeof parseDuesPaymentRow>) =>
  result.ok ? [] : result.errors;

describe('dues-basis rows', () => {
  it('reads a row as typed in a spreadsheet', () => {
    expect(parseDuesBasisRow(basisRow({ category: ' BHXH_SALARY ' }))).toEqual({
      ok: true,
      value: {
        memberCode: 'DV01',
        from: '2026-02',
        category: 'bhxh_salary',
        amountVnd: 6_500_000,
        exemption: null,
        reductionPercent: 0,
        reductionUntil: null,
      },
    });
    const reduced = parseDuesBasisRow(basisRow({ reduction_percent: '50%', reduction_until: '2027-01' }));
    expect(reduced).toMatchObject({ ok: true, value: { reductionPercent: 50, reductionUntil: '2027-01' } });
    // A student pays a fixed amount: no basis amount needed; an exempt member needs none either.
    expect(parseDuesBasisRow(basisRow({ category: 'student', amount_vnd: '' })).ok).toBe(true);
    expect(parseDuesBasisRow(basisRow({ amount_vnd: '', exemption: 'Social_Pension' }))).toMatchObject({
      ok: true,
      value: { exemption: 'social_pension', amountVnd: 0 },
    });
    expect(parseDuesBasisRow(basisRow({ exemption: 'hardship', reduction_until: '2026-07' })).ok).toBe(true);
  });

  it('names the column in Vietnamese and English', () => {
    expect(
      errorsOf(parseDuesBasisRow(basisRow({ member_code: '', from_month: '02/2026', amount_vnd: '5,5' }))),
    ).toEqual([
      {
        field: 'member_code',
        message: { vi: 'Mã đảng viên: không được để trống', en: 'Member code: is required' },
      },
      {
        field: 'from_month',
        message: {
          vi: 'Áp dụng từ tháng: tháng theo dạng NNNN-TT, ví dụ 2026-02',
          en: 'From month: a month as YYYY-MM, e.g. 2026-02',
        },
      },
      {
        field: 'amount_vnd',
        message: {
          vi: 'Số tiền làm căn cứ (đồng): số nguyên đồng từ 0 đến 1.000.000.000',
          en: 'Basis amount (VND): whole VND from 0 to 1,000,000,000',
        },
      },
    ]);
  });

  it('refuses unknown categories, other percentages, long or lone reliefs, exemption with reduction', () => {
    const fields = (over: Record<string, string>, rules?: DuesRules) =>
      errorsOf(parseDuesBasisRow(basisRow(over), rules)).map((e) => [e.field, e.message.en]);
    expect(fields({ category: 'farmer' })).toEqual([
      ['category', `Dues category: one of: ${DEFAULT_DUES_RULES.categories.map((c) => c.id).join(', ')}`],
    ]);
    expect(fields({ reduction_percent: '40' })).toEqual([
      ['reduction_percent', 'Reduction (%): empty or one of: 30, 50, 70'],
    ]);
    expect(fields({ reduction_percent: '30', reduction_until: '2027-02' })).toEqual([
      ['reduction_until', 'Relief until: each relief lasts at most 12 months from the from month'],
    ]);
    expect(fields({ reduction_percent: '30', reduction_until: '2026-01' })).toEqual([
      ['reduction_until', 'Relief until: must not be before the from month'],
    ]);
    expect(fields({ reduction_until: '2026-05' })).toEqual([
      ['reduction_until', 'Relief until: only with a reduction or a hardship exemption'],
    ]);
    expect(fields({ exemption: 'hardship', reduction_percent: '50' })).toEqual([
      ['reduction_percent', 'Reduction (%): an exempt member has no reduction'],
    ]);
    expect(fields({ exemption: 'poor' })).toEqual([
      ['exemption', 'Exemption: empty or one of: social_pension, hardship'],
    ]);
    expect(fields({ amount_vnd: '' })).toEqual([['amount_vnd', 'Basis amount (VND): is required']]);
    expect(fields({ member_code: 'D'.repeat(200) })).toEqual([['member_code', 'Member code: is too long']]);
    expect(fields({ member_code: 'Đảng viên 1' })).toEqual([
      ['member_code', 'Member code: only unaccented letters, digits and . _ -'],
    ]);
    // An overseas category is a row of the rules: a rule set may add one.
    const withRow: DuesRules = {
      ...DEFAULT_DUES_RULES,
      categories: [
        ...DEFAULT_DUES_RULES.categories,
        {
          id: 'overseas_business',
          label: { vi: 'Doanh nhân', en: 'Business' },
          overseas: true,
          rate: { kind: 'fixed', amountVnd: 250_000 },
          source: 'x',
        },
      ],
    };
    expect(fields({ category: 'overseas_business' }, withRow)).toEqual([]);
  });
});

describe('dues (payment) rows', () => {
  const row = (over: Record<string, string> = {}) => ({
    member_code: 'DV01',
    month: '2026-03',
    paid_vnd: '65.000',
    paid_on: '12/03/2026',
    channel: 'Portal',
    ...over,
  });

  it('reads cash and portal payments, negative entries as corrections', () => {
    expect(parseDuesPaymentRow(row())).toEqual({
      ok: true,
      value: {
        memberCode: 'DV01',
        month: '2026-03',
        paidVnd: 65_000,
        paidOn: '2026-03-12',
        channel: 'portal',
      },
    });
    expect(parseDuesPaymentRow(row({ paid_vnd: '-27000', channel: 'cash' }))).toMatchObject({
      ok: true,
      value: { paidVnd: -27_000, channel: 'cash' },
    });
  });

  it('names each wrong column', () => {
    const errors = errorsOf(
      parseDuesPaymentRow(row({ paid_vnd: '0', paid_on: '31/02/2026', channel: 'bank', month: '' })),
    );
    expect(errors.map((e) => [e.field, e.message.vi])).toEqual([
      ['month', 'Đóng cho tháng: không được để trống'],
      [
        'paid_vnd',
        'Số tiền đã đóng (đồng): số nguyên đồng khác 0, tối đa 100.000.000 (số âm để điều chỉnh một khoản đã ghi)',
      ],
      ['paid_on', 'Ngày đóng: ngày theo dạng dd/mm/yyyy hoặc yyyy-mm-dd'],
      ['channel', 'Hình thức đóng: một trong: cash, portal'],
    ]);
  });

  it('reads VND with Vietnamese or English thousands separators only', () => {
    expect(['5000000', '5.000.000', '5,000,000', '5 000 000', '-27.000'].map(parseVnd)).toEqual([
      5_000_000, 5_000_000, 5_000_000, 5_000_000, -27_000,
    ]);
    expect(['5,5', '5.00', '', 'abc', '1e6', '5.000,50'].map(parseVnd)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('rules and API schemas', () => {
  it('validates the default rules, in a rule set too; refuses duplicates and shares outside their range', () => {
    expect(duesRulesSchema.parse(DEFAULT_DUES_RULES)).toEqual(DEFAULT_DUES_RULES);
    expect(ruleSetContentSchema.parse({ ...DEFAULT_RULE_SET, dues: DEFAULT_DUES_RULES }).dues).toEqual(
      DEFAULT_DUES_RULES,
    );
    const [first, ...rest] = DEFAULT_DUES_RULES.categories;
    const twice = { ...DEFAULT_DUES_RULES, categories: [first, first, ...rest] };
    expect(duesRulesSchema.safeParse(twice).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'categories.1.id',
    ]);
    const shares = DEFAULT_DUES_RULES.remittance.shares.map((s) =>
      s.level === 'cell' ? { ...s, keepPercent: 60 } : s,
    );
    const outside = { ...DEFAULT_DUES_RULES, remittance: { ...DEFAULT_DUES_RULES.remittance, shares } };
    expect(duesRulesSchema.safeParse(outside).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'remittance.shares.0.keepPercent',
    ]);
  });

  it('marks every value not read from the text', () => {
    const toVerify = DEFAULT_DUES_RULES.categories.filter((c) => c.verify).map((c) => c.id);
    expect(toVerify).toEqual(['other', 'overseas_salary', 'overseas_student', 'overseas_other']);
    expect(DEFAULT_DUES_RULES.rounding.verify).toBe(true);
    expect(DEFAULT_DUES_RULES.remittance.verify).toBe(true);
  });

  it('reads the ledger and arrears queries', () => {
    expect(duesLedgerQuerySchema.parse({ org: 'CB-01', month: '2026-03' })).toEqual({
      org: 'CB-01',
      month: '2026-03',
    });
    expect(
      duesLedgerQuerySchema.safeParse({ org: 'CB-01', month: '2026-13' }).error?.issues[0],
    ).toMatchObject({
      path: ['month'],
      message: 'month',
    });
    expect(duesArrearsQuerySchema.parse({ org: 'CB-01', year: '2026' })).toEqual({
      org: 'CB-01',
      year: 2026,
    });
    expect(duesArrearsQuerySchema.safeParse({ org: 'CB-01', year: '26x' }).success).toBe(false);
  });
});
