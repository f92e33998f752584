import { CheckCircleFilled, ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import type { DueItemsDto, ReadinessDto, SecretaryHomeDto } from '@nennep/core/home';
import { Alert, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../components/link-button';
import { formatDate } from '../../lib/format';
import { meetingLink, whenText } from './when';

function ReadinessList({ readiness }: { readiness: ReadinessDto }) {
  const { t } = useTranslation();
  // Preparation is a meeting (HD 12-HD/BTCTW): the chi ủy's, or the bí thư and phó bí thư's. Open it to hold it.
  const preparationId = readiness.preparationMeetingId;
  const items: { key: string; done: boolean; label: string; action?: ReactNode }[] = [
    { key: 'agenda', done: readiness.agenda, label: t('homeNext.ready.agenda') },
    { key: 'materials', done: readiness.materials, label: t('homeNext.ready.materials') },
    {
      key: 'preparation',
      done: readiness.preparation,
      label: t(`homeNext.ready.${readiness.preparedBy}`),
      action:
        preparationId !== null && !readiness.preparation ? (
          <LinkButton size="small" to={`/meetings/${preparationId}`} data-testid="home-open-preparation">
            {t('homeNext.openPreparation')}
          </LinkButton>
        ) : null,
    },
    { key: 'invitations', done: readiness.invitations, label: t('homeNext.ready.invitations') },
  ];
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('homeNext.readiness')}</Typography.Text>}
      dataSource={items}
      renderItem={(item) => (
        <List.Item data-testid={`home-ready-${item.key}`} data-done={item.done}>
          <Flex gap={8} align="center" style={{ width: '100%' }}>
            {item.done ? (
              <CheckCircleFilled style={{ color: '#389e0d', fontSize: 18 }} aria-label="✓" />
            ) : (
              <ClockCircleOutlined style={{ color: '#d48806', fontSize: 18 }} aria-label="…" />
            )}
            <span style={{ flex: 1 }}>{item.label}</span>
            {item.action}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function DueList({ due }: { due: DueItemsDto }) {
  const { t } = useTranslation();
  const groups: { key: string; lines: { id: string; text: string; link?: string }[] }[] = [
    {
      key: 'recognitions',
      lines: due.recognitions.map((r) => ({
        id: r.name,
        text: t('homeNext.recognition', { name: r.name, date: formatDate(r.probationEnds) }),
      })),
    },
    {
      key: 'answers',
      lines: due.answers.map((a) => ({ id: String(a.id), text: a.text, link: `/recommendations/${a.id}` })),
    },
    {
      key: 'overdueTasks',
      lines: due.overdueTasks.map((task) => ({
        id: String(task.id),
        text: t('homeNext.task', { text: task.text, date: formatDate(task.deadline) }),
      })),
    },
    {
      key: 'absentees',
      lines: due.absentees.map((a) => ({
        id: a.name,
        text: t('homeNext.absentee', { name: a.name, times: a.times }),
      })),
    },
  ].filter((g) => g.lines.length > 0);
  return (
    <div data-testid="home-due">
      <Typography.Text strong>{t('homeNext.due')}</Typography.Text>
      {groups.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('homeNext.nothingDue')}</Typography.Paragraph>
      ) : (
        groups.map((g) => (
          <div key={g.key} style={{ marginTop: 8 }} data-testid={`home-due-${g.key}`}>
            <Typography.Text>
              {t(`homeNext.${g.key}` as 'homeNext.recognitions')} <Tag>{g.lines.length}</Tag>
            </Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {g.lines.map((line) => (
                <li key={line.id}>{line.link ? <Link to={line.link}>{line.text}</Link> : line.text}</li>
              ))}
            </ul>
          </div>
        ))
      )}
    </div>
  );
}

/** A secretary's cell: the next meeting and one big button to it, what it still lacks, what is due at it. */
export function SecretaryCard({ cell, today }: { cell: SecretaryHomeDto; today: string }) {
  const { t } = useTranslation();
  const next = cell.next;
  return (
    <Card size="small" title={cell.orgName} data-testid="home-secretary">
      {next ? (
        <Flex vertical gap={12}>
          <div>
            <Typography.Text type="secondary">
              {t(next.phase === 'minutes' ? 'homeNext.minutesToFinish' : 'homeNext.nextMeeting')}
            </Typography.Text>
            <div className="nn-big-text" data-testid="home-next-meeting">
              {next.title ?? t(`meetingHeading.${next.kind}`)}
              {next.combined ? <Tag style={{ marginInlineStart: 8 }}>{t('meetings.combined')}</Tag> : null}
            </div>
            <Typography.Text>{whenText(t, next.date, next.startTime, today)}</Typography.Text>
            {next.place ? <div className="nn-muted">{next.place}</div> : null}
          </div>
          <LinkButton
            type="primary"
            block
            className="nn-huge-btn"
            to={meetingLink(next.id, next.phase, next.status)}
            data-testid="home-next-open"
          >
            {t(`homeNext.${next.phase}`)} <RightOutlined />
          </LinkButton>
          {next.phase === 'prepare' ? <ReadinessList readiness={next.readiness} /> : null}
          {next.readiness.electCommittee ? (
            <Alert
              type="warning"
              showIcon
              title={t('homeNext.electCommittee')}
              data-testid="home-elect-committee"
            />
          ) : null}
          <DueList due={cell.due} />
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homeNext.noMeeting')} />
          <LinkButton
            type="primary"
            block
            to={`/meetings?org=${encodeURIComponent(cell.orgCode)}`}
            data-testid="home-plan-meeting"
          >
            {t('homeNext.planOne')}
          </LinkButton>
          <DueList due={cell.due} />
        </Flex>
      )}
    </Card>
  );
}
