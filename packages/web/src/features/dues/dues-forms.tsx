import { DUES_LIMITS } from '@nennep/core/dues/types';
import { Alert, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { DEFAULT_DUES_RULES, type DuesReliefKind, duesCommands, duesKeys, RELIEF_KINDS } from './api';

/** Whom a dialog is about, and the month it opened on. */
export interface DuesTarget {
  memberCode: string;
  fullName: string;
  month: string;
  dueVnd: number;
}

const monthValue = (month: string) => dayjs(`${month}-01`);
const monthOf = (value: Dayjs) => value.format('YYYY-MM');

interface PayValues {
  paidVnd: number;
  paidOn?: Dayjs | null;
  note?: string;
}

/**
 * A cash payment to the cell (QĐ 01-QĐ/TW: paid monthly in cash to the cell or through the portal): the
 * amount defaults to the due; the day left empty is today by the server's clock.
 */
export function PayModal({ target, onClose }: { target: DuesTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<PayValues>();
  const pay = useAction({
    mutationFn: (v: PayValues) =>
      duesCommands.payments({
        paidOn: toIsoDay(v.paidOn),
        entries: [
          {
            memberCode: target.memberCode,
            month: target.month,
            paidVnd: v.paidVnd,
            note: v.note?.trim() || undefined,
          },
        ],
      }),
    form,
    success: t('dues.pay.saved'),
    invalidate: [duesKeys.all],
    onSuccess: onClose,
  });
  const amount = t('dues.pay.amount');
  return (
    <FormModal<PayValues>
      title={t('dues.pay.title', { name: target.fullName })}
      form={form}
      onSubmit={(v) => pay.mutate(v)}
      onClose={onClose}
      loading={pay.isPending}
      initialValues={{ paidVnd: target.dueVnd || undefined }}
      testId="dues-pay"
    >
      <Form.Item
        name="paidVnd"
        label={amount}
        extra={t('dues.pay.amountHint')}
        rules={[rules.required(amount)]}
      >
        <InputNumber size="large" step={1000} style={{ width: '100%' }} data-testid="dues-pay-amount" />
      </Form.Item>
      <Form.Item name="paidOn" label={t('dues.pay.paidOn')} extra={t('dues.pay.paidOnHint')}>
        <DatePicker format={DATE_FORMAT} size="large" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('dues.pay.note')}>
        <Input maxLength={DUES_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}

interface BasisValues {
  category: string;
  amountVnd?: number | null;
  fromMonth: Dayjs;
  note?: string;
}

/** A member's basis from a month (category and amount), entered by the cell's secretary (QĐ 01-QĐ/TW). */
export function BasisModal({ target, onClose }: { target: DuesTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const lang = currentLang();
  const [form] = Form.useForm<BasisValues>();
  const save = useAction({
    mutationFn: (v: BasisValues) =>
      duesCommands.basis({
        memberCode: target.memberCode,
        fromMonth: monthOf(v.fromMonth),
        category: v.category,
        amountVnd: v.amountVnd ?? undefined,
        note: v.note?.trim() || undefined,
      }),
    form,
    success: t('dues.basis.saved'),
    invalidate: [duesKeys.all],
    onSuccess: onClose,
  });
  const category = t('dues.basis.category');
  const options = DEFAULT_DUES_RULES.categories.map((c) => ({
    value: c.id,
    label: `${c.label[lang]}${c.verify ? ' *' : ''}`,
  }));
  return (
    <FormModal<BasisValues>
      title={t('dues.basis.title', { name: target.fullName })}
      form={form}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
      loading={save.isPending}
      initialValues={{ category: 'bhxh_salary', fromMonth: monthValue(target.month) }}
      testId="dues-basis"
    >
      <Alert type="info" showIcon title={t('dues.basis.verify')} style={{ marginBottom: 12 }} />
      <Form.Item name="category" label={category} rules={[rules.requiredSelect(category)]}>
        <Select size="large" options={options} data-testid="dues-basis-category" />
      </Form.Item>
      <Form.Item name="amountVnd" label={t('dues.basis.amount')} extra={t('dues.basis.amountHint')}>
        <InputNumber
          size="large"
          min={0}
          step={100_000}
          style={{ width: '100%' }}
          data-testid="dues-basis-amount"
        />
      </Form.Item>
      <Form.Item name="fromMonth" label={t('dues.basis.fromMonth')}>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          size="large"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="note" label={t('dues.basis.note')}>
        <Input maxLength={DUES_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}

interface ReliefValues {
  reliefKind: DuesReliefKind;
  percent?: number;
  fromMonth: Dayjs;
  untilMonth?: Dayjs | null;
  reason: string;
}

/**
 * An exemption or a reduction of 30/50/70 % decided by the cell, or its end (QĐ 01-QĐ/TW: hardship relief
 * for at most 12 months; the server checks the percentages and the months).
 */
export function ReliefModal({ target, onClose }: { target: DuesTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<ReliefValues>();
  const kind = Form.useWatch('reliefKind', form);
  const save = useAction({
    mutationFn: (v: ReliefValues) =>
      duesCommands.relief({
        memberCode: target.memberCode,
        reliefKind: v.reliefKind,
        percent: v.reliefKind === 'reduction' ? v.percent : undefined,
        fromMonth: monthOf(v.fromMonth),
        untilMonth: v.untilMonth ? monthOf(v.untilMonth) : undefined,
        reason: v.reason.trim(),
      }),
    form,
    success: t('dues.relief.saved'),
    invalidate: [duesKeys.all],
    onSuccess: onClose,
  });
  const reason = t('dues.relief.reason');
  return (
    <FormModal<ReliefValues>
      title={t('dues.relief.title', { name: target.fullName })}
      form={form}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
      loading={save.isPending}
      initialValues={{ reliefKind: 'reduction', percent: 50, fromMonth: monthValue(target.month) }}
      testId="dues-relief"
    >
      <Form.Item name="reliefKind" label={t('dues.relief.kind')}>
        <Select
          size="large"
          options={RELIEF_KINDS.map((k) => ({ value: k, label: t(`dues.relief.kinds.${k}`) }))}
        />
      </Form.Item>
      {kind === 'reduction' ? (
        <Form.Item name="percent" label={t('dues.relief.percent')}>
          <Select
            size="large"
            options={DEFAULT_DUES_RULES.relief.reductionPercents.map((p) => ({ value: p, label: `${p}%` }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="fromMonth" label={t('dues.relief.fromMonth')}>
        <DatePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          size="large"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="untilMonth" label={t('dues.relief.untilMonth')} extra={t('dues.relief.untilHint')}>
        <DatePicker picker="month" format="MM/YYYY" size="large" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="reason" label={reason} rules={[rules.required(reason)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={DUES_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}

/** Why a member did not pay for a month: such a month does not count toward removal (QĐ 01-QĐ/TW, Điều 2). */
export function ReasonModal({ target, onClose }: { target: DuesTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useAction({
    mutationFn: (v: { reason: string }) =>
      duesCommands.reason({ memberCode: target.memberCode, month: target.month, reason: v.reason.trim() }),
    form,
    success: t('dues.arrears.saved'),
    invalidate: [duesKeys.all],
    onSuccess: onClose,
  });
  const reason = t('dues.arrears.reasonText');
  return (
    <FormModal<{ reason: string }>
      title={`${t('dues.arrears.reasonTitle', { name: target.fullName })} (${target.month.slice(5)}/${target.month.slice(0, 4)})`}
      form={form}
      onSubmit={(v) => save.mutate(v)}
      onClose={onClose}
      loading={save.isPending}
      testId="dues-reason"
    >
      <Form.Item name="reason" label={reason} rules={[rules.required(reason)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={DUES_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}
