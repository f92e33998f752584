import type { RatingCriterionGroup, RatingEvidenceDto } from '@nennep/core/ratings/types';
import { Button, Flex, Form, InputNumber, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { formatNumber } from '../../lib/format';
import type { RatingPeriod, RatingSheet, RatingSubject } from './api';
import { useSuggestedPoints } from './api';

/** The evidence behind a suggestion, one line each ("3/4 cuộc họp đã họp", "điểm bình quân 80"). */
function evidenceLine(e: RatingEvidenceDto, t: TFunction) {
  const base = t(`ratings.suggest.indicators.${e.indicator}`, { count: e.count, of: e.of });
  return e.average === null
    ? base
    : `${base} — ${t('ratings.suggest.average', { average: formatNumber(e.average) })}`;
}

/** The sum of a sheet when every group has points; else null (the total is then typed by hand). */
export function sheetTotal(
  groups: RatingCriterionGroup[],
  sheet: Partial<RatingSheet> | undefined,
): number | null {
  let total = 0;
  for (const g of groups) {
    const points = sheet?.[g.id];
    if (typeof points !== 'number') return null;
    total += points;
  }
  return total;
}

/**
 * The points per group of the 100-point sheet (Mẫu 01 / 2A–2C of HD 43-HD/BTCTW, from the rule set), each with
 * the points the period's records suggest beside it (issue 15 point 3) and "Dùng điểm gợi ý" to take them all;
 * the rater may change any of them. `onChange` runs after a group's points change (to update the total).
 */
export function SheetFields({
  testId,
  subject,
  code,
  year,
  period,
  groups,
  onFill,
  onChange,
  required = false,
}: {
  testId: string;
  subject: RatingSubject;
  code: string;
  year: number;
  period: RatingPeriod;
  groups: RatingCriterionGroup[];
  onFill: (points: RatingSheet) => void;
  onChange: () => void;
  /** Every group must have its points (the member's own sheet, whose sum is the score). */
  required?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const suggested = useSuggestedPoints(subject, code, year, period);
  const byGroup = new Map((suggested.data?.groups ?? []).map((g) => [g.id, g]));
  const fill = Object.fromEntries(
    groups.flatMap((g) => {
      const points = byGroup.get(g.id)?.points;
      return typeof points === 'number' ? [[g.id, points]] : [];
    }),
  );
  return (
    <Flex vertical gap={4} data-testid={`${testId}-sheet`}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text strong>{t('ratings.suggest.sheet')}</Typography.Text>
        <Button
          size="small"
          disabled={Object.keys(fill).length === 0}
          onClick={() => onFill(fill)}
          data-testid={`${testId}-use-suggested`}
        >
          {t('ratings.suggest.use')}
        </Button>
      </Flex>
      {groups.map((g) => {
        const s = byGroup.get(g.id);
        const hint =
          s && s.points !== null
            ? t('ratings.suggest.points', { points: formatNumber(s.points), max: g.max })
            : t('ratings.suggest.none');
        return (
          <Form.Item
            key={g.id}
            name={['sheet', g.id]}
            label={`${g.label[lang]} (${t('ratings.suggest.max', { max: g.max })})`}
            style={{ marginBottom: 8 }}
            rules={
              required ? [{ required: true, message: t('common.required', { field: g.label[lang] }) }] : []
            }
            extra={
              <Tooltip
                title={
                  s?.evidence.length
                    ? s.evidence.map((e) => <div key={e.indicator}>{evidenceLine(e, t)}</div>)
                    : null
                }
              >
                <span data-testid={`${testId}-suggested-${g.id}`} data-points={s?.points ?? ''}>
                  {hint}
                </span>
              </Tooltip>
            }
          >
            <InputNumber
              min={0}
              max={g.max}
              step={0.5}
              inputMode="decimal"
              style={{ width: '100%' }}
              data-testid={`${testId}-group-${g.id}`}
              onChange={onChange}
            />
          </Form.Item>
        );
      })}
      {suggested.data?.verify ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ratings.suggest.verify')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
