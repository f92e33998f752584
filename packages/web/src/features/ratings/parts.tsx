import { Descriptions, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { formatNumber } from '../../lib/format';
import {
  NOT_RATED_REASON_LABELS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_PERIODS,
  type RatingDto,
  type RatingLevel,
  type RatingPeriod,
  type RatingRules,
  thisYear,
} from './api';

export const LEVEL_COLORS: Record<RatingLevel, string> = {
  excellent: 'green',
  good: 'blue',
  completed: 'gold',
  failed: 'red',
};
export const LEVEL_HEX: Record<RatingLevel, string> = {
  excellent: '#389e0d',
  good: '#1677ff',
  completed: '#d48806',
  failed: '#cf1322',
};

/** The same levels as text on a light background: darker shades that reach AA contrast (4.5 : 1). */
export const LEVEL_TEXT_HEX: Record<RatingLevel, string> = {
  excellent: '#237804',
  good: '#0958d9',
  completed: '#874d00',
  failed: '#a8071a',
};

export const ratingLevelLabel = (level: RatingLevel) => RATING_LEVEL_LABELS[level][currentLang()];

export function RatingLevelTag({ level, testId }: { level: RatingLevel | null; testId?: string }) {
  const { t } = useTranslation();
  if (!level) return <Tag data-testid={testId}>{t('ratings.steps.none')}</Tag>;
  return (
    <Tag color={LEVEL_COLORS[level]} data-testid={testId} data-level={level}>
      {ratingLevelLabel(level)}
    </Tag>
  );
}

/** The level choices (best first), each with the score range of the rules (QĐ 366-QĐ/TW art. 11). */
export function levelOptions(rules: RatingRules) {
  const { excellent, good, completed } = rules.levels;
  const range: Record<RatingLevel, string> = {
    excellent: `≥ ${excellent}`,
    good: `${good}–< ${excellent}`,
    completed: `${completed}–< ${good}`,
    failed: `< ${completed}`,
  };
  return RATING_LEVELS.map((level) => ({
    value: level,
    label: `${ratingLevelLabel(level)} (${range[level]})`,
  }));
}

/** Year and period of the review, kept by the page (in its URL). */
export function PeriodBar({
  year,
  period,
  quarters,
  onChange,
}: {
  year: number;
  period: RatingPeriod;
  quarters?: readonly string[];
  onChange: (year: number, period: RatingPeriod) => void;
}) {
  const { t } = useTranslation();
  const now = thisYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3].filter((y) => y <= now + 1);
  const periods = RATING_PERIODS.filter((p) => p === 'year' || !quarters || quarters.includes(p));
  return (
    <Flex wrap gap={8}>
      <Select
        aria-label={t('ratings.year')}
        data-testid="rating-year"
        value={year}
        style={{ width: 100 }}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        onChange={(y) => onChange(y, period)}
      />
      <Select
        aria-label={t('ratings.period')}
        data-testid="rating-period"
        value={period}
        style={{ width: 130 }}
        options={periods.map((p) => ({ value: p, label: t(`ratings.periods.${p}`) }))}
        onChange={(p) => onChange(year, p)}
      />
    </Flex>
  );
}

/** Year and period read from the URL (`?year=&period=`), defaulting to this year's annual review. */
export function periodFrom(params: URLSearchParams): { year: number; period: RatingPeriod } {
  const year = Number(params.get('year')) || thisYear();
  const period = RATING_PERIODS.find((p) => p === params.get('period')) ?? 'year';
  return { year, period };
}

/** The three steps of a rating side by side: self-assessment, the cell's proposal, the decision. */
export function RatingSteps({ rating }: { rating: RatingDto }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const step = (
    s: { score: number | null; level: RatingLevel; text: string | null; by: string | null } | null,
    testId: string,
    extra?: string | null,
  ) =>
    s ? (
      <Flex vertical gap={2} data-testid={testId}>
        <span>
          <RatingLevelTag level={s.level} />
          {s.score !== null ? t('ratings.steps.points', { score: formatNumber(s.score) }) : null}
        </span>
        {s.text ? <span className="nn-muted">{s.text}</span> : null}
        {extra ? <span className="nn-muted">{extra}</span> : null}
        {s.by ? <span className="nn-muted">{t('ratings.steps.by', { name: s.by })}</span> : null}
      </Flex>
    ) : (
      <span className="nn-muted" data-testid={testId}>
        {t('ratings.steps.none')}
      </span>
    );
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        ...(rating.notRated
          ? [
              {
                key: 'not',
                label: t('ratings.steps.notRated', { reason: '' }),
                children: NOT_RATED_REASON_LABELS[rating.notRated.reason][lang],
              },
            ]
          : []),
        { key: 'self', label: t('ratings.steps.self'), children: step(rating.self, 'step-self') },
        {
          key: 'proposal',
          label: t('ratings.steps.proposal'),
          children: step(rating.proposal, 'step-proposal'),
        },
        {
          key: 'decision',
          label: t('ratings.steps.decision'),
          children: step(
            rating.decision,
            'step-decision',
            rating.decision?.reason ? t('ratings.steps.reason', { reason: rating.decision.reason }) : null,
          ),
        },
      ]}
    />
  );
}
