import {
  BranchesOutlined,
  CheckCircleOutlined,
  MergeCellsOutlined,
  PlayCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { RECOMMENDATION_LIMITS } from '@nennep/core/recommendations/limits';
import { Alert, Button, Card, Form, Input, Radio, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { useRules } from '../../lib/rules';
import { useCurrentUser } from '../auth/session';
import { OPEN_RECOMMENDATION_STATUSES, type RecommendationDetailDto, recommendationCommands } from './api';
import { MergeModal } from './merge-modal';
import { isHandler } from './roles';
import { useRecAction } from './use-rec-action';

type Dialog = 'forward' | 'start' | 'answer' | 'decline' | 'merge';

interface ForwardValues {
  target: 'org' | 'outside';
  forwardTo?: string;
  outsideBody?: string;
  note?: string;
}

function ForwardModal({ rec, onClose }: { rec: RecommendationDetailDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<ForwardValues>();
  const target = Form.useWatch('target', form) ?? 'org';
  const here = rec.routes.findIndex((r) => r.code === rec.handlerCode);
  // Usually one level up: the cell passes to the commune, the commune to the district.
  const above = here >= 0 ? rec.routes[here + 1]?.code : undefined;
  const options = rec.routes
    .filter((r) => r.code !== rec.handlerCode || rec.outsideBody)
    .map((r) => ({
      value: r.code,
      label: `${r.name} — ${t(`recLevel.${r.level}`)}${r.code === rec.handlerCode ? ` (${t('recommendations.actions.current')})` : ''}`,
    }));
  const forward = useRecAction(
    rec,
    (v: ForwardValues) =>
      recommendationCommands.forward(rec.id, {
        forwardTo: v.target === 'org' ? (v.forwardTo ?? null) : null,
        outsideBody: v.target === 'outside' ? (v.outsideBody?.trim() ?? null) : null,
        note: v.note?.trim() || null,
      }),
    { form, success: t('recommendations.actions.forwarded'), onDone: onClose },
  );
  const a = (key: 'target' | 'forwardTo' | 'outsideBody' | 'note') => t(`recommendations.actions.${key}`);
  return (
    <FormModal<ForwardValues>
      title={t('recommendations.actions.forwardTitle')}
      form={form}
      initialValues={{ target: 'org', forwardTo: above }}
      onSubmit={(v) => forward.mutate(v)}
      onClose={onClose}
      loading={forward.isPending}
      okText={t('recommendations.actions.forward')}
      testId="rec-forward-form"
    >
      <Form.Item name="target" label={a('target')}>
        <Radio.Group
          className="nn-rec-target"
          options={[
            { value: 'org', label: t('recommendations.actions.toOrg') },
            {
              value: 'outside',
              label: <span data-testid="rec-forward-outside">{t('recommendations.actions.toOutside')}</span>,
            },
          ]}
        />
      </Form.Item>
      {target === 'org' ? (
        <Form.Item name="forwardTo" label={a('forwardTo')} rules={[rules.requiredSelect(a('forwardTo'))]}>
          <Select size="large" options={options} data-testid="rec-forward-to" />
        </Form.Item>
      ) : (
        <Form.Item
          name="outsideBody"
          label={a('outsideBody')}
          extra={t('recommendations.actions.outsideHelp')}
          rules={[rules.required(a('outsideBody'))]}
        >
          <Input
            size="large"
            maxLength={RECOMMENDATION_LIMITS.outsideBody}
            placeholder={t('recommendations.actions.outsidePlaceholder')}
            data-testid="rec-forward-body"
          />
        </Form.Item>
      )}
      <Form.Item name="note" label={a('note')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={RECOMMENDATION_LIMITS.note}
          data-testid="rec-forward-note"
        />
      </Form.Item>
    </FormModal>
  );
}

/** One text field and a button: start (note optional), answer, decline (reason required). */
function TextModal({
  rec,
  kind,
  onClose,
}: {
  rec: RecommendationDetailDto;
  kind: 'start' | 'answer' | 'decline';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const spec = {
    start: {
      field: 'note',
      label: t('recommendations.actions.note'),
      title: t('recommendations.actions.start'),
      done: t('recommendations.actions.started'),
      required: false,
      max: RECOMMENDATION_LIMITS.note,
      run: (text: string) => recommendationCommands.start(rec.id, text || null),
    },
    answer: {
      field: 'answer',
      label: t('recommendations.actions.answerText'),
      title: t('recommendations.actions.answerTitle'),
      done: t('recommendations.actions.answered'),
      required: true,
      max: RECOMMENDATION_LIMITS.answer,
      run: (text: string) => recommendationCommands.answer(rec.id, text),
    },
    decline: {
      field: 'reason',
      label: t('recommendations.actions.reason'),
      title: t('recommendations.actions.declineTitle'),
      done: t('recommendations.actions.declined'),
      required: true,
      max: RECOMMENDATION_LIMITS.note,
      run: (text: string) => recommendationCommands.decline(rec.id, text),
    },
  }[kind];
  const act = useRecAction(
    rec,
    (v: Record<string, string | undefined>) => spec.run(v[spec.field]?.trim() ?? ''),
    {
      form,
      success: spec.done,
      onDone: onClose,
    },
  );
  return (
    <FormModal<Record<string, string | undefined>>
      title={spec.title}
      form={form}
      onSubmit={(v) => act.mutate(v)}
      onClose={onClose}
      loading={act.isPending}
      okText={spec.title}
      danger={kind === 'decline'}
      testId={`rec-${kind}-form`}
    >
      <p className="nn-rec-timeline-note nn-muted" style={{ marginTop: 0 }}>
        {rec.text}
      </p>
      {kind === 'answer' ? (
        <Alert
          type="info"
          showIcon
          title={t('recommendations.actions.answerHelp')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Form.Item
        name={spec.field}
        label={spec.label}
        rules={spec.required ? [rules.required(spec.label)] : undefined}
      >
        <Input.TextArea
          autoSize={{ minRows: kind === 'answer' ? 5 : 3, maxRows: 14 }}
          maxLength={spec.max}
          data-testid={`rec-${kind}-text`}
        />
      </Form.Item>
    </FormModal>
  );
}

/**
 * The steps open to the level now answering: forward, start, answer, decline, merge. Another level's
 * handler reads who holds it instead (a level acts only on what it holds).
 */
export function RecActions({ rec }: { rec: RecommendationDetailDto }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [open, setOpen] = useState<Dialog | null>(null);
  if (!rec.abilities.act) {
    if (!OPEN_RECOMMENDATION_STATUSES.includes(rec.status) || !isHandler(me)) return null;
    return (
      <Alert
        type="info"
        showIcon
        title={t('recommendations.actions.heldBy', { name: rec.handlerName })}
        data-testid="rec-held-by"
        data-code={rec.handlerCode}
      />
    );
  }
  const close = () => setOpen(null);
  const button = (
    dialog: Dialog,
    icon: ReactNode,
    label: string,
    extra: { primary?: boolean; danger?: boolean } = {},
  ) => (
    <Button
      size="large"
      type={extra.primary ? 'primary' : 'default'}
      danger={extra.danger}
      icon={icon}
      onClick={() => setOpen(dialog)}
      data-testid={`rec-action-${dialog}`}
    >
      {label}
    </Button>
  );
  return (
    <Card size="small" title={t('recommendations.actions.title')} data-testid="rec-actions">
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('recommendations.actions.help', { name: rec.handlerName })}
      </p>
      <div className="nn-rec-actions">
        {button('answer', <CheckCircleOutlined />, t('recommendations.actions.answer'), { primary: true })}
        {button('forward', <BranchesOutlined />, t('recommendations.actions.forward'))}
        {rec.status === 'in_progress'
          ? null
          : button('start', <PlayCircleOutlined />, t('recommendations.actions.start'))}
        {button('merge', <MergeCellsOutlined />, t('recommendations.actions.merge'))}
        {button('decline', <StopOutlined />, t('recommendations.actions.decline'), { danger: true })}
      </div>
      {open === 'forward' ? <ForwardModal rec={rec} onClose={close} /> : null}
      {open === 'start' || open === 'answer' || open === 'decline' ? (
        <TextModal rec={rec} kind={open} onClose={close} />
      ) : null}
      {open === 'merge' ? <MergeModal rec={rec} onClose={close} /> : null}
    </Card>
  );
}
