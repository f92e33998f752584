import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { Stepper } from './stepper';

const COUNTS = ['for', 'against', 'abstain'] as const;

/**
 * The three tallies of a vote (for, against, abstain) as big steppers, in the form fields `for`, `against`,
 * `abstain`: a decision's vote and the vote that adopts the minutes. Test ids are `<testIdPrefix>-for` etc.
 */
export function VoteCountFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="nn-vote-grid">
      {COUNTS.map((name) => (
        <Form.Item key={name} name={name} label={t(`votes.${name}`)}>
          <Stepper data-testid={`${testIdPrefix}-${name}`} aria-label={t(`votes.${name}`)} />
        </Form.Item>
      ))}
    </div>
  );
}
