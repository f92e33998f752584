import { SaveOutlined } from '@ant-design/icons';
import { MEETING_LIMITS, type RuleSetDto } from '@nennep/core/meetings/api-types';
import { Alert, Breadcrumb, Button, Card, Col, DatePicker, Form, Input, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { currentLang } from '../../app/i18n';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { ApiError } from '../../lib/api';
import { DATE_FORMAT, toIsoDay } from '../../lib/format';
import { ruleSetKeys, useRuleSets } from '../../lib/rule-sets';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { meetingKeys } from '../meetings/api';
import { ruleSetCommands } from './api';
import { contentOf, type DraftValues, draftOf, type Problem, problemsOf } from './rule-set-draft';
import { CriteriaFields, LevelFields, ScheduleFields } from './rule-set-fields';
import { RuleSetPreview } from './rule-set-preview';
import { RecommendationFields } from './rule-set-recommendations';
import { SupervisionFields } from './rule-set-supervision';
import '../meetings/meetings.css';

function ProblemList({ problems, base }: { problems: Problem[]; base: RuleSetDto }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const lang = currentLang();
  const text = (p: Problem) => {
    if (p.kind === 'sum') return t('ruleSets.problemSum', { sum: p.sum });
    if (p.kind === 'levels') return t('ruleSets.problemLevels');
    if (p.kind === 'window') return t('ruleSets.problemWindow');
    if (p.kind === 'categories') return t('supervision.rules.problemCategories');
    return t('ruleSets.problemOption', {
      name: base.content.scoreSheet.criteria[p.criterion]?.label[lang] ?? '',
    });
  };
  return (
    <Alert
      type="warning"
      showIcon
      title={t('ruleSets.invalid')}
      description={
        <ul className="nn-plain-list">
          {problems.map((p) => (
            <li key={`${p.kind}-${p.kind === 'option' ? p.criterion : ''}`}>{text(p)}</li>
          ))}
        </ul>
      }
      data-testid="draft-problems"
    />
  );
}

function Editor({ org, base }: { org: string; base: RuleSetDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const navigate = useNavigate();
  const [form] = Form.useForm<DraftValues>();
  const [serverError, setServerError] = useState<string | null>(null);
  // Watching every field keeps the sum, the problems and the preview in step with the form.
  const values = Form.useWatch([], form) as Partial<DraftValues> | undefined;
  const draft = contentOf(base.content, values ?? {});
  const problems = problemsOf(draft);
  const sum = draft.scoreSheet.criteria.reduce((total, c) => total + c.max, 0);
  const create = useAction({
    mutationFn: (v: DraftValues) =>
      ruleSetCommands.create({
        orgCode: org,
        name: v.name.trim(),
        effectiveFrom: toIsoDay(v.effectiveFrom) ?? '',
        content: contentOf(base.content, form.getFieldsValue(true) as DraftValues),
      }),
    form,
    success: t('ruleSets.created'),
    invalidate: [ruleSetKeys.all, meetingKeys.all],
    onSuccess: (result) => navigate(`/rule-sets?org=${encodeURIComponent(org)}&id=${result.id}`),
    onError: (error) => setServerError(error instanceof ApiError ? error.message : null),
  });
  return (
    <Form<DraftValues>
      form={form}
      layout="vertical"
      initialValues={draftOf(base.content)}
      onFinish={(v) => {
        setServerError(null);
        create.mutate(v);
      }}
      data-testid="rule-set-form"
    >
      <div className="nn-stack">
        <Alert
          type="info"
          showIcon
          title={t('ruleSets.editorHelp')}
          description={t('ruleSets.basedOn', { name: base.name })}
        />
        <Card size="small">
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item name="name" label={t('ruleSets.name')} rules={[rules.required(t('ruleSets.name'))]}>
                <Input maxLength={MEETING_LIMITS.ruleSetName} data-testid="draft-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="effectiveFrom"
                label={t('ruleSets.effectiveFrom')}
                rules={[rules.requiredSelect(t('ruleSets.effectiveFrom'))]}
              >
                <DatePicker
                  format={DATE_FORMAT}
                  style={{ width: '100%' }}
                  data-testid="draft-effective-from"
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <div className="nn-stack">
              <ScheduleFields />
              <LevelFields base={base.content} />
              <CriteriaFields base={base.content} sum={sum} />
              <SupervisionFields />
              <RecommendationFields />
            </div>
          </Col>
          <Col xs={24} xl={9}>
            <div className="nn-stack nn-side-sticky">
              <ProblemList problems={problems} base={base} />
              {serverError ? (
                <Alert type="error" showIcon title={serverError} data-testid="draft-server-error" />
              ) : null}
              <RuleSetPreview
                org={org}
                draft={() => contentOf(base.content, form.getFieldsValue(true) as DraftValues)}
              />
            </div>
          </Col>
        </Row>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={create.isPending}
          disabled={problems.length > 0}
          data-testid="rule-set-save"
        >
          {t('ruleSets.save')}
        </Button>
      </div>
    </Form>
  );
}

/** `/rule-sets/new?org=&from=`: a new dated version, starting from an existing one. */
export function RuleSetEditorPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const org = params.get('org') ?? '';
  const from = Number(params.get('from')) || undefined;
  const list = useRuleSets(org || undefined);
  return (
    <>
      <Breadcrumb
        items={[
          {
            key: 'list',
            title: <Link to={`/rule-sets?org=${encodeURIComponent(org)}`}>{t('ruleSets.title')}</Link>,
          },
        ]}
      />
      <PageHeader title={t('ruleSets.editorTitle')} />
      <QueryState query={list}>
        {(data) => {
          const base =
            data.items.find((r) => r.id === from) ?? data.items.find((r) => r.id === data.effectiveId);
          return base ? (
            <Editor org={org} base={base} />
          ) : (
            <Alert type="warning" title={t('common.notFound')} />
          );
        }}
      </QueryState>
    </>
  );
}
