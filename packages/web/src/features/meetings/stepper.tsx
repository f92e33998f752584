import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

interface StepperProps {
  value?: number;
  onChange?: (value: number) => void;
  max?: number;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** A count with big − and + buttons around it (vote tallies on a phone, counted by hand in the hall). */
export function Stepper({ value = 0, onChange, max = 10000, id, ...rest }: StepperProps) {
  const { t } = useTranslation();
  const set = (next: number) => onChange?.(Math.max(0, Math.min(max, Math.round(next))));
  return (
    <div className="nn-stepper">
      <Button
        size="large"
        icon={<MinusOutlined />}
        aria-label={t('votes.minus')}
        disabled={value <= 0}
        onClick={() => set(value - 1)}
      />
      <InputNumber<number>
        id={id}
        size="large"
        min={0}
        max={max}
        precision={0}
        controls={false}
        inputMode="numeric"
        value={value}
        onChange={(next) => set(next ?? 0)}
        aria-label={rest['aria-label']}
        data-testid={rest['data-testid']}
      />
      <Button
        size="large"
        icon={<PlusOutlined />}
        aria-label={t('votes.plus')}
        disabled={value >= max}
        onClick={() => set(value + 1)}
      />
    </div>
  );
}
