import { CheckOutlined } from '@ant-design/icons';
import type { TaskStatus } from '@nennep/core/meetings/api-types';
import { Button, Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { inboxCommands, inboxKeys, useMyTasks } from './api';

const STATUS_COLORS: Record<TaskStatus, string> = { open: 'blue', done: 'green', dropped: 'default' };

/** "Nhiệm vụ của tôi": what the member was given at meetings; an open one can be marked done. */
export function MyTasksCard() {
  const { t } = useTranslation();
  const tasks = useMyTasks();
  const done = useAction({
    mutationFn: inboxCommands.taskDone,
    success: t('myTasks.marked'),
    invalidate: [inboxKeys.tasks, ['meetings']],
  });
  const items = tasks.data ?? [];
  return (
    <Card size="small" title={t('myTasks.title')} loading={tasks.isPending}>
      {tasks.error && !tasks.data ? (
        <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myTasks.empty')} />
      ) : (
        items.map((task) => (
          <div key={task.id} className="nn-inbox-task" data-testid="my-task" data-status={task.status}>
            <div className="nn-inbox-task-text">
              <div>{task.text}</div>
              <div className="nn-inbox-when">
                {task.deadline
                  ? t('myTasks.deadline', { date: formatDate(task.deadline) })
                  : t('myTasks.noDeadline')}
                {' · '}
                <Link to={`/meetings/${task.meetingId}`}>
                  {t('myTasks.fromMeeting', { date: formatDate(task.meetingDate) })}
                </Link>
              </div>
            </div>
            {task.status === 'open' ? (
              <Button
                size="small"
                icon={<CheckOutlined />}
                loading={done.isPending && done.variables === task.id}
                onClick={() => done.mutate(task.id)}
                data-testid="my-task-done"
              >
                {t('myTasks.markDone')}
              </Button>
            ) : (
              <Tag color={STATUS_COLORS[task.status]}>{t(`taskStatus.${task.status}`)}</Tag>
            )}
          </div>
        ))
      )}
    </Card>
  );
}
