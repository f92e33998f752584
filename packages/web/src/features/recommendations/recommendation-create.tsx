import { CELL_KINDS } from '@nennep/core/orgs/types';
import { RECOMMENDATION_LIMITS } from '@nennep/core/recommendations/limits';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { OrgSelect } from '../../components/org-select';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { categoryOptions, recommendationCommands, recommendationKeys, useCategories } from './api';

interface CreateValues {
  orgCode: string;
  text: string;
  category: string;
  raisedBy: string;
  raisedOn: Dayjs;
}

/** "Ghi kiến nghị": committee staff enter a recommendation that reached them outside the app. */
export function CreateRecommendationModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateValues>();
  const orgCode = Form.useWatch('orgCode', form);
  const raisedOn = Form.useWatch('raisedOn', form);
  const categories = useCategories(orgCode, toIsoDay(raisedOn));
  const create = useAction({
    mutationFn: (v: CreateValues) =>
      recommendationCommands.create({
        orgCode: v.orgCode,
        text: v.text.trim(),
        category: v.category,
        raisedBy: v.raisedBy.trim(),
        raisedOn: toIsoDay(v.raisedOn) ?? dayjs().format('YYYY-MM-DD'),
      }),
    form,
    success: t('recommendations.created'),
    invalidate: [recommendationKeys.all],
    onSuccess: (rec) => {
      onClose();
      navigate(`/recommendations/${rec.id}`);
    },
  });
  const f = (key: keyof CreateValues) => t(`recommendations.fields.${key === 'orgCode' ? 'cell' : key}`);
  return (
    <FormModal<CreateValues>
      title={t('recommendations.createTitle')}
      form={form}
      initialValues={{ raisedOn: dayjs() }}
      onSubmit={(v) => create.mutate(v)}
      onClose={onClose}
      loading={create.isPending}
      testId="rec-create-form"
    >
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('recommendations.createHelp')}
      </p>
      <Form.Item name="orgCode" label={f('orgCode')} rules={[rules.requiredSelect(f('orgCode'))]}>
        <OrgSelect kinds={CELL_KINDS} data-testid="rec-create-org" />
      </Form.Item>
      <Form.Item name="text" label={f('text')} rules={[rules.required(f('text'))]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={RECOMMENDATION_LIMITS.text}
          data-testid="rec-create-text"
        />
      </Form.Item>
      <Form.Item name="category" label={f('category')} rules={[rules.requiredSelect(f('category'))]}>
        <Select size="large" options={categoryOptions(categories)} data-testid="rec-create-category" />
      </Form.Item>
      <Form.Item name="raisedBy" label={f('raisedBy')} rules={[rules.required(f('raisedBy'))]}>
        <Input size="large" maxLength={RECOMMENDATION_LIMITS.raisedBy} data-testid="rec-create-by" />
      </Form.Item>
      <Form.Item name="raisedOn" label={f('raisedOn')} rules={[rules.requiredSelect(f('raisedOn'))]}>
        <DatePicker
          size="large"
          format={DATE_FORMAT}
          maxDate={dayjs()}
          allowClear={false}
          style={{ width: '100%', maxWidth: 260 }}
        />
      </Form.Item>
    </FormModal>
  );
}
