import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FourGoodResult, type FourGoodStatus, RESULT_COLORS, STATUS_COLORS } from './api';

export function FourGoodResultTag({ result, testId }: { result: FourGoodResult; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={RESULT_COLORS[result]} data-testid={testId} data-result={result}>
      {t(`fourGood.result.${result}`)}
    </Tag>
  );
}

export function FourGoodStatusTag({ status, testId }: { status: FourGoodStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`fourGood.status.${status}`)}
    </Tag>
  );
}
