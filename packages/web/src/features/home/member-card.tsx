import { FileTextOutlined, RightOutlined, SendOutlined } from '@ant-design/icons';
import type { MemberHomeDto } from '@nennep/core/home';
import type { RecommendationStatus } from '@nennep/core/recommendations/types';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { materialUrl } from '../meetings/api';
import { RecStatusTag } from '../recommendations/recommendation-tags';
import { RaiseRecommendationModal } from './raise-recommendation';
import { whenText } from './when';

/** A member's cell: the next meeting and its materials, my tasks, my recommendations — and sending one. */
export function MemberCard({
  member,
  today,
  withMeeting = true,
}: {
  member: MemberHomeDto;
  today: string;
  withMeeting?: boolean;
}) {
  const { t } = useTranslation();
  const [raising, setRaising] = useState(false);
  const next = member.next;
  return (
    <Card size="small" title={`${t('homeNext.memberTitle')}: ${member.orgName}`} data-testid="home-member">
      <Flex vertical gap={12}>
        {!withMeeting ? null : next ? (
          <div data-testid="home-member-meeting">
            <Typography.Text type="secondary">{t('homeNext.nextMeeting')}</Typography.Text>
            <div className="nn-big-text">
              <Link to={`/meetings/${next.id}`}>{next.title ?? t(`meetingHeading.${next.kind}`)}</Link>
            </div>
            <Typography.Text>{whenText(t, next.date, next.startTime, today)}</Typography.Text>
            {next.place ? <div className="nn-muted">{next.place}</div> : null}
            {next.reply === 'confirm' || next.reply === 'excuse' ? (
              <Tag color={next.reply === 'confirm' ? 'green' : 'orange'}>
                {t(`homeNext.replied.${next.reply}`)}
              </Tag>
            ) : null}
            <div style={{ marginTop: 8 }}>
              <Typography.Text strong>{t('homeNext.materials')}</Typography.Text>
              {next.materials.length === 0 ? (
                <div className="nn-muted">{t('homeNext.noMaterials')}</div>
              ) : (
                next.materials.map((m) => (
                  <div key={m.id}>
                    <a href={materialUrl(next.id, m.id)}>
                      <FileTextOutlined /> {m.name}
                    </a>
                  </div>
                ))
              )}
            </div>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('homeNext.noMeeting')}</Typography.Text>
        )}
        <List
          size="small"
          header={<Typography.Text strong>{t('homeNext.myTasks')}</Typography.Text>}
          locale={{ emptyText: t('homeNext.noTasks') }}
          dataSource={member.tasks}
          data-testid="home-member-tasks"
          renderItem={(task) => (
            <List.Item>
              <span>
                {task.text}
                {task.deadline ? <span className="nn-muted"> — {formatDate(task.deadline)}</span> : null}{' '}
                {task.overdue ? <Tag color="red">{t('homeNext.overdue')}</Tag> : null}
              </span>
            </List.Item>
          )}
        />
        <List
          size="small"
          header={<Typography.Text strong>{t('homeNext.myRecs')}</Typography.Text>}
          locale={{ emptyText: t('homeNext.noRecs') }}
          dataSource={member.recommendations}
          data-testid="home-member-recs"
          renderItem={(rec) => (
            <List.Item>
              <Link to={`/recommendations/${rec.id}`} style={{ flex: 1 }}>
                {rec.text}
              </Link>
              <RecStatusTag status={rec.status as RecommendationStatus} />
            </List.Item>
          )}
        />
        <Flex wrap gap={12} align="center">
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => setRaising(true)}
            data-testid="home-raise"
          >
            {t('homeNext.raise')}
          </Button>
          {member.recommendationCount > 0 ? (
            <Link to="/recommendations?tab=mine" data-testid="home-rec-mine-all">
              {t('homeNext.allMine', { count: member.recommendationCount })} <RightOutlined />
            </Link>
          ) : null}
        </Flex>
      </Flex>
      {raising ? (
        <RaiseRecommendationModal
          cell={{ code: member.orgCode, name: member.orgName }}
          onClose={() => setRaising(false)}
        />
      ) : null}
    </Card>
  );
}
