import { type Criterion, MEETING_KINDS, QUALITY_LEVELS } from '@nennep/core/meetings/types';
import type { RuleSetContent } from '@nennep/core/rule-set-content';
import { Card, Collapse, Descriptions, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { LEVEL_COLORS } from '../../components/meeting-tags';
import { useIsMobile } from '../../lib/use-mobile';
import { RecommendationBlock } from './rule-set-recommendations';
import { SupervisionBlock } from './rule-set-supervision';

function ScheduleBlock({ content }: { content: RuleSetContent }) {
  const { t } = useTranslation();
  const d = content.minDurationMinutes;
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        {
          key: 'window',
          label: t('ruleSets.window'),
          children: t('ruleSets.windowValue', {
            from: content.meetingWindow.fromDay,
            to: content.meetingWindow.toDay,
          }),
        },
        { key: 'start', label: t('ruleSets.defaultStartTime'), children: content.defaultStartTime },
        ...(['regular', 'combined', 'thematic', 'other'] as const).map((k) => ({
          key: k,
          label: `${t('ruleSets.minDuration')}: ${t(`ruleSets.durations.${k}`)}`,
          children: t('ruleSets.minutes', { count: d[k] }),
        })),
        {
          key: 'thematic',
          label: t('ruleSets.thematicEvery'),
          children: t('ruleSets.thematicEveryValue', { count: content.thematicEveryMonths }),
        },
        { key: 'ccFrom', label: t('ruleSets.cellCommitteeFrom'), children: content.cellCommitteeFrom },
        {
          key: 'ccBefore',
          label: t('ruleSets.cellCommitteeDaysBefore'),
          children: content.cellCommitteeDaysBefore,
        },
        {
          key: 'thematicMode',
          label: t('ruleSets.thematicMode'),
          children:
            (content.thematicMode ?? 'combined') === 'combined'
              ? t('ruleSets.thematicModes.combined')
              : `${t('ruleSets.thematicModes.separate')} (${t('ruleSets.thematicDaysAfter')}: ${content.thematicDaysAfter ?? 7})`,
        },
        {
          key: 'unscored',
          label: t('ruleSets.unscoredAdoption'),
          children: t(`ruleSets.unscoredAdoptions.${content.unscoredAdoption ?? 'refuse'}`),
        },
      ]}
    />
  );
}

function AgendaBlock({ content }: { content: RuleSetContent }) {
  const { t } = useTranslation();
  const lang = currentLang();
  return (
    <Collapse
      size="small"
      items={MEETING_KINDS.filter((k) => (content.agendaTemplates[k] ?? []).length > 0).map((kind) => ({
        key: kind,
        label: `${t(`meetingKind.${kind}`)} (${content.agendaTemplates[kind]?.length ?? 0})`,
        children: (
          <ol className="nn-agenda">
            {(content.agendaTemplates[kind] ?? []).map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: template items are identified by their place
              <li key={i}>
                <Tag>{t(`agendaSection.${item.section}`)}</Tag> {item.title[lang]}
              </li>
            ))}
          </ol>
        ),
      }))}
    />
  );
}

export function ScoreSheetTable({ content }: { content: RuleSetContent }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const lang = currentLang();
  const groupLabel = (id: string) => content.scoreSheet.groups?.find((g) => g.id === id)?.label[lang] ?? id;
  const sum = content.scoreSheet.criteria.reduce((total, c) => total + c.max, 0);
  const options = (c: Criterion) => (
    <ul className="nn-plain-list nn-small">
      {c.options.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by their place
        <li key={i}>
          {o.label[lang]}: <strong>{o.points}</strong>
        </li>
      ))}
    </ul>
  );
  const columns: TableColumnsType<Criterion> = [
    { key: 'group', title: t('ruleSets.group'), render: (_, c) => groupLabel(c.group), responsive: ['md'] },
    {
      key: 'label',
      title: t('ruleSets.criterion'),
      render: (_, c) => (
        <div>
          <div>{c.label[lang]}</div>
          {isMobile ? <div className="nn-muted nn-small">{groupLabel(c.group)}</div> : null}
          {isMobile ? options(c) : null}
        </div>
      ),
    },
    {
      key: 'kind',
      title: t('ruleSets.kind'),
      render: (_, c) => <Tag>{t(c.kind === 'auto' ? 'score.auto' : 'score.manual')}</Tag>,
      responsive: ['sm'],
    },
    { key: 'max', title: t('ruleSets.max'), dataIndex: 'max', align: 'right', width: 64 },
    { key: 'options', title: t('ruleSets.options'), render: (_, c) => options(c), responsive: ['md'] },
  ];
  return (
    <>
      <Table<Criterion>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={content.scoreSheet.criteria}
        data-testid="score-sheet-table"
      />
      <div className="nn-muted" style={{ marginTop: 8 }}>
        {t('ruleSets.sum', { sum })}
      </div>
    </>
  );
}

function LevelsBlock({ content }: { content: RuleSetContent }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const bounds = {
    good: content.levels.good,
    fair: content.levels.fair,
    average: content.levels.average,
    poor: 0,
  };
  const required = content.levels.requiredAtMaxForGood.map(
    (id) => content.scoreSheet.criteria.find((c) => c.id === id)?.label[lang] ?? id,
  );
  return (
    <div>
      <div className="nn-card-list">
        {QUALITY_LEVELS.map((level) => (
          <div key={level}>
            <Tag color={LEVEL_COLORS[level]}>{t(`level.${level}`)}</Tag>
            {level === 'poor'
              ? `< ${content.levels.average}`
              : t('ruleSets.levelFrom', { level: '', points: bounds[level] }).trim()}
          </div>
        ))}
      </div>
      {required.length > 0 ? (
        <div style={{ marginTop: 8 }}>
          {t('ruleSets.requiredAtMax')}: {required.join(', ')}
        </div>
      ) : null}
    </div>
  );
}

/** A rule set read-only: schedule, agenda templates, score sheet, levels. */
export function RuleSetView({ content }: { content: RuleSetContent }) {
  const { t } = useTranslation();
  return (
    <div className="nn-stack" data-testid="rule-set-view">
      <Card size="small" title={t('ruleSets.schedule')}>
        <ScheduleBlock content={content} />
      </Card>
      <Card size="small" title={t('ruleSets.levels')}>
        <LevelsBlock content={content} />
      </Card>
      <Card size="small" title={t('ruleSets.scoreSheet')}>
        <ScoreSheetTable content={content} />
      </Card>
      <Card size="small" title={t('ruleSets.agendaTemplates')}>
        <AgendaBlock content={content} />
      </Card>
      <Card size="small" title={t('supervision.rules.title')}>
        <SupervisionBlock content={content} />
      </Card>
      <Card size="small" title={t('recRules.title')}>
        <RecommendationBlock content={content} />
      </Card>
    </div>
  );
}
