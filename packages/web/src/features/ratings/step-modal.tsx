import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../lib/use-action';
import {
  decideRating,
  levelOfScore,
  proposeRating,
  type RatingDto,
  type RatingLevel,
  type RatingPeriod,
  type RatingRules,
  type RatingSheet,
  type RatingSubject,
  ratingKeys,
  selfAssess,
} from './api';
import { levelOptions, RatingSteps } from './parts';
import { SheetFields, sheetTotal } from './sheet-fields';

interface StepForm {
  score?: number | null;
  sheet?: Partial<RatingSheet>;
  level: RatingLevel;
  text?: string;
}

const TITLES = {
  self: 'ratings.cell.selfTitle',
  propose: 'ratings.cell.proposeTitle',
  decide: 'ratings.decide.decideTitle',
} as const;

export interface StepTarget {
  subject: RatingSubject;
  code: string;
  name: string;
  rating: RatingDto | null;
}

/**
 * The self-assessment of an organisation by its leaders (Mẫu 01), the cell's proposal (made at its year-end meeting, `meetingId`) or the committee's decision on one subject
 * (QĐ 366-QĐ/TW; HD 43-HD/BTCTW): the level and score, the opinions or — when the decision differs from the
 * proposal — the reason; the points per group of the sheet, with the points the records suggest beside each
 * (issue 15 point 3). A refusal (the quota, a score outside the level) is shown in the dialog.
 */
export function StepModal({
  step,
  target,
  year,
  period,
  rules,
  meetingId,
  onClose,
}: {
  step: 'self' | 'propose' | 'decide';
  target: StepTarget;
  year: number;
  period: RatingPeriod;
  rules: RatingRules;
  meetingId?: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepForm>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const level = Form.useWatch('level', form);
  const proposed = target.rating?.proposal?.level ?? null;
  const prior = step === 'decide' ? (target.rating?.proposal ?? target.rating?.self) : target.rating?.self;
  const groups = rules.sheets[target.subject];
  /** The total and the level it gives follow the groups once every group has its points. */
  const sheetChanged = () => {
    const total = sheetTotal(groups, form.getFieldValue('sheet'));
    if (total === null) return;
    form.setFieldValue('score', total);
    form.setFieldValue('level', levelOfScore(total, rules.levels));
  };
  const action = useAction({
    form,
    mutationFn: (values: StepForm) => {
      // A sheet partly filled goes as it is: the server names the group missing.
      const given = Object.entries(values.sheet ?? {}).filter(([, v]) => typeof v === 'number');
      const base = {
        year,
        period,
        subject: target.subject,
        code: target.code,
        score: values.score ?? null,
        sheet: given.length > 0 ? (Object.fromEntries(given) as RatingSheet) : null,
        level: values.level,
      };
      const text = values.text?.trim() || null;
      if (step === 'self') return selfAssess({ ...base, text });
      return step === 'propose'
        ? proposeRating({ ...base, text, meetingId: meetingId ?? null })
        : decideRating({ ...base, reason: text });
    },
    success:
      step === 'decide'
        ? t('ratings.decide.saved')
        : t(step === 'self' ? 'ratings.self.saved' : 'ratings.cell.saved'),
    invalidate: [ratingKeys.all],
    onSuccess: onClose,
    onError: (error) => setRefusal(error instanceof Error ? error.message : null),
  });
  const keys = step === 'decide' ? 'decide' : 'cell';
  const needsReason = step === 'decide' && !!proposed && !!level && level !== proposed;
  return (
    <FormModal<StepForm>
      title={t(TITLES[step], { name: target.name })}
      form={form}
      onSubmit={(values) => {
        setRefusal(null);
        action.mutate(values);
      }}
      onClose={onClose}
      loading={action.isPending}
      testId={`${step}-form`}
      initialValues={{
        score: prior?.score ?? null,
        sheet: prior?.sheet ?? undefined,
        level: prior?.level ?? undefined,
      }}
    >
      {target.rating ? <RatingSteps rating={target.rating} /> : null}
      <SheetFields
        testId={step}
        subject={target.subject}
        code={target.code}
        year={year}
        period={period}
        groups={groups}
        onFill={(points) => {
          form.setFieldValue('sheet', { ...form.getFieldValue('sheet'), ...points });
          sheetChanged();
        }}
        onChange={sheetChanged}
      />
      <Form.Item name="score" label={t(`ratings.${keys}.score`)}>
        <InputNumber
          min={0}
          max={100}
          step={0.5}
          inputMode="decimal"
          style={{ width: '100%' }}
          data-testid={`${step}-score`}
          onChange={(value) => {
            if (typeof value !== 'number') return;
            form.setFieldValue('level', levelOfScore(value, rules.levels));
            // A total typed by hand that the groups (e.g. taken from the prior step) do not add up to: the
            // groups are cleared, to be given again or left empty (a total only), not sent to be refused.
            const sheet = form.getFieldValue('sheet') as Partial<RatingSheet> | undefined;
            const given = Object.values(sheet ?? {}).some((v) => typeof v === 'number');
            if (given && sheetTotal(groups, sheet) !== value) form.setFieldValue('sheet', {});
          }}
        />
      </Form.Item>
      <Form.Item
        name="level"
        label={t(`ratings.${keys}.level`)}
        rules={[
          { required: true, message: t('common.requiredSelect', { field: t(`ratings.${keys}.level`) }) },
        ]}
      >
        <Select options={levelOptions(rules)} data-testid={`${step}-level`} />
      </Form.Item>
      <Form.Item
        name="text"
        label={step === 'decide' ? t('ratings.decide.reason') : t('ratings.cell.text')}
        rules={
          needsReason ? [{ required: true, whitespace: true, message: t('ratings.decide.reasonNeeded') }] : []
        }
      >
        <Input.TextArea rows={3} maxLength={step === 'decide' ? 1000 : 4000} data-testid={`${step}-text`} />
      </Form.Item>
      {refusal ? <Alert type="error" showIcon title={refusal} data-testid={`${step}-refusal`} /> : null}
    </FormModal>
  );
}
