import { RightOutlined } from '@ant-design/icons';
import { QUALITY_LEVELS } from '@nennep/core/meetings/types';
import { Card, Empty, Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVEL_TEXT_HEX } from '../../components/meeting-tags';
import { formatNumber } from '../../lib/format';
import type { QualityLine } from './api';

const percent = (value: number | null) => (value === null ? '—' : `${formatNumber(value)}%`);
const score = (value: number | null) => (value === null ? '—' : formatNumber(value));

const lineProps = (line: QualityLine) =>
  ({
    'data-testid': 'overview-child',
    'data-code': line.orgCode,
  }) as HTMLAttributes<HTMLElement>;

interface Props {
  lines: QualityLine[];
  /** Opens the overview of a child node (drill down). */
  onDrill: (code: string) => void;
}

/** Desktop: one row per child node with its cells' figures; a row with cells under it drills down. */
export function ChildrenTable({ lines, onDrill }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<QualityLine> = [
    {
      title: t('overview.unit'),
      key: 'name',
      render: (_, line) =>
        line.drill ? (
          <a
            href={`?org=${encodeURIComponent(line.orgCode)}`}
            onClick={(event) => {
              event.preventDefault();
              onDrill(line.orgCode);
            }}
          >
            {line.orgName}
          </a>
        ) : (
          line.orgName
        ),
    },
    { title: t('overview.cells'), dataIndex: 'cells', align: 'right' },
    { title: t('overview.onTime'), dataIndex: 'onTime', align: 'right' },
    { title: t('overview.late'), dataIndex: 'late', align: 'right' },
    { title: t('overview.notHeld'), dataIndex: 'notHeld', align: 'right' },
    ...QUALITY_LEVELS.map((level) => ({
      title: <span style={{ color: LEVEL_TEXT_HEX[level] }}>{t(`level.${level}`)}</span>,
      key: level,
      align: 'right' as const,
      render: (_: unknown, line: QualityLine) => line.byLevel[level],
    })),
    {
      title: t('overview.meanScore'),
      key: 'mean',
      align: 'right',
      render: (_, line) => score(line.meanScore),
    },
    {
      title: t('overview.attendance'),
      key: 'attendance',
      align: 'right',
      render: (_, line) => percent(line.attendancePercent),
    },
  ];
  return (
    <Table<QualityLine>
      rowKey="orgCode"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={lines.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty description={t('overview.empty')} /> }}
      onRow={(line) => ({
        ...lineProps(line),
        className: line.drill ? 'nn-ov-row-link' : undefined,
        onClick: (event) => {
          if (!line.drill || (event.target as HTMLElement).closest('a')) return;
          onDrill(line.orgCode);
        },
      })}
    />
  );
}

/** Phones: one card per child node; tapping one with cells under it drills down. */
export function ChildrenCards({ lines, onDrill }: Props) {
  const { t } = useTranslation();
  if (lines.length === 0) return <Empty description={t('overview.empty')} />;
  return (
    <div className="nn-card-list">
      {lines.map((line) => (
        <Card
          size="small"
          key={line.orgCode}
          {...lineProps(line)}
          className={line.drill ? 'nn-ov-row-link' : undefined}
          onClick={line.drill ? () => onDrill(line.orgCode) : undefined}
        >
          <div className="nn-ov-card-head">
            <div className="nn-ov-card-name">{line.orgName}</div>
            {line.drill ? <RightOutlined /> : null}
          </div>
          <div className="nn-ov-card-meta">
            <span>
              {t('overview.cells')}: {line.cells}
            </span>
            <span style={{ color: '#237804' }}>
              {t('overview.onTime')}: {line.onTime}
            </span>
            <span style={{ color: '#ad4e00' }}>
              {t('overview.late')}: {line.late}
            </span>
            <span style={{ color: '#a8071a' }}>
              {t('overview.notHeld')}: {line.notHeld}
            </span>
          </div>
          <div className="nn-ov-card-meta">
            {QUALITY_LEVELS.map((level) => (
              <span key={level} style={{ color: LEVEL_TEXT_HEX[level] }}>
                {t(`level.${level}`)}: {line.byLevel[level]}
              </span>
            ))}
            <span>
              {t('overview.meanScore')}: {score(line.meanScore)}
            </span>
            <span>
              {t('overview.attendance')}: {percent(line.attendancePercent)}
            </span>
          </div>
        </Card>
      ))}
    </div>
  );
}
