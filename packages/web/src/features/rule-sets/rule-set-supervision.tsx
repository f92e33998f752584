import type { RuleSetContent } from '@nennep/core/rule-set-content';
import { DEFAULT_SUPERVISION_RULES, SUPERVISION_PERIODS } from '@nennep/core/supervision/types';
import { Alert, Card, Col, Descriptions, Flex, Form, InputNumber, Row, Select, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOptions } from '../../lib/options';

const CELL_TARGETS = ['village', 'street_group', 'residential_cluster'];

/** Editor: the coverage target of visits by the superior committee (`content.supervision`). */
export function SupervisionFields() {
  const { t } = useTranslation();
  const { categories } = useOptions();
  const number = (name: string, min: number, max: number, disabled = false) => (
    <Form.Item
      name={['supervision', name]}
      label={t(`supervision.rules.${name}` as 'supervision.rules.period')}
    >
      <InputNumber
        min={min}
        max={max}
        precision={0}
        disabled={disabled}
        style={{ width: '100%' }}
        data-testid={`draft-supervision-${name}`}
      />
    </Form.Item>
  );
  const toggle = (name: string) => (
    <Form.Item
      name={['supervision', name]}
      label={t(`supervision.rules.${name}` as 'supervision.rules.period')}
      valuePropName="checked"
    >
      <Switch data-testid={`draft-supervision-${name}`} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('supervision.rules.title')} data-testid="draft-supervision">
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('supervision.rules.help')}
      </p>
      <Form.Item
        name={['supervision', 'targetCategories']}
        label={t('supervision.rules.targetCategories')}
        rules={[
          {
            required: true,
            message: t('common.requiredSelect', {
              field: t('supervision.rules.targetCategories').toLowerCase(),
            }),
          },
        ]}
      >
        <Select
          mode="multiple"
          // Residential cells first: they are the usual target.
          options={[...categories].sort(
            (a, b) => Number(!CELL_TARGETS.includes(a.value)) - Number(!CELL_TARGETS.includes(b.value)),
          )}
          data-testid="draft-supervision-categories"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name={['supervision', 'period']} label={t('supervision.rules.period')}>
            <Select
              options={SUPERVISION_PERIODS.map((p) => ({ value: p, label: t(`supervisionPeriod.${p}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          {number('windowMonths', 1, 12)}
        </Col>
        <Col xs={12} sm={6}>
          {number('visitsPerCell', 1, 1, true)}
        </Col>
        <Col xs={12} sm={8}>
          {number('committeeMemberVisitsPerYear', 0, 366)}
        </Col>
        <Col xs={12} sm={8}>
          {number('maxVisitsPerDay', 1, 4)}
        </Col>
        <Col xs={12} sm={8}>
          {number('reportDueDays', 0, 90)}
        </Col>
        <Col xs={24} sm={12}>
          {toggle('excludeHomeCell')}
        </Col>
        <Col xs={24} sm={12}>
          {toggle('avoidRepeat')}
        </Col>
      </Row>
    </Card>
  );
}

/** Read-only view of the coverage target; the defaults when the version predates it. */
export function SupervisionBlock({ content }: { content: RuleSetContent }) {
  const { t } = useTranslation();
  const rules = content.supervision ?? DEFAULT_SUPERVISION_RULES;
  const yesNo = (value: boolean) => (value ? t('common.yes') : t('common.no'));
  return (
    <>
      {content.supervision ? null : (
        <Alert type="info" showIcon title={t('supervision.rules.defaults')} style={{ marginBottom: 8 }} />
      )}
      <Descriptions
        column={1}
        layout="vertical"
        size="small"
        data-testid="rule-set-supervision"
        items={[
          {
            key: 'categories',
            label: t('supervision.rules.targetCategories'),
            children: (
              <Flex wrap gap={4}>
                {rules.targetCategories.map((c) => (
                  <Tag key={c} style={{ whiteSpace: 'normal' }}>
                    {t(`category.${c}`)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'period',
            label: t('supervision.rules.period'),
            children: t(`supervisionPeriod.${rules.period}`),
          },
          {
            key: 'window',
            label: t('supervision.rules.windowMonths'),
            children: t('supervision.rules.windowValue', { count: rules.windowMonths }),
          },
          { key: 'perCell', label: t('supervision.rules.visitsPerCell'), children: rules.visitsPerCell },
          {
            key: 'perMember',
            label: t('supervision.rules.committeeMemberVisitsPerYear'),
            children: rules.committeeMemberVisitsPerYear,
          },
          { key: 'perDay', label: t('supervision.rules.maxVisitsPerDay'), children: rules.maxVisitsPerDay },
          {
            key: 'home',
            label: t('supervision.rules.excludeHomeCell'),
            children: yesNo(rules.excludeHomeCell),
          },
          { key: 'repeat', label: t('supervision.rules.avoidRepeat'), children: yesNo(rules.avoidRepeat) },
          {
            key: 'due',
            label: t('supervision.rules.reportDueDays'),
            children: t('supervision.rules.dueValue', { count: rules.reportDueDays }),
          },
        ]}
      />
    </>
  );
}
