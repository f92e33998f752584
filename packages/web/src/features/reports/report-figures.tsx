import { QUALITY_LEVELS } from '@nennep/core/meetings/types';
import { Card, Progress, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEVEL_HEX } from '../../components/meeting-tags';
import { formatNumber } from '../../lib/format';
import type { ReportFigures } from './api';

const RED = { content: { color: '#cf1322' } };
const percent = (value: number | null) => (value === null ? '–' : `${formatNumber(value)}%`);
const shareOf = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : 0);

function Kpis({ f }: { f: ReportFigures }) {
  const { t } = useTranslation();
  const due = f.regular.expected - f.regular.pending;
  const r = f.recommendations;
  return (
    <div className="nn-sup-kpis" data-testid="report-kpis">
      <Card size="small">
        <Statistic title={t('reports.cells')} value={f.cells} />
      </Card>
      <Card size="small" data-testid="report-full" data-value={f.regular.fullCells}>
        <Statistic title={t('reports.fullCells')} value={f.regular.fullCells} suffix={`/ ${f.cells}`} />
        <Progress
          aria-label={t('reports.fullCells')}
          percent={shareOf(f.regular.fullCells, f.cells)}
          size="small"
          format={(value) => `${formatNumber(value ?? 0)}%`}
        />
      </Card>
      <Card size="small">
        <Statistic title={t('reports.onTime')} value={f.regular.onTime} suffix={`/ ${due}`} />
      </Card>
      <Card size="small">
        <Statistic
          title={t('reports.notHeld')}
          value={f.regular.notHeld}
          styles={f.regular.notHeld ? RED : undefined}
        />
      </Card>
      <Card size="small">
        <Statistic title={t('reports.attendance')} value={percent(f.attendancePercent)} />
      </Card>
      <Card size="small">
        <Statistic title={t('reports.speaking')} value={percent(f.speakingPercent)} />
      </Card>
      <Card size="small">
        <Statistic title={t('reports.thematic')} value={f.thematic.cells} suffix={`/ ${f.cells}`} />
        <span className="nn-muted nn-small">
          {t('reports.thematicMeetings', { count: f.thematic.meetings })}
        </span>
      </Card>
      <Card size="small">
        <Statistic title={t('reports.recommendations')} value={r.answered} suffix={`/ ${r.raised}`} />
        {r.overdue > 0 ? (
          <span className="nn-small" style={{ color: '#cf1322' }}>
            {t('reports.recommendationsOverdue', { count: r.overdue })}
          </span>
        ) : null}
      </Card>
    </div>
  );
}

function Months({ f }: { f: ReportFigures }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="month"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={f.months}
      columns={[
        {
          title: t('reports.month'),
          dataIndex: 'month',
          render: (m: string) =>
            t('reports.monthLabel', { month: Number(m.slice(5, 7)), year: m.slice(0, 4) }),
        },
        { title: t('reports.onTime'), dataIndex: 'onTime', align: 'right' },
        { title: t('reports.late'), dataIndex: 'late', align: 'right' },
        { title: t('reports.notHeld'), dataIndex: 'notHeld', align: 'right' },
        { title: t('reports.pending'), dataIndex: 'pending', align: 'right' },
      ]}
    />
  );
}

function Levels({ f }: { f: ReportFigures }) {
  const { t } = useTranslation();
  const rated = QUALITY_LEVELS.reduce((sum, l) => sum + f.levels[l], 0);
  return (
    <div className="nn-report-levels">
      {QUALITY_LEVELS.map((level) => (
        <div key={level} className="nn-report-level" data-testid={`report-level-${level}`}>
          <span>{t(`level.${level}`)}</span>
          <Progress
            aria-label={t(`level.${level}`)}
            percent={shareOf(f.levels[level], rated)}
            strokeColor={LEVEL_HEX[level]}
            format={() => `${f.levels[level]} (${formatNumber(shareOf(f.levels[level], rated))}%)`}
          />
        </div>
      ))}
    </div>
  );
}

function Supervision({ f }: { f: ReportFigures }) {
  const { t } = useTranslation();
  if (!f.supervision) return <span className="nn-muted">{t('reports.noSupervision')}</span>;
  return (
    <>
      <div className="nn-muted nn-small" style={{ marginBottom: 8 }}>
        {f.supervision.target}
      </div>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={f.supervision.periods}
        columns={[
          { title: t('reports.supervisionPeriod'), dataIndex: 'label' },
          { title: t('reports.targetCells'), dataIndex: 'targetCells', align: 'right' },
          { title: t('reports.visited'), dataIndex: 'visited', align: 'right' },
          { title: t('reports.overdue'), dataIndex: 'overdue', align: 'right' },
        ]}
      />
    </>
  );
}

function Units({ f }: { f: ReportFigures }) {
  const { t } = useTranslation();
  if (f.units.length === 0) return <span className="nn-muted">{t('reports.noUnits')}</span>;
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={f.units}
      data-testid="report-units"
      columns={[
        {
          title: f.unitKind === 'cells' ? t('reports.cell') : t('reports.unit'),
          dataIndex: 'name',
          fixed: 'left',
          width: 150,
        },
        ...(f.unitKind === 'cells'
          ? []
          : [{ title: t('reports.cells'), dataIndex: 'cells', align: 'right' as const }]),
        {
          title: t('reports.held'),
          key: 'held',
          align: 'right' as const,
          render: (_: unknown, u: ReportFigures['units'][number]) => `${u.held}/${u.expected}`,
        },
        { title: t('reports.onTime'), dataIndex: 'onTime', align: 'right' as const },
        ...QUALITY_LEVELS.map((level) => ({
          title: t(`level.${level}`),
          key: level,
          align: 'right' as const,
          render: (_: unknown, u: ReportFigures['units'][number]) => u.levels[level],
        })),
        {
          title: t('reports.attendance'),
          dataIndex: 'attendancePercent',
          align: 'right' as const,
          render: (value: number | null) => percent(value),
        },
      ]}
    />
  );
}

/** The figures of the report as cards and tables; tables scroll sideways on a phone. */
export function ReportFiguresView({ figures }: { figures: ReportFigures }) {
  const { t } = useTranslation();
  return (
    <div className="nn-stack">
      <Kpis f={figures} />
      <Card size="small" title={t('reports.byMonth')} styles={{ body: { padding: 0 } }}>
        <Months f={figures} />
      </Card>
      <Card size="small" title={t('reports.levels')}>
        <Levels f={figures} />
      </Card>
      <Card size="small" title={t('reports.supervision')}>
        <Supervision f={figures} />
      </Card>
      <Card size="small" title={t('reports.units')} styles={{ body: { padding: 0 } }}>
        <Units f={figures} />
      </Card>
    </div>
  );
}
