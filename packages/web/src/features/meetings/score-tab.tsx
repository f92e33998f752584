import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import type { Criterion, QualityScore } from '@nennep/core/meetings/types';
import type { RuleSetContent } from '@nennep/core/rule-set-content';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { LEVEL_COLORS } from '../../components/meeting-tags';
import { Loading } from '../../components/query-state';
import { useAction } from '../../lib/use-action';
import { meetingCommands, meetingKeys, useMeetingRules, useMeetingScore } from './api';
import type { TabProps } from './shared';

/** Total and level, large: they change as the manual criteria are picked. */
export function ScoreSummary({ score }: { score: QualityScore }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={16} align="center" className="nn-score-summary">
      <div>
        <div className="nn-muted">{t('score.total')}</div>
        <div className="nn-score-total" data-testid="score-total">
          {score.total}/{score.max}
        </div>
      </div>
      <div>
        <div className="nn-muted">{t('score.level')}</div>
        <Tag
          color={LEVEL_COLORS[score.level]}
          className="nn-score-level"
          data-testid="score-level"
          data-level={score.level}
        >
          {t(`level.${score.level}`)}
        </Tag>
      </div>
    </Flex>
  );
}

/** The rule set's options, then any other whole number of points up to the maximum. */
function pointOptions(criterion: Criterion, lang: 'vi' | 'en', pointsWord: string) {
  const seen = new Set<number>();
  const options: { value: number; label: string }[] = [];
  for (const o of criterion.options) {
    if (seen.has(o.points)) continue;
    seen.add(o.points);
    options.push({ value: o.points, label: `${o.label[lang]} — ${o.points} ${pointsWord}` });
  }
  for (let p = criterion.max; p >= 0; p--) {
    if (!seen.has(p)) options.push({ value: p, label: `${p} ${pointsWord}` });
  }
  return options;
}

function groupsOf(content: RuleSetContent) {
  const ids = [...new Set(content.scoreSheet.criteria.map((c) => c.group))];
  return ids.map((id) => ({
    id,
    label: content.scoreSheet.groups?.find((g) => g.id === id)?.label ?? null,
    criteria: content.scoreSheet.criteria.filter((c) => c.group === id),
  }));
}

export function ScoreSheetView({
  content,
  score,
  manual,
  editable,
  onPick,
}: {
  content: RuleSetContent;
  score: QualityScore;
  manual: Record<string, number>;
  editable: boolean;
  onPick?: (criterionId: string, points: number) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const pointsWord = t('score.points').toLowerCase();
  return (
    <div className="nn-score-sheet" data-testid="score-sheet">
      {groupsOf(content).map((group) => (
        <div key={group.id} className="nn-score-group">
          {group.label ? <div className="nn-score-group-title">{group.label[lang]}</div> : null}
          {group.criteria.map((c) => {
            const line = score.criteria.find((s) => s.criterionId === c.id);
            return (
              <div
                key={c.id}
                className="nn-criterion"
                data-testid="criterion"
                data-id={c.id}
                data-kind={c.kind}
              >
                <Flex justify="space-between" gap={8} align="baseline">
                  <span className="nn-criterion-label">{c.label[lang]}</span>
                  <strong className="nn-criterion-points">
                    {line?.points ?? 0}/{c.max}
                  </strong>
                </Flex>
                {c.kind === 'manual' && editable ? (
                  <Select<number>
                    size="large"
                    style={{ width: '100%', marginTop: 4 }}
                    placeholder={t('score.pick')}
                    aria-label={t('score.pick')}
                    value={manual[c.id]}
                    onChange={(points) => onPick?.(c.id, points)}
                    options={pointOptions(c, lang, pointsWord)}
                    data-testid={`manual-${c.id}`}
                  />
                ) : (
                  <div className="nn-muted" style={{ fontSize: 13 }}>
                    <Tag>{t(c.kind === 'auto' ? 'score.auto' : 'score.manual')}</Tag>
                    {line?.explanation[lang]}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/** "Chấm điểm": automatic criteria with their explanation, manual ones picked; total and level live. */
export function ScoreTab({ meeting, record, editable }: TabProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rules = useMeetingRules(meeting.orgCode, meeting.date);
  const frozen = meeting.status === 'adopted' && record.score;
  const live = useMeetingScore(meeting.id, !frozen);
  const score = frozen ? record.score : live.data;
  const pick = useAction({
    mutationFn: (v: { id: string; points: number }) =>
      meetingCommands.manualScores(meeting.id, { [v.id]: v.points }),
    success: false,
    onSuccess: (next, v) => {
      queryClient.setQueryData(meetingKeys.score(meeting.id), next);
      queryClient.setQueryData<MeetingDetailDto>(meetingKeys.detail(meeting.id), (old) =>
        old?.record
          ? {
              ...old,
              record: { ...old.record, manualScores: { ...old.record.manualScores, [v.id]: v.points } },
            }
          : old,
      );
    },
  });
  if (!score || rules.isPending) return <Loading />;
  const content = rules.data?.content;
  const lang = currentLang();
  const required = (content?.levels.requiredAtMaxForGood ?? [])
    .map((id) => content?.scoreSheet.criteria.find((c) => c.id === id)?.label[lang] ?? id)
    .join(', ');
  return (
    <div className="nn-stack">
      <Card size="small" className="nn-sticky-card">
        <ScoreSummary score={score} />
      </Card>
      {required ? <div className="nn-muted">{t('score.goodNeeds', { list: required })}</div> : null}
      {frozen ? <Alert type="info" showIcon title={t('score.frozen')} /> : null}
      {content ? (
        <Card size="small">
          <ScoreSheetView
            content={content}
            score={score}
            manual={record.manualScores}
            editable={editable}
            onPick={(id, points) => pick.mutate({ id, points })}
          />
        </Card>
      ) : (
        <Alert type="warning" showIcon title={t('score.noRules')} />
      )}
    </div>
  );
}
