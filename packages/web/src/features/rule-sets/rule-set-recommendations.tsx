import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_RECOMMENDATION_RULES } from '@nennep/core/recommendations/types';
import type { RuleSetContent } from '@nennep/core/rule-set-content';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';

/** Editor: recommendation categories and their time limits (`content.recommendations`). */
export function RecommendationFields() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('recRules.title')} data-testid="draft-recommendations">
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('recRules.help')}
      </p>
      <Form.List name={['recommendations', 'categories']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row key={field.key} gutter={8} align="bottom">
                <Col xs={12} sm={5}>
                  <Form.Item
                    name={[field.name, 'id']}
                    label={t('recRules.id')}
                    rules={[
                      { required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t('recRules.idHelp') },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={5}>
                  <Form.Item
                    name={[field.name, 'answerDays']}
                    label={t('recRules.answerDays')}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={6}>
                  <Form.Item
                    name={[field.name, 'label', 'vi']}
                    label={t('recRules.labelVi')}
                    rules={[{ required: true }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={20} sm={6}>
                  <Form.Item
                    name={[field.name, 'label', 'en']}
                    label={t('recRules.labelEn')}
                    rules={[{ required: true }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2}>
                  <Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('recRules.remove')}
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ id: '', label: { vi: '', en: '' }, answerDays: 30 })}
              data-testid="draft-recommendations-add"
            >
              {t('recRules.add')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** Read-only view of the categories; the defaults when the version predates them. */
export function RecommendationBlock({ content }: { content: RuleSetContent }) {
  const { t, i18n } = useTranslation();
  const rules = content.recommendations ?? DEFAULT_RECOMMENDATION_RULES;
  return (
    <>
      {content.recommendations ? null : (
        <Alert type="info" showIcon title={t('recRules.defaults')} style={{ marginBottom: 8 }} />
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rules.categories}
        data-testid="rule-set-recommendations"
        columns={[
          {
            key: 'label',
            title: t('recRules.labelVi'),
            render: (_, c) => (i18n.language === 'en' ? c.label.en : c.label.vi),
          },
          {
            key: 'days',
            title: t('recRules.answerDays'),
            align: 'right',
            render: (_, c) => t('recRules.days', { count: c.answerDays }),
          },
        ]}
      />
    </>
  );
}
