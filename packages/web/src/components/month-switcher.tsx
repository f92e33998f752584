import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Previous / month picker / next, and "this month" when another month is shown (calendar, overview). */
export function MonthSwitcher({
  month,
  onChange,
  label,
  testId,
  stepTestIds = false,
}: {
  month: Dayjs;
  onChange: (month: Dayjs | undefined) => void;
  label: string;
  testId: string;
  stepTestIds?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        icon={<LeftOutlined />}
        aria-label={t('meetings.prevMonth')}
        onClick={() => onChange(month.subtract(1, 'month'))}
        data-testid={stepTestIds ? 'month-prev' : undefined}
      />
      <DatePicker
        picker="month"
        format="MM/YYYY"
        value={month}
        allowClear={false}
        onChange={(value) => value && onChange(value)}
        style={{ width: 120 }}
        aria-label={label}
        data-testid={testId}
      />
      <Button
        icon={<RightOutlined />}
        aria-label={t('meetings.nextMonth')}
        onClick={() => onChange(month.add(1, 'month'))}
        data-testid={stepTestIds ? 'month-next' : undefined}
      />
      {month.isSame(dayjs(), 'month') ? null : (
        <Button type="link" icon={<CalendarOutlined />} onClick={() => onChange(undefined)}>
          {t('meetings.thisMonth')}
        </Button>
      )}
    </>
  );
}
