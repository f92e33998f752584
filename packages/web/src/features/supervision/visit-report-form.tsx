import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { SUPERVISION_LIMITS } from '@nennep/core/supervision/limits';
import type { VisitReportInput } from '@nennep/core/supervision/schemas';
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { LEVEL_COLORS, LevelTag } from '../../components/meeting-tags';
import { labelFor } from '../../lib/format';
import { enqueueWrite } from '../../lib/offline/queue';
import { useRules } from '../../lib/rules';
import { type VisitDetailDto, visitReportWrite, visitScope } from './api';
import { groupSheet, previewLevel } from './sheet';

interface ReportValues {
  attended: 'yes' | 'no';
  absenceReason?: string;
  points: Record<string, number | null | undefined>;
  contentNotes?: string;
  opinionNotes?: string;
  recommendations: (string | undefined)[];
  issuesForDirection?: string;
}

const text = (value: string | undefined) => value?.trim() || null;

function toInput(v: ReportValues, sheet: VisitDetailDto['sheet']): VisitReportInput {
  const attended = v.attended === 'yes';
  const points: Record<string, number> = {};
  if (attended) for (const c of sheet) points[c.id] = v.points?.[c.id] ?? 0;
  return {
    attended,
    absenceReason: attended ? null : text(v.absenceReason),
    points,
    contentNotes: attended ? text(v.contentNotes) : null,
    opinionNotes: attended ? text(v.opinionNotes) : null,
    recommendations: attended ? (v.recommendations ?? []).map((r) => r?.trim() ?? '').filter(Boolean) : [],
    issuesForDirection: attended ? text(v.issuesForDirection) : null,
  };
}

/** Total and preview level, with the cell's own score beside: it follows every point typed. Kept short,
 * since it stays on top of a phone's screen while the visitor scores. */
function RunningTotal({
  visit,
  total,
  max,
  points,
}: {
  visit: VisitDetailDto;
  total: number;
  max: number;
  points: Record<string, number | null | undefined>;
}) {
  const { t } = useTranslation();
  const level = previewLevel(total, visit.levels, visit.sheet, points);
  return (
    <Card size="small" className="nn-sticky-card nn-visit-running" data-testid="visit-running-total">
      <Flex wrap gap={8} align="center">
        <span className="nn-muted">{t('supervision.visit.total')}</span>
        <strong className="nn-visit-running-total" data-testid="visit-total">
          {total}/{max}
        </strong>
        <Tag color={LEVEL_COLORS[level]} className="nn-visit-running-level" data-level={level}>
          {t(`level.${level}`)}
        </Tag>
        <span className="nn-muted nn-small">{t('supervision.visit.level')}</span>
      </Flex>
      <div className="nn-muted nn-small">
        {visit.cellScore ? (
          <>
            {t('supervision.visit.cellScore')}:{' '}
            <LevelTag level={visit.cellScore.level} total={visit.cellScore.total} />
          </>
        ) : (
          t('supervision.visit.cellScoreNone')
        )}
      </div>
    </Card>
  );
}

