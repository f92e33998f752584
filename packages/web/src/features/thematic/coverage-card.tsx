import type { QualityLevel } from '@nennep/core/meetings/types';
import { Card, Empty, Flex, List, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelTag } from '../../components/meeting-tags';
import { QueryState } from '../../components/query-state';
import { type ThematicCoverageDto, useCoverage } from './api';
import { CoverageStatusTag } from './tags';

type Counts = ThematicCoverageDto['counts'];
const COUNT_KEYS: (keyof Counts)[] = [
  'cells',
  'registered',
  'pending',
  'paperShared',
  'held',
  'resolutionAdopted',
  'none',
];

function CountsRow({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} data-testid="thematic-counts">
      {COUNT_KEYS.map((key) => (
        <div
          key={key}
          style={{ padding: '2px 8px', background: '#f5f5f5', borderRadius: 6 }}
          data-testid={`thematic-count-${key}`}
          data-count={counts[key]}
        >
          <Typography.Text strong>{counts[key]}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t(`thematic.coverage.${key}`)}</Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

type CoverageCell = ThematicCoverageDto['cells'][number];

function CellLine({ cell }: { cell: CoverageCell }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="thematic-coverage-cell" data-code={cell.orgCode} data-status={cell.status}>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
          {cell.orgName}
        </Typography.Text>
        <Typography.Text type={cell.title ? undefined : 'secondary'} style={{ overflowWrap: 'anywhere' }}>
          {cell.title ?? t('thematic.coverage.noTopic')}
        </Typography.Text>
        <Flex wrap gap={8} align="center">
          <CoverageStatusTag status={cell.status} />
          <LevelTag level={cell.level as QualityLevel | null} />
          {cell.registrationId !== null ? (
            <Link to={`/thematic/registrations/${cell.registrationId}`}>{t('thematic.coverage.open')}</Link>
          ) : null}
          {cell.meetingId !== null ? (
            <Link to={`/meetings/${cell.meetingId}`} data-testid="thematic-coverage-meeting">
              {t('thematic.coverage.meeting')}
            </Link>
          ) : null}
        </Flex>
      </Flex>
    </List.Item>
  );
}

/**
 * The committee's view of a quarter (HD 12-HD/BTCTW, on sinh hoạt chuyên đề: each cell at least once a
 * quarter): the counts on top, then each cell with its topic, the step reached and the meeting's quality.
 */
export function CoverageCard({
  org,
  year,
  quarter,
  onQuarter,
}: {
  org: string;
  year: number;
  quarter: number;
  onQuarter: (quarter: number) => void;
}) {
  const { t } = useTranslation();
  const coverage = useCoverage(org, year, quarter);
  return (
    <Card size="small" title={t('thematic.coverage.title')}>
      <Flex vertical gap={12}>
        <Segmented
          block
          value={quarter}
          onChange={(q) => onQuarter(Number(q))}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('thematic.quarter', { quarter: q }) }))}
          data-testid="thematic-quarter"
        />
        <QueryState query={coverage}>
          {(data) => (
            <Flex vertical gap={8}>
              <CountsRow counts={data.counts} />
              {data.cells.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thematic.coverage.empty')} />
              ) : (
                <List
                  size="small"
                  data-testid="thematic-coverage"
                  dataSource={data.cells}
                  pagination={
                    data.cells.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false
                  }
                  renderItem={(cell) => <CellLine cell={cell} />}
                />
              )}
            </Flex>
          )}
        </QueryState>
      </Flex>
    </Card>
  );
}
