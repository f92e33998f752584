import { PlusOutlined } from '@ant-design/icons';
import {
  MEETING_LIMITS,
  type MeetingDetailDto,
  type MeetingRecordDto,
  TASK_STATUSES,
  type TaskStatus,
} from '@nennep/core/meetings/api-types';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberSelect } from '../../components/member-select';
import { DATE_FORMAT, formatDate, toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { meetingCommands, meetingKeys, meetingWrites } from './api';
import { DeleteItemButton } from './delete-item';
import { isPendingRow } from './offline-overlay';
import { useEnqueueMeetingWrite } from './queued';
import { memberOptions, type RollCall } from './roll-call';
import { canEdit } from './shared';

const STATUS_COLORS: Record<TaskStatus, string> = { open: 'blue', done: 'green', dropped: 'default' };

interface TaskValues {
  memberCode?: string;
  text: string;
  deadline?: Dayjs | null;
}

/**
 * Tasks assigned at the meeting. Their status is followed afterwards (the next meeting scores the share
 * done), so the cell's runners may update it even once the minutes are locked: it is not part of them.
 */
export function TasksCard({
  meeting,
  record,
  editable,
  roll,
}: {
  meeting: MeetingDetailDto;
  record: MeetingRecordDto;
  editable: boolean;
  roll: RollCall;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<TaskValues>();
  const canFollow = meeting.abilities.run || meeting.abilities.addendum;
  const refresh = [meetingKeys.detail(meeting.id)];
  const [saving, setSaving] = useState(false);
  const enqueue = useEnqueueMeetingWrite(meeting.id);
  // Kept on the device and sent in order (issue 18); the form empties at once.
  const add = async (v: TaskValues) => {
    setSaving(true);
    const text = v.text.trim();
    const write = meetingWrites.task(meeting.id, {
      memberCode: v.memberCode ?? null,
      text,
      deadline: toIsoDay(v.deadline) ?? null,
    });
    const kept = await enqueue(write, t('meetingOffline.labelTask', { text }), t('common.saved'));
    setSaving(false);
    if (kept) form.resetFields();
  };
  const follow = useAction({
    mutationFn: (v: { id: number; status: TaskStatus }) => meetingCommands.taskStatus(v.id, v.status),
    success: t('common.saved'),
    invalidate: refresh,
  });
  return (
    <Card size="small" title={t('tasks.title')}>
      {record.tasks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />
      ) : (
        <div className="nn-card-list" data-testid="task-list">
          {record.tasks.map((task) => (
            <div
              key={task.id}
              className="nn-task"
              data-testid="task-row"
              data-unsent={isPendingRow(task) || undefined}
            >
              <Flex justify="space-between" align="start" gap={4}>
                <div>{task.text}</div>
                {isPendingRow(task) ? (
                  <Tag color="orange" data-testid="unsent-tag">
                    {t('meetingOffline.notSent')}
                  </Tag>
                ) : canEdit(meeting) ? (
                  <DeleteItemButton meetingId={meeting.id} kind="tasks" itemId={task.id} />
                ) : null}
              </Flex>
              <Flex wrap gap={8} align="center" justify="space-between">
                <span className="nn-muted">
                  {task.member ?? t('tasks.cell')}
                  {task.deadline ? ` · ${t('tasks.deadline')}: ${formatDate(task.deadline)}` : ''}
                </span>
                {canFollow && !isPendingRow(task) ? (
                  <Select<TaskStatus>
                    size="small"
                    value={task.status}
                    style={{ minWidth: 150 }}
                    aria-label={t('tasks.status')}
                    onChange={(status) => follow.mutate({ id: task.id, status })}
                    options={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
                  />
                ) : (
                  <Tag color={STATUS_COLORS[task.status]}>{t(`taskStatus.${task.status}`)}</Tag>
                )}
              </Flex>
            </div>
          ))}
        </div>
      )}
      {editable ? (
        <Form<TaskValues>
          form={form}
          name="task"
          layout="vertical"
          onFinish={(v) => void add(v)}
          style={{ marginTop: 16 }}
          data-testid="task-form"
        >
          <Form.Item name="memberCode" label={t('tasks.member')}>
            <MemberSelect
              size="large"
              allowClear
              placeholder={t('tasks.cell')}
              options={memberOptions(roll.lines)}
            />
          </Form.Item>
          <Form.Item name="text" label={t('tasks.text')} rules={[rules.required(t('tasks.text'))]}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={MEETING_LIMITS.task}
              data-testid="task-text"
            />
          </Form.Item>
          <Form.Item name="deadline" label={t('tasks.deadline')}>
            <DatePicker format={DATE_FORMAT} size="large" style={{ width: '100%', maxWidth: 260 }} />
          </Form.Item>
          <Button
            size="large"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={saving}
            data-testid="task-submit"
          >
            {t('tasks.add')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
