import { FOUR_GOOD_LIMITS } from '@nennep/core/four-good/types';
import { RATING_LEVEL_LABELS } from '@nennep/core/ratings/types';
import { Button, Card, Flex, Form, Input, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { ItemList } from '../../components/item-list';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { RatingLevelTag } from '../ratings/parts';
import {
  assessFourGood,
  type FourGoodCellDto,
  type FourGoodFinalResult,
  fourGoodKeys,
  recordFourGoodResult,
  withdrawFourGood,
} from './api';
import { FourGoodResultTag, FourGoodStatusTag } from './parts';

type Criterion = FourGoodCellDto['criteria'][number];

/** A measure's figures in words; a level given as a code shows its label, a missing value "none yet". */
function MeasureText({ measure }: { measure: NonNullable<Criterion['measure']> }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(measure.values)) {
    if (value === null) values[key] = t('fourGood.none');
    else if (typeof value === 'string' && value in RATING_LEVEL_LABELS)
      values[key] = RATING_LEVEL_LABELS[value as keyof typeof RATING_LEVEL_LABELS][lang];
    else values[key] = value;
  }
  return <Typography.Text type="secondary">{t(`fourGood.measure.${measure.kind}`, values)}</Typography.Text>;
}

function CriterionRow({ item, c }: { item: FourGoodCellDto; c: Criterion }) {
  const { t } = useTranslation();
  const assess = useAction({
    mutationFn: (met: boolean) =>
      assessFourGood({ org: item.org.code, year: item.year, criterion: c.id, met }),
    success: t('fourGood.assessed'),
    invalidate: [fourGoodKeys.all],
  });
  return (
    <List.Item data-testid="four-good-criterion" data-id={c.id}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong>{c.label[currentLang()]}</Typography.Text>
          <FourGoodStatusTag status={c.status} testId="four-good-criterion-status" />
        </Flex>
        {c.measure ? <MeasureText measure={c.measure} /> : null}
        {c.manual ? (
          <Flex wrap gap={8} align="center">
            <Typography.Text type="secondary">
              {c.assessment
                ? t('fourGood.assessedBy', {
                    name: c.assessment.byName ?? '',
                    status: t(`fourGood.status.${c.assessment.met ? 'met' : 'not_met'}`),
                  })
                : t('fourGood.manual')}
            </Typography.Text>
            {item.abilities.assess ? (
              <>
                <Button
                  size="small"
                  loading={assess.isPending}
                  onClick={() => assess.mutate(true)}
                  data-testid="four-good-assess-met"
                >
                  {t('fourGood.assessMet')}
                </Button>
                <Button size="small" danger loading={assess.isPending} onClick={() => assess.mutate(false)}>
                  {t('fourGood.assessNotMet')}
                </Button>
              </>
            ) : null}
          </Flex>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('fourGood.source', { source: c.source })}
          {c.verify ? ` (${t('fourGood.verify')})` : ''}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

interface ResultForm {
  result: FourGoodFinalResult;
  reason?: string;
}

function ResultModal({ item, onClose }: { item: FourGoodCellDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResultForm>();
  const action = useAction({
    form,
    mutationFn: (v: ResultForm) =>
      recordFourGoodResult({
        org: item.org.code,
        year: item.year,
        result: v.result,
        reason: v.reason?.trim() || undefined,
      }),
    success: t('fourGood.resultSaved'),
    invalidate: [fourGoodKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<ResultForm>
      title={t('fourGood.resultTitle', { year: item.year })}
      form={form}
      onSubmit={(v) => action.mutate(v)}
      onClose={onClose}
      loading={action.isPending}
      testId="four-good-result-form"
      initialValues={{ result: item.computed === 'not_achieved' ? 'not_achieved' : 'achieved' }}
    >
      <Form.Item label={t('fourGood.computed')}>
        <FourGoodResultTag result={item.computed} />
      </Form.Item>
      <Form.Item name="result" label={t('fourGood.resultLabel')} rules={[{ required: true }]}>
        <Select
          options={(['achieved', 'not_achieved'] as const).map((r) => ({
            value: r,
            label: t(`fourGood.result.${r}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('fourGood.reason')}>
        <Input.TextArea rows={3} maxLength={FOUR_GOOD_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}

function WithdrawModal({ item, onClose }: { item: FourGoodCellDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const action = useAction({
    form,
    mutationFn: (v: { reason: string }) =>
      withdrawFourGood({ org: item.org.code, year: item.year, reason: v.reason }),
    success: t('fourGood.withdrawnDone'),
    invalidate: [fourGoodKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<{ reason: string }>
      title={t('fourGood.withdraw')}
      form={form}
      onSubmit={(v) => action.mutate(v)}
      onClose={onClose}
      loading={action.isPending}
      danger
    >
      <Form.Item
        name="reason"
        label={t('fourGood.withdrawReason')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={3} maxLength={FOUR_GOOD_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}

/** One cell's year: each criterion with its progress and status, the rating beside the result (phone first). */
export function FourGoodCellCard({ item }: { item: FourGoodCellDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'result' | 'withdraw' | null>(null);
  const met = item.criteria.filter((c) => c.status === 'met').length;
  return (
    <Card
      size="small"
      data-testid="four-good-cell"
      data-code={item.org.code}
      title={item.org.name}
      extra={<FourGoodResultTag result={item.result} testId="four-good-result" />}
    >
      <Flex vertical gap={8}>
        <Flex wrap gap={8} align="center">
          <Typography.Text type="secondary">{t('fourGood.rating')}:</Typography.Text>
          <RatingLevelTag level={item.rating} testId="four-good-rating" />
          <Typography.Text type="secondary">
            {t('fourGood.progress', { met, total: item.criteria.length })}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary">
          {item.status === 'withdrawn'
            ? t('fourGood.withdrawn', { reason: item.withdrawnReason ?? '' })
            : t('fourGood.registeredBy', {
                date: formatDate(item.registeredAt),
                name: item.registeredByName ?? '',
              })}
        </Typography.Text>
        {item.note ? <Typography.Paragraph style={{ margin: 0 }}>{item.note}</Typography.Paragraph> : null}
        <ItemList size="small" header={t('fourGood.criteria')}>
          {item.criteria.map((c) => (
            <CriterionRow key={c.id} item={item} c={c} />
          ))}
        </ItemList>
        {item.final ? (
          <Flex vertical gap={2} data-testid="four-good-final">
            <Flex gap={8} align="center">
              <Typography.Text strong>{t('fourGood.final')}:</Typography.Text>
              <FourGoodResultTag result={item.final.result} />
            </Flex>
            <Typography.Text type="secondary">
              {t('fourGood.computed')}: {t(`fourGood.result.${item.final.computed}`)} —{' '}
              {t('fourGood.finalBy', { name: item.final.byName ?? '', date: formatDate(item.final.at) })}
            </Typography.Text>
            {item.final.reason ? (
              <Typography.Text>{t('fourGood.finalReason', { reason: item.final.reason })}</Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        {item.abilities.decide ? (
          <Flex wrap gap={8}>
            <Button type="primary" onClick={() => setOpen('result')} data-testid="four-good-record-result">
              {t('fourGood.recordResult')}
            </Button>
            {item.abilities.withdraw ? (
              <Button danger onClick={() => setOpen('withdraw')}>
                {t('fourGood.withdraw')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
      </Flex>
      {open === 'result' ? <ResultModal item={item} onClose={() => setOpen(null)} /> : null}
      {open === 'withdraw' ? <WithdrawModal item={item} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
