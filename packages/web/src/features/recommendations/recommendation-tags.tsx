import { WarningOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { formatDate } from '../../lib/format';
import type { RecommendationDto, RecommendationLevel, RecommendationStatus } from './api';

export const REC_STATUS_COLORS: Record<RecommendationStatus, string> = {
  received: 'blue',
  assigned: 'geekblue',
  in_progress: 'gold',
  answered: 'cyan',
  reported_back: 'green',
  merged: 'default',
  declined: 'volcano',
};

export const REC_LEVEL_COLORS: Record<RecommendationLevel, string> = {
  cell: 'default',
  grassroots: 'blue',
  superior: 'purple',
  outside: 'orange',
};

export function RecStatusTag({ status }: { status: RecommendationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REC_STATUS_COLORS[status]} data-testid="rec-status" data-status={status}>
      {t(`recStatus.${status}`)}
    </Tag>
  );
}

export function RecLevelTag({ level }: { level: RecommendationLevel }) {
  const { t } = useTranslation();
  return (
    <Tag color={REC_LEVEL_COLORS[level]} data-testid="rec-level" data-level={level}>
      {t(`recLevel.${level}`)}
    </Tag>
  );
}

/**
 * "Quá hạn" in red when the due date has passed; otherwise the due date, muted. `plain`: the date alone
 * (red when overdue), beside a label that already says what it is.
 */
export function DueText({
  rec,
  plain = false,
}: {
  rec: Pick<RecommendationDto, 'dueDate' | 'overdue'>;
  plain?: boolean;
}) {
  const { t } = useTranslation();
  if (!rec.dueDate) return null;
  if (plain) {
    return (
      <span style={rec.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
        {formatDate(rec.dueDate)}
        {rec.overdue ? ` (${t('recommendations.overdue')})` : ''}
      </span>
    );
  }
  if (rec.overdue) {
    return (
      <Tag color="red" icon={<WarningOutlined />} data-testid="rec-overdue">
        {t('recommendations.overdue')} · {formatDate(rec.dueDate)}
      </Tag>
    );
  }
  return (
    <span className="nn-muted nn-small">{t('recommendations.dueOn', { date: formatDate(rec.dueDate) })}</span>
  );
}

/** The recommendation's category in the UI language. */
export const categoryText = (rec: Pick<RecommendationDto, 'categoryLabel'>) =>
  rec.categoryLabel[currentLang()];

/** Where it is now: the handling organisation, and the outside body it follows, if any. */
export const handlerText = (rec: Pick<RecommendationDto, 'handlerName' | 'outsideBody'>) =>
  rec.outsideBody ? `${rec.outsideBody} (${rec.handlerName})` : rec.handlerName;
