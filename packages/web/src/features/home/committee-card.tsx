import { RightOutlined } from '@ant-design/icons';
import type { CommitteeHomeDto } from '@nennep/core/home';
import { Card, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LevelTag } from '../../components/meeting-tags';
import { formatDate } from '../../lib/format';

function Figure({
  label,
  value,
  to,
  testId,
}: {
  label: string;
  value: ReactNode;
  to: string;
  testId: string;
}) {
  return (
    <Link to={to} className="nn-home-figure" data-testid={testId}>
      <span className="nn-home-figure-value">{value}</span>
      <span className="nn-home-figure-label">
        {label} <RightOutlined />
      </span>
    </Link>
  );
}

/**
 * A committee's month at a glance: the cells that have not met (each opens its meetings), the meetings rated
 * low, overdue recommendations and the visits due — every figure the head of its list.
 */
export function CommitteeCard({ committee }: { committee: CommitteeHomeDto }) {
  const { t } = useTranslation();
  const code = encodeURIComponent(committee.orgCode);
  const month = `${committee.month.slice(5)}/${committee.month.slice(0, 4)}`;
  return (
    <Card
      size="small"
      title={
        <Flex vertical style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <span>{committee.orgName}</span>
          <Typography.Text type="secondary">{t('homeNext.committeeMonth', { month })}</Typography.Text>
        </Flex>
      }
      data-testid="home-committee"
    >
      <Flex vertical gap={12}>
        <div className="nn-home-figures">
          <Figure
            label={t('homeNext.overdueRecs')}
            value={committee.overdueRecommendations}
            to={`/recommendations?org=${code}&overdue=true`}
            testId="home-overdue-recs"
          />
          <Figure
            label={t('homeNext.visitsSoon')}
            value={committee.visitsSoon}
            to={`/supervision?committee=${code}&tab=plan`}
            testId="home-visits-soon"
          />
          <Figure
            label={t('homeNext.reportsOverdue')}
            value={committee.reportsOverdue}
            to={`/supervision?committee=${code}&tab=coverage`}
            testId="home-reports-overdue"
          />
        </div>
        <List
          size="small"
          header={
            <Typography.Text strong>
              {t('homeNext.notMet')}:{' '}
              {t('homeNext.notMetValue', { count: committee.notMetCount, cells: committee.cells })}
            </Typography.Text>
          }
          locale={{ emptyText: t('homeNext.allMet') }}
          dataSource={committee.notMet}
          data-testid="home-not-met"
          renderItem={(cell) => (
            <List.Item>
              <Link
                to={`/meetings?org=${encodeURIComponent(cell.code)}&month=${committee.month}`}
                data-testid="home-not-met-cell"
              >
                {cell.name}
              </Link>
              <span>
                {cell.late ? <Tag color="red">{t('homeNext.late')}</Tag> : null}
                <Tag color={cell.nextDate ? 'blue' : 'orange'}>
                  {cell.nextDate
                    ? t('homeNext.planned', { date: formatDate(cell.nextDate) })
                    : t('homeNext.notPlanned')}
                </Tag>
              </span>
            </List.Item>
          )}
          footer={
            committee.notMetCount > committee.notMet.length ? (
              <Link to={`/overview?org=${code}`}>
                {t('homeNext.notMetMore', { count: committee.notMetCount - committee.notMet.length })}{' '}
                <RightOutlined />
              </Link>
            ) : null
          }
        />
        <List
          size="small"
          header={<Typography.Text strong>{t('homeNext.weak')}</Typography.Text>}
          locale={{ emptyText: t('homeNext.noWeak') }}
          dataSource={committee.weak}
          data-testid="home-weak"
          renderItem={(m) => (
            <List.Item>
              <Link to={`/meetings/${m.meetingId}`}>
                {m.name} — {formatDate(m.date)}
              </Link>
              <LevelTag level={m.level} total={m.total} />
            </List.Item>
          )}
        />
      </Flex>
    </Card>
  );
}
