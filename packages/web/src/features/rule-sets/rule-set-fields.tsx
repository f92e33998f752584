import { RULE_SET_LIMITS, type RuleSetContent } from '@nennep/core/rule-set-content';
import { Card, Col, Form, InputNumber, Row, Select, Tag, TimePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { THEMATIC_PERIODS } from './rule-set-draft';

const { windowDay: day, sheetTotal } = RULE_SET_LIMITS;

/** Meeting days, start time, durations, thematic period and cell committee. */
export function ScheduleFields() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('ruleSets.schedule')}>
      <Row gutter={12}>
        <Col xs={12} sm={6}>
          <Form.Item name="fromDay" label={t('ruleSets.fromDay')}>
            <InputNumber {...day} precision={0} style={{ width: '100%' }} data-testid="draft-from-day" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="toDay" label={t('ruleSets.toDay')}>
            <InputNumber {...day} precision={0} style={{ width: '100%' }} data-testid="draft-to-day" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="defaultStartTime" label={t('ruleSets.defaultStartTime')}>
            <TimePicker
              format="HH:mm"
              minuteStep={5}
              allowClear={false}
              needConfirm={false}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="thematicEveryMonths" label={t('ruleSets.thematicEvery')}>
            <Select
              options={THEMATIC_PERIODS.map((n) => ({
                value: n,
                label: t('ruleSets.thematicEveryValue', { count: n }),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <div className="nn-field-caption">{t('ruleSets.minDuration')}</div>
      <Row gutter={12}>
        {(['regular', 'combined', 'thematic', 'other'] as const).map((k) => (
          <Col xs={12} sm={6} key={k}>
            <Form.Item name={['durations', k]} label={t(`ruleSets.durations.${k}`)}>
              <InputNumber
                {...RULE_SET_LIMITS.durationMinutes}
                precision={0}
                style={{ width: '100%' }}
                data-testid={`draft-duration-${k}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="cellCommitteeFrom" label={t('ruleSets.cellCommitteeFrom')}>
            <InputNumber {...RULE_SET_LIMITS.cellCommitteeFrom} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="cellCommitteeDaysBefore" label={t('ruleSets.cellCommitteeDaysBefore')}>
            <InputNumber
              {...RULE_SET_LIMITS.cellCommitteeDaysBefore}
              precision={0}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="thematicMode" label={t('ruleSets.thematicMode')}>
            <Select
              data-testid="draft-thematic-mode"
              options={(['combined', 'separate'] as const).map((m) => ({
                value: m,
                label: t(`ruleSets.thematicModes.${m}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="thematicDaysAfter" label={t('ruleSets.thematicDaysAfter')}>
            <InputNumber {...RULE_SET_LIMITS.thematicDaysAfter} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="unscoredAdoption" label={t('ruleSets.unscoredAdoption')}>
            <Select
              options={(['refuse', 'confirm'] as const).map((m) => ({
                value: m,
                label: t(`ruleSets.unscoredAdoptions.${m}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** Level bounds and the criteria that must be full for "Tốt". */
export function LevelFields({ base }: { base: RuleSetContent }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Card size="small" title={t('ruleSets.levels')}>
      <Row gutter={12}>
        {(['good', 'fair', 'average'] as const).map((level) => (
          <Col xs={8} key={level}>
            <Form.Item name={level} label={t(`level.${level}`)}>
              <InputNumber
                min={0}
                max={sheetTotal}
                precision={0}
                style={{ width: '100%' }}
                data-testid={`draft-level-${level}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="requiredAtMaxForGood" label={t('ruleSets.requiredAtMax')}>
        <Select
          mode="multiple"
          options={base.scoreSheet.criteria.map((c) => ({ value: c.id, label: c.label[lang] }))}
        />
      </Form.Item>
    </Card>
  );
}

/** Each criterion's maximum and the points of each of its options (labels and bounds stay). */
export function CriteriaFields({ base, sum }: { base: RuleSetContent; sum: number }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Card
      size="small"
      title={t('ruleSets.scoreSheet')}
      extra={
        <Tag color={sum === 100 ? 'green' : 'red'} data-testid="draft-sum">
          {t('ruleSets.sum', { sum })}
        </Tag>
      }
    >
      <div className="nn-card-list">
        {base.scoreSheet.criteria.map((c, i) => (
          <div key={c.id} className="nn-criterion-edit" data-testid="draft-criterion" data-id={c.id}>
            <div className="nn-criterion-edit-head">
              <div>
                <strong>{c.label[lang]}</strong>{' '}
                <Tag>{t(c.kind === 'auto' ? 'score.auto' : 'score.manual')}</Tag>
              </div>
              <div className="nn-option-edit" style={{ padding: 0 }}>
                <span>{t('ruleSets.max')}</span>
                <Form.Item name={['criteria', i, 'max']} noStyle>
                  <InputNumber
                    min={1}
                    max={sheetTotal}
                    precision={0}
                    style={{ width: 80 }}
                    aria-label={`${t('ruleSets.max')}: ${c.label[lang]}`}
                    data-testid={`draft-max-${c.id}`}
                  />
                </Form.Item>
              </div>
            </div>
            {c.options.map((o, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by their place
              <div key={j} className="nn-option-edit">
                <span className="nn-option-label">{o.label[lang]}</span>
                <Form.Item name={['criteria', i, 'options', j, 'points']} noStyle>
                  <InputNumber
                    min={0}
                    max={sheetTotal}
                    precision={0}
                    style={{ width: 80 }}
                    aria-label={o.label[lang]}
                  />
                </Form.Item>
              </div>
            ))}
          </div>
        ))}
      </div>
    </Card>
  );
}