/** The score sheet as number boxes, by group: 0 to each criterion's maximum. */
function SheetFields({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <div className="nn-score-sheet" data-testid="visit-sheet">
      {groupSheet(visit.sheet, visit.sheetGroups).map((group) => (
        <div key={group.id} className="nn-score-group">
          <div className="nn-score-group-title">
            {group.label?.[lang] ?? labelFor(`supervision.sheetGroup.${group.id}`, group.id)}
          </div>
          {group.criteria.map((c) => (
            <Form.Item
              key={c.id}
              name={['points', c.id]}
              label={c.label[lang]}
              rules={[{ required: true, message: t('supervision.visit.scoreRequired') }]}
              className="nn-visit-criterion"
            >
              <InputNumber
                size="large"
                min={0}
                max={c.max}
                precision={0}
                inputMode="numeric"
                suffix={`/ ${c.max}`}
                style={{ width: 160 }}
                aria-label={`${c.label[lang]} (${t('supervision.visit.maxPoints', { max: c.max })})`}
                data-testid={`visit-point-${c.id}`}
              />
            </Form.Item>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The visit report, filed once: attended or not, the score sheet, notes, recommendations, issues. */
export function VisitReportForm({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportValues>();
  const [saving, setSaving] = useState(false);
  const attended = Form.useWatch('attended', form) ?? 'yes';
  const points = Form.useWatch('points', form) ?? {};
  const total = visit.sheet.reduce((sum, c) => sum + (points[c.id] ?? 0), 0);
  const max = visit.sheet.reduce((sum, c) => sum + c.max, 0);
  // Kept on the device and sent when the network allows (issue 18); the page shows it waiting meanwhile and
  // the server's answer replaces it (visit-page.tsx). A refusal is listed by the indicator with its reason.
  const file = async (v: ReportValues) => {
    setSaving(true);
    try {
      await enqueueWrite({
        ...visitReportWrite(visit.id, toInput(v, visit.sheet)),
        scope: visitScope(visit.id),
        label: `${t('supervision.visit.report')} — ${visit.cellName}`,
      });
    } catch {
      void message.error(t('visitOffline.notKept'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<ReportValues>
      form={form}
      layout="vertical"
      initialValues={{ attended: 'yes', points: {}, recommendations: [''] }}
      onFinish={(v) => void file(v)}
      // Centred, so that the sticky total above does not hide the field in error.
      scrollToFirstError={{ block: 'center' }}
      data-testid="visit-report-form"
    >
      <div className="nn-stack">
        <Card size="small" title={t('supervision.visit.report')}>
          <Form.Item name="attended" label={t('supervision.visit.attended')}>
            <Segmented
              block
              size="large"
              className="nn-visit-attended"
              options={[
                {
                  value: 'yes',
                  label: <span data-testid="visit-attended-yes">{t('supervision.visit.attendedYes')}</span>,
                },
                {
                  value: 'no',
                  label: <span data-testid="visit-attended-no">{t('supervision.visit.attendedNo')}</span>,
                },
              ]}
            />
          </Form.Item>
          {attended === 'no' ? (
            <Form.Item
              name="absenceReason"
              label={t('supervision.visit.absenceReason')}
              rules={[rules.required(t('supervision.visit.absenceReason'))]}
            >
              <Input.TextArea
                rows={3}
                maxLength={SUPERVISION_LIMITS.reason}
                data-testid="visit-absence-reason"
              />
            </Form.Item>
          ) : null}
        </Card>
        {attended === 'yes' ? (
          <>
            <RunningTotal visit={visit} total={total} max={max} points={points} />
            <Card size="small" title={t('supervision.visit.sheet')}>
              <p className="nn-muted" style={{ marginTop: 0 }}>
                {t('supervision.visit.sheetHelp')}{' '}
                {t('supervision.visit.levelBounds', {
                  good: visit.levels.good,
                  fair: visit.levels.fair,
                  average: visit.levels.average,
                })}{' '}
                {t('supervision.visit.levelHelp')}
              </p>
              <SheetFields visit={visit} />
            </Card>
            <Card size="small">
              <Form.Item name="contentNotes" label={t('supervision.visit.contentNotes')}>
                <Input.TextArea
                  rows={4}
                  maxLength={SUPERVISION_LIMITS.notes}
                  data-testid="visit-content-notes"
                />
              </Form.Item>
              <Form.Item name="opinionNotes" label={t('supervision.visit.opinionNotes')}>
                <Input.TextArea
                  rows={3}
                  maxLength={SUPERVISION_LIMITS.notes}
                  data-testid="visit-opinion-notes"
                />
              </Form.Item>
              <div className="nn-field-caption">{t('supervision.visit.recommendations')}</div>
              <Form.List name="recommendations">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <Flex key={field.key} gap={6} align="start">
                        <Form.Item name={field.name} style={{ flex: 1, marginBottom: 8 }}>
                          <Input.TextArea
                            autoSize={{ minRows: 1, maxRows: 4 }}
                            maxLength={SUPERVISION_LIMITS.recommendation}
                            placeholder={t('supervision.visit.recommendation', { n: i + 1 })}
                            data-testid={`visit-recommendation-${i}`}
                          />
                        </Form.Item>
                        <Button
                          size="large"
                          icon={<DeleteOutlined />}
                          aria-label={t('common.cancel')}
                          onClick={() => remove(field.name)}
                        />
                      </Flex>
                    ))}
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => add('')}
                      style={{ marginBottom: 16 }}
                      data-testid="visit-add-recommendation"
                    >
                      {t('supervision.visit.addRecommendation')}
                    </Button>
                  </>
                )}
              </Form.List>
              <Form.Item name="issuesForDirection" label={t('supervision.visit.issues')}>
                <Input.TextArea rows={3} maxLength={SUPERVISION_LIMITS.notes} data-testid="visit-issues" />
              </Form.Item>
            </Card>
          </>
        ) : null}
        <Popconfirm
          title={t('supervision.visit.submitConfirm')}
          okText={t('supervision.visit.submit')}
          cancelText={t('common.cancel')}
          onConfirm={() => form.submit()}
          okButtonProps={{ size: 'large', 'data-testid': 'visit-submit-confirm' }}
          cancelButtonProps={{ size: 'large' }}
        >
          <Button
            type="primary"
            size="large"
            block
            className="nn-huge-btn"
            icon={<SendOutlined />}
            loading={saving}
            data-testid="visit-submit"
          >
            {t('supervision.visit.submit')}
          </Button>
        </Popconfirm>
      </div>
    </Form>
  );
}
