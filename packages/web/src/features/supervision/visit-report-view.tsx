import { RightOutlined } from '@ant-design/icons';
import { SUPERVISION_LIMITS } from '@nennep/core/supervision/limits';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, Form, Input, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLang } from '../../app/i18n';
import { LevelTag } from '../../components/meeting-tags';
import { formatDateTime, labelFor } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { supervisionCommands, supervisionKeys, type VisitDetailDto, type VisitReportDto } from './api';
import { groupSheet } from './sheet';

/** The visitor's points per criterion, in the sheet's groups. */
function ScoreTable({ visit, report }: { visit: VisitDetailDto; report: VisitReportDto }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const score = report.score;
  if (!score) return null;
  const pointsOf = new Map(score.criteria.map((c) => [c.criterionId, c]));
  return (
    <div className="nn-score-sheet" data-testid="visit-report-score">
      {groupSheet(visit.sheet, visit.sheetGroups).map((group) => (
        <div key={group.id} className="nn-score-group">
          <div className="nn-score-group-title">
            {group.label?.[lang] ?? labelFor(`supervision.sheetGroup.${group.id}`, group.id)}
          </div>
          {group.criteria.map((c) => (
            <Flex
              key={c.id}
              justify="space-between"
              gap={8}
              className="nn-criterion"
              data-testid="report-criterion"
            >
              <span>{c.label[lang]}</span>
              <strong>
                {pointsOf.get(c.id)?.points ?? '—'}/{c.max}
              </strong>
            </Flex>
          ))}
        </div>
      ))}
      <Flex wrap gap={16} align="center" style={{ marginTop: 12 }}>
        <div>
          <div className="nn-muted">{t('supervision.visit.total')}</div>
          <div className="nn-score-total" data-testid="visit-report-total">
            {score.total}/{score.max}
          </div>
        </div>
        <div>
          <div className="nn-muted">{t('score.level')}</div>
          <span data-testid="visit-report-level" data-level={score.level}>
            <LevelTag level={score.level} />
          </span>
        </div>
        <div>
          <div className="nn-muted">{t('supervision.visit.cellScore')}</div>
          {visit.cellScore ? (
            <LevelTag level={visit.cellScore.level} total={visit.cellScore.total} />
          ) : (
            <span className="nn-muted">{t('supervision.visit.cellScoreNone')}</span>
          )}
        </div>
      </Flex>
    </div>
  );
}

function AddendumForm({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const add = useAction({
    mutationFn: (v: { text: string }) => supervisionCommands.addAddendum(visit.id, v.text.trim()),
    form,
    success: t('supervision.visit.addendumSaved'),
    onSuccess: (detail) => {
      queryClient.setQueryData(supervisionKeys.visit(visit.id), detail);
      form.resetFields();
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} data-testid="addendum-form">
      <Form.Item
        name="text"
        label={t('supervision.visit.addendum')}
        rules={[rules.required(t('supervision.visit.addendumText'))]}
      >
        <Input.TextArea rows={3} maxLength={SUPERVISION_LIMITS.addendum} data-testid="addendum-text" />
      </Form.Item>
      <Button htmlType="submit" size="large" loading={add.isPending} data-testid="addendum-save">
        {t('supervision.visit.addendumSave')}
      </Button>
    </Form>
  );
}

/** A filed report, read-only: the score beside the cell's own, notes, recommendations, addenda. */
export function VisitReportView({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  const report = visit.report;
  if (!report) return null;
  const none = <span className="nn-muted">{t('supervision.visit.none')}</span>;
  return (
    <div className="nn-stack" data-testid="visit-report">
      <Card
        size="small"
        title={t('supervision.visit.filed')}
        extra={<span className="nn-muted nn-small">{formatDateTime(report.submittedAt)}</span>}
      >
        <div className="nn-muted" style={{ marginBottom: 8 }}>
          {t('supervision.visit.filedBy', { at: formatDateTime(report.submittedAt), by: report.submittedBy })}
        </div>
        {report.attended ? (
          <ScoreTable visit={visit} report={report} />
        ) : (
          <div data-testid="visit-report-missed">
            <strong>{t('supervision.visit.notAttended')}</strong>
            <div>{report.absenceReason}</div>
          </div>
        )}
      </Card>
      {report.attended ? (
        <Card size="small">
          <Descriptions
            column={1}
            layout="vertical"
            size="small"
            items={[
              {
                key: 'content',
                label: t('supervision.visit.contentNotes'),
                children: <div className="nn-pre">{report.contentNotes || none}</div>,
              },
              {
                key: 'opinion',
                label: t('supervision.visit.opinionNotes'),
                children: <div className="nn-pre">{report.opinionNotes || none}</div>,
              },
              {
                key: 'recommendations',
                label: t('supervision.visit.recommendations'),
                children:
                  report.recommendations.length === 0 ? (
                    none
                  ) : (
                    <>
                      <ol className="nn-agenda" data-testid="visit-report-recommendations">
                        {report.recommendations.map((r, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: recommendations are identified by their place
                          <li key={i}>{r}</li>
                        ))}
                      </ol>
                      {/* The server follows each one as a recommendation of the cell (source: visit). */}
                      <Link
                        to={`/recommendations?tab=all&org=${encodeURIComponent(visit.cellCode)}`}
                        data-testid="visit-follow-recommendations"
                      >
                        {t('supervision.visit.followRecommendations')} <RightOutlined />
                      </Link>
                    </>
                  ),
              },
              {
                key: 'issues',
                label: t('supervision.visit.issues'),
                children: <div className="nn-pre">{report.issuesForDirection || none}</div>,
              },
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('supervision.visit.addenda')}>
        {report.addenda.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.visit.none')} />
        ) : (
          <Timeline
            items={report.addenda.map((a, i) => ({
              key: i,
              content: (
                <div data-testid="visit-addendum">
                  <div className="nn-muted nn-small">
                    {formatDateTime(a.at)} — {a.by}
                  </div>
                  <div className="nn-pre">{a.text}</div>
                </div>
              ),
            }))}
          />
        )}
        {visit.abilities.addendum ? <AddendumForm visit={visit} /> : null}
      </Card>
    </div>
  );
}
