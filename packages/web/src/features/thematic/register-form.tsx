import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { Alert, Form, Input, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { thematicCommands, thematicKeys, useTopics } from './api';
import { firstPlannable, PresentersAndDate } from './presenters';

interface RegisterValues {
  source: 'list' | 'own';
  topicId?: number;
  ownTitle?: string;
  ownPurpose?: string;
  presenterCodes: string[];
  plannedDate: Dayjs;
}

/**
 * "Đăng ký chuyên đề" for a quarter (HD 12-HD/BTCTW, on sinh hoạt chuyên đề): one of the topics the committee
 * above published for the cell, or the cell's own (then approved by the committee); the presenters and date.
 */
export function RegisterModal({
  cell,
  year,
  quarter,
  onClose,
}: {
  cell: string;
  year: number;
  quarter: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<RegisterValues>();
  const topics = useTopics(cell, year);
  const offered = (topics.data?.items ?? []).filter((x) => x.status === 'published');
  const source = Form.useWatch('source', form) ?? 'list';
  const register = useAction({
    form,
    mutationFn: (v: RegisterValues) =>
      thematicCommands.register({
        orgCode: cell,
        year,
        quarter,
        ...(v.source === 'list'
          ? { topicId: v.topicId }
          : { ownTitle: v.ownTitle?.trim(), ownPurpose: v.ownPurpose?.trim() || undefined }),
        presenterCodes: v.presenterCodes,
        plannedDate: toIsoDay(v.plannedDate) ?? '',
      }),
    success: t('thematic.register.saved'),
    invalidate: [thematicKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<RegisterValues>
      title={t('thematic.register.title', { quarter, year })}
      form={form}
      onSubmit={(v) => register.mutate(v)}
      onClose={onClose}
      loading={register.isPending}
      testId="thematic-register-form"
      initialValues={{ source: 'list', plannedDate: firstPlannable(year, quarter), presenterCodes: [] }}
    >
      <Form.Item name="source" label={t('thematic.register.source')}>
        <Segmented
          block
          options={[
            { value: 'list', label: t('thematic.register.fromList') },
            { value: 'own', label: t('thematic.register.own') },
          ]}
          data-testid="thematic-register-source"
        />
      </Form.Item>
      {source === 'list' ? (
        offered.length === 0 && !topics.isPending ? (
          <Alert type="info" showIcon title={t('thematic.register.noTopics')} style={{ marginBottom: 16 }} />
        ) : (
          <Form.Item
            name="topicId"
            label={t('thematic.register.topic')}
            rules={[rules.requiredSelect(t('thematic.register.topic'))]}
          >
            <Select
              size="large"
              loading={topics.isPending}
              // A year's topics are few and their titles long (wrapped, taller than a line): every option
              // stays in the page, so none is out of a screen reader's reach, and typing filters them.
              virtual={false}
              showSearch={{ optionFilterProp: 'label' }}
              options={offered.map((x) => ({ value: x.id, label: x.title }))}
              optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
              data-testid="thematic-register-topic"
            />
          </Form.Item>
        )
      ) : (
        <>
          <Alert type="info" showIcon title={t('thematic.register.ownHint')} style={{ marginBottom: 16 }} />
          <Form.Item
            name="ownTitle"
            label={t('thematic.topics.name')}
            rules={[rules.required(t('thematic.topics.name'))]}
          >
            <Input size="large" maxLength={THEMATIC_LIMITS.title} data-testid="thematic-register-own-title" />
          </Form.Item>
          <Form.Item name="ownPurpose" label={t('thematic.topics.purpose')}>
            <Input.TextArea rows={3} maxLength={THEMATIC_LIMITS.purpose} />
          </Form.Item>
        </>
      )}
      <PresentersAndDate cell={cell} year={year} quarter={quarter} />
    </FormModal>
  );
}
