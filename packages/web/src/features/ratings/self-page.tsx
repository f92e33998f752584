import { RATING_LIMITS } from '@nennep/core/ratings/types';
import { Alert, Button, Card, Flex, Form, Input, Select, Statistic } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useAction } from '../../lib/use-action';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import {
  levelOfScore,
  type RatingLevel,
  type RatingSheet,
  ratingKeys,
  selfAssess,
  useRatingRules,
  useRatings,
} from './api';
import { LEVEL_TEXT_HEX, levelOptions, PeriodBar, periodFrom, RatingSteps, ratingLevelLabel } from './parts';
import { SheetFields } from './sheet-fields';
import { DeadlineLine } from './top';

interface SheetForm {
  sheet?: Partial<Record<string, number | null>>;
  level: RatingLevel;
  text?: string;
}

/**
 * "Tự đánh giá, xếp loại" (domain.md §8; QĐ 366-QĐ/TW, HD 43-HD/BTCTW Mẫu 2A–2C): the member scores the groups of
 * the 100-point sheet of the rule set in force (the points the records suggest beside each group, "Dùng điểm gợi ý"
 * to take them: `SheetFields`), sees the level the total gives and proposes his or her own level; the points
 * per group go with the total (`sheet`, checked by the server), then the member follows the cell's proposal and the committee's decision.
 */
export function RatingSelfPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const { year, period } = periodFrom(params);
  const org = me.grants[0]?.orgCode;
  const rules = useRatingRules(org, `${year}-12-31`);
  const list = useRatings(org, year, period, 'member');
  const mine = list.data?.items.find((r) => r.code === me.memberCode);
  const [form] = Form.useForm<SheetForm>();
  const points = Form.useWatch('sheet', form);
  const groups = rules.sheets.member;
  const total = useMemo(
    () => groups.reduce((sum, g) => sum + (Number(points?.[g.id]) || 0), 0),
    [groups, points],
  );
  const gives = levelOfScore(total, rules.levels);
  useEffect(() => {
    if (form.isFieldsTouched(['level'])) return;
    form.setFieldValue('level', gives);
  }, [form, gives]);
  const action = useAction({
    form,
    mutationFn: (values: SheetForm) =>
      selfAssess({
        year,
        period,
        score: total,
        // Every group is required by the form: the sheet goes whole, its sum being the score.
        sheet: Object.fromEntries(
          groups.map((g) => [g.id, Number(values.sheet?.[g.id]) || 0]),
        ) as RatingSheet,
        level: values.level,
        text: values.text?.trim() || null,
      }),
    success: t('ratings.self.saved'),
    invalidate: [ratingKeys.all],
  });
  const locked = !!(mine?.proposal || mine?.decision);
  return (
    <>
      <PageHeader
        title={t('ratings.self.title')}
        extra={
          <PeriodBar
            year={year}
            period={period}
            quarters={rules.quarters}
            onChange={(y, p) => update({ year: String(y), period: p === 'year' ? undefined : p })}
          />
        }
      />
      <DeadlineLine org={org} year={year} period={period} subject="member" />
      {!me.memberCode ? (
        <Alert type="info" showIcon title={t('ratings.self.notMember')} />
      ) : (
        <QueryState query={list}>
          {() => (
            <Flex vertical gap={12}>
              {mine ? (
                <Card size="small" data-testid="self-steps">
                  <RatingSteps rating={mine} />
                </Card>
              ) : null}
              {locked ? (
                <Alert type="info" showIcon title={t('ratings.self.locked')} />
              ) : (
                <Card size="small" title={t('ratings.self.sheet')}>
                  <Form
                    form={form}
                    layout="vertical"
                    data-testid="self-form"
                    onFinish={(values) => action.mutate(values)}
                    initialValues={{ level: gives }}
                  >
                    <SheetFields
                      testId="self"
                      subject="member"
                      code={me.memberCode ?? ''}
                      year={year}
                      period={period}
                      groups={groups}
                      onFill={(filled) =>
                        form.setFieldValue('sheet', { ...form.getFieldValue('sheet'), ...filled })
                      }
                      onChange={() => undefined}
                      required
                    />
                    <Flex wrap gap={24} style={{ marginBottom: 12 }}>
                      <Statistic title={t('ratings.self.total')} value={total} data-testid="self-total" />
                      <Statistic
                        title={t('ratings.self.gives')}
                        value={ratingLevelLabel(gives)}
                        styles={{ content: { fontSize: 16, color: LEVEL_TEXT_HEX[gives] } }}
                        data-testid="self-gives"
                      />
                    </Flex>
                    <Form.Item name="level" label={t('ratings.self.level')} rules={[{ required: true }]}>
                      <Select options={levelOptions(rules)} data-testid="self-level" />
                    </Form.Item>
                    <Form.Item name="text" label={t('ratings.self.text')}>
                      <Input.TextArea rows={4} maxLength={RATING_LIMITS.text} data-testid="self-text" />
                    </Form.Item>
                    <Alert
                      type="warning"
                      showIcon
                      title={t('ratings.self.verify')}
                      style={{ marginBottom: 12 }}
                    />
                    <Button
                      type="primary"
                      htmlType="submit"
                      block
                      loading={action.isPending}
                      data-testid="self-submit"
                    >
                      {t('ratings.self.submit')}
                    </Button>
                  </Form>
                </Card>
              )}
            </Flex>
          )}
        </QueryState>
      )}
    </>
  );
}
