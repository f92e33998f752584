import { EditOutlined, SendOutlined } from '@ant-design/icons';
import {
  MEETING_LIMITS,
  type MeetingDetailDto,
  type MeetingRecordDto,
} from '@nennep/core/meetings/api-types';
import { Button, Card, Empty, Flex, Form, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MemberSelect } from '../../components/member-select';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { meetingCommands, meetingKeys, meetingWrites } from './api';
import { DeleteItemButton } from './delete-item';
import { isPendingRow } from './offline-overlay';
import { useEnqueueMeetingWrite } from './queued';
import { memberOptions, type RollCall } from './roll-call';
import { canEdit } from './shared';

interface OpinionValues {
  speaker: string;
  agendaIndex: number;
  summary: string;
}

/** The item most opinions go to: the first of the content section (or the first item). */
const defaultItem = (meeting: MeetingDetailDto) => {
  const discussion = meeting.agenda.findIndex((a) => a.section === 'content');
  return Math.max(discussion, 0);
};

export function OpinionForm({
  meeting,
  record,
  roll,
}: {
  meeting: MeetingDetailDto;
  record: MeetingRecordDto;
  roll: RollCall;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<OpinionValues>();
  const [item, setItem] = useState(() => defaultItem(meeting));
  const [saving, setSaving] = useState(false);
  const enqueue = useEnqueueMeetingWrite(meeting.id);
  // Kept on the device and sent in order (issue 18); the form is ready for the next speaker at once.
  const add = async (v: OpinionValues) => {
    const memberCode = v.speaker.startsWith('m:') ? v.speaker.slice(2) : null;
    const guestName = v.speaker.startsWith('g:') ? v.speaker.slice(2) : null;
    const name = roll.lines.find((l) => l.memberCode === memberCode)?.fullName ?? guestName ?? '';
    setSaving(true);
    const write = meetingWrites.opinion(meeting.id, {
      memberCode,
      guestName,
      agendaIndex: v.agendaIndex,
      summary: v.summary.trim(),
    });
    const kept = await enqueue(write, t('meetingOffline.labelOpinion', { name }), t('opinions.saved'));
    setSaving(false);
    if (!kept) return;
    setItem(v.agendaIndex);
    form.resetFields();
    form.setFieldsValue({ agendaIndex: v.agendaIndex });
  };
  const speakers = [
    {
      label: t('opinions.member'),
      title: 'members',
      options: memberOptions(roll.lines.filter((l) => l.status !== 'attached_elsewhere')).map((o) => ({
        value: `m:${o.value}`,
        label: o.label,
      })),
    },
    ...(record.guests.length > 0
      ? [
          {
            label: t('opinions.guest'),
            title: 'guests',
            options: record.guests.map((g) => ({
              value: `g:${g.name}`,
              label: g.role ? `${g.name} (${g.role})` : g.name,
            })),
          },
        ]
      : []),
  ];
  return (
    <Form<OpinionValues>
      form={form}
      name="opinion"
      layout="vertical"
      onFinish={(v) => void add(v)}
      initialValues={{ agendaIndex: item }}
      data-testid="opinion-form"
    >
      <Form.Item
        name="speaker"
        label={t('opinions.speaker')}
        rules={[rules.requiredSelect(t('opinions.speaker'))]}
      >
        <MemberSelect
          size="large"
          options={speakers}
          placeholder={t('prepare.pickMember')}
          data-testid="opinion-speaker"
        />
      </Form.Item>
      <Form.Item
        name="agendaIndex"
        label={t('opinions.item')}
        rules={[rules.requiredSelect(t('opinions.item'))]}
      >
        <Select<number>
          size="large"
          options={meeting.agenda.map((a, i) => ({ value: i, label: `${i + 1}. ${a.title}` }))}
          data-testid="opinion-item"
          popupMatchSelectWidth
        />
      </Form.Item>
      <Form.Item name="summary" label={t('opinions.text')} rules={[rules.required(t('opinions.text'))]}>
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={MEETING_LIMITS.opinion}
          data-testid="opinion-text"
        />
      </Form.Item>
      <Button
        type="primary"
        size="large"
        htmlType="submit"
        icon={<SendOutlined />}
        loading={saving}
        block
        data-testid="opinion-submit"
      >
        {t('opinions.submit')}
      </Button>
    </Form>
  );
}

type Opinion = MeetingRecordDto['opinions'][number];

/** Rewording a mistyped opinion, or moving it to another agenda item, in place. */
function OpinionEditForm({
  meeting,
  opinion,
  onDone,
}: {
  meeting: MeetingDetailDto;
  opinion: Opinion;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ agendaIndex: number; summary: string }>();
  const save = useAction({
    mutationFn: (v: { agendaIndex: number; summary: string }) =>
      meetingCommands.editOpinion(meeting.id, opinion.id, {
        summary: v.summary.trim(),
        agendaIndex: v.agendaIndex,
      }),
    form,
    success: t('common.saved'),
    invalidate: [meetingKeys.detail(meeting.id)],
    onSuccess: onDone,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => save.mutate(v)}
      initialValues={{ agendaIndex: opinion.agendaIndex, summary: opinion.summary }}
      data-testid="opinion-edit-form"
    >
      <div className="nn-muted">{opinion.speaker}</div>
      <Form.Item name="agendaIndex" label={t('opinions.item')}>
        <Select<number>
          options={meeting.agenda.map((a, i) => ({ value: i, label: `${i + 1}. ${a.title}` }))}
          popupMatchSelectWidth
        />
      </Form.Item>
      <Form.Item name="summary" label={t('opinions.text')} rules={[rules.required(t('opinions.text'))]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={MEETING_LIMITS.opinion} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="opinion-edit-save">
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

function OpinionRow({ meeting, opinion }: { meeting: MeetingDetailDto; opinion: Opinion }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const unsent = isPendingRow(opinion);
  if (editing)
    return <OpinionEditForm meeting={meeting} opinion={opinion} onDone={() => setEditing(false)} />;
  return (
    <Flex
      className="nn-opinion"
      data-testid="opinion"
      data-unsent={unsent || undefined}
      justify="space-between"
      align="start"
      gap={4}
    >
      <div>
        <strong>{opinion.speaker}:</strong> {opinion.summary}
      </div>
      {unsent ? (
        <Tag color="orange" style={{ flexShrink: 0 }} data-testid="unsent-tag">
          {t('meetingOffline.notSent')}
        </Tag>
      ) : canEdit(meeting) ? (
        <Flex gap={2} style={{ flexShrink: 0 }}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            aria-label={t('corrections.editOpinion')}
            data-testid="opinion-edit"
          />
          <DeleteItemButton meetingId={meeting.id} kind="opinions" itemId={opinion.id} />
        </Flex>
      ) : null}
    </Flex>
  );
}

/** Opinions grouped by agenda item, in the order of the agenda. */
export function OpinionList({ meeting, record }: { meeting: MeetingDetailDto; record: MeetingRecordDto }) {
  const { t } = useTranslation();
  const speakers = new Set(record.opinions.flatMap((o) => (o.memberCode ? [o.memberCode] : []))).size;
  const groups = meeting.agenda
    .map((item, index) => ({ item, index, opinions: record.opinions.filter((o) => o.agendaIndex === index) }))
    .filter((g) => g.opinions.length > 0);
  return (
    <div data-testid="opinion-list">
      <div className="nn-muted" style={{ marginBottom: 8 }} data-testid="opinion-summary">
        {t('opinions.summary', { speakers, count: record.opinions.length })}
      </div>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('opinions.empty')} />
      ) : (
        groups.map((g) => (
          <div key={g.index} className="nn-opinion-group" data-testid="opinion-group">
            <div className="nn-opinion-item">
              {g.index + 1}. {g.item.title}
            </div>
            {g.opinions.map((o) => (
              <OpinionRow key={o.id} meeting={meeting} opinion={o} />
            ))}
          </div>
        ))
      )}
    </div>
  );
}

export function OpinionsCard({
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
  return (
    <Card size="small" title={t('opinions.title')}>
      {editable ? <OpinionForm meeting={meeting} record={record} roll={roll} /> : null}
      <div style={{ marginTop: editable ? 16 : 0 }}>
        <OpinionList meeting={meeting} record={record} />
      </div>
    </Card>
  );
}
