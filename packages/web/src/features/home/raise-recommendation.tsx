import { RECOMMENDATION_LIMITS } from '@nennep/core/recommendations/limits';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { categoryOptions, recommendationKeys, useCategories } from '../recommendations/api';
import { homeCommands, homeKeys } from './api';

interface RaiseValues {
  text: string;
  category: string;
}

/** "Gửi kiến nghị": a member writes to the cell at any time; it arrives dated today, under "mine". */
export function RaiseRecommendationModal({
  cell,
  onClose,
}: {
  cell: { code: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<RaiseValues>();
  const categories = useCategories(cell.code);
  const raise = useAction({
    mutationFn: (v: RaiseValues) => homeCommands.raise({ text: v.text.trim(), category: v.category }),
    form,
    success: t('homeNext.raised'),
    invalidate: [homeKeys.all, recommendationKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<RaiseValues>
      title={t('homeNext.raiseTitle')}
      form={form}
      initialValues={{ category: 'other' }}
      onSubmit={(v) => raise.mutate(v)}
      onClose={onClose}
      loading={raise.isPending}
      okText={t('homeNext.raise')}
      testId="raise-form"
    >
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('homeNext.raiseHelp', { cell: cell.name })}
      </p>
      <Form.Item
        name="text"
        label={t('homeNext.raiseText')}
        rules={[rules.required(t('homeNext.raiseText'))]}
      >
        <Input.TextArea rows={4} maxLength={RECOMMENDATION_LIMITS.text} showCount data-testid="raise-text" />
      </Form.Item>
      <Form.Item name="category" label={t('homeNext.raiseCategory')}>
        <Select options={categoryOptions(categories)} data-testid="raise-category" />
      </Form.Item>
    </FormModal>
  );
}
