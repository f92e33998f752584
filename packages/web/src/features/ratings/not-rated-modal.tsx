import { RATING_LIMITS } from '@nennep/core/ratings/types';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { FormModal } from '../../components/form-modal';
import { useAction } from '../../lib/use-action';
import {
  NOT_RATED_REASON_LABELS,
  NOT_RATED_REASONS,
  type NotRatedReason,
  type RatingDto,
  type RatingPeriod,
  ratingKeys,
  setNotRated,
} from './api';

interface NotRatedForm {
  reason: NotRatedReason;
  note?: string;
}

/**
 * "Không xếp loại" for one subject in the period (QĐ 366-QĐ/TW; domain.md §8: exempt, suspended, newly admitted,
 * long leave, or another reason with its note), through `POST /api/ratings/not-rated`.
 */
export function NotRatedModal({
  rating,
  year,
  period,
  onClose,
}: {
  rating: RatingDto;
  year: number;
  period: RatingPeriod;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [form] = Form.useForm<NotRatedForm>();
  const reason = Form.useWatch('reason', form);
  const action = useAction({
    form,
    mutationFn: (values: NotRatedForm) =>
      setNotRated({
        year,
        period,
        subject: rating.subject,
        code: rating.code,
        reason: values.reason,
        note: values.note?.trim() || null,
      }),
    success: t('ratings.notRated.saved'),
    invalidate: [ratingKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<NotRatedForm>
      title={t('ratings.notRated.title', { name: rating.name })}
      form={form}
      onSubmit={(values) => action.mutate(values)}
      onClose={onClose}
      loading={action.isPending}
      testId="not-rated-form"
    >
      <Form.Item
        name="reason"
        label={t('ratings.notRated.reason')}
        rules={[
          { required: true, message: t('common.requiredSelect', { field: t('ratings.notRated.reason') }) },
        ]}
      >
        <Select
          data-testid="not-rated-reason"
          options={NOT_RATED_REASONS.map((r) => ({ value: r, label: NOT_RATED_REASON_LABELS[r][lang] }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('ratings.notRated.note')}
        rules={
          reason === 'other'
            ? [{ required: true, whitespace: true, message: t('ratings.notRated.noteNeeded') }]
            : []
        }
      >
        <Input.TextArea rows={2} maxLength={RATING_LIMITS.reason} data-testid="not-rated-note" />
      </Form.Item>
    </FormModal>
  );
}
