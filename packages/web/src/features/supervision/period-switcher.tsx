import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { kindOfKey, periodKeyOf, periodLabel, shiftPeriod } from './period';

/** Previous / the period's name / next, and "this period" when another one is shown. */
export function PeriodSwitcher({
  periodKey,
  label,
  onChange,
}: {
  periodKey: string;
  /** The server's label of the period, when it has answered. */
  label?: string;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  const current = periodKeyOf(kindOfKey(periodKey) ?? 'quarter', dayjs());
  return (
    <div className="nn-period-switcher">
      <Button
        size="large"
        icon={<LeftOutlined />}
        aria-label={t('supervision.prevPeriod')}
        onClick={() => onChange(shiftPeriod(periodKey, -1))}
        data-testid="period-prev"
      />
      <span className="nn-period-label" data-testid="period-label" data-key={periodKey}>
        {label ?? periodLabel(periodKey, currentLang())}
      </span>
      <Button
        size="large"
        icon={<RightOutlined />}
        aria-label={t('supervision.nextPeriod')}
        onClick={() => onChange(shiftPeriod(periodKey, 1))}
        data-testid="period-next"
      />
      {periodKey === current ? null : (
        <Button type="link" icon={<CalendarOutlined />} onClick={() => onChange(current)}>
          {t('supervision.thisPeriod')}
        </Button>
      )}
    </div>
  );
}
