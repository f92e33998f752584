import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import type { AgendaItem } from '@nennep/core/meetings/agenda';
import { type AgendaSection, MEETING_LIMITS, type MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { Button, Card, Empty, Flex, Form, Input, Select, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { apiPost } from '../../lib/api';
import { useAction } from '../../lib/use-action';
import { meetingCommands, useSetMeeting } from './api';

const SECTIONS: AgendaSection[] = ['opening', 'content', 'closing'];
const SECTION_COLORS: Record<AgendaSection, string> = { opening: 'blue', content: 'red', closing: 'green' };

interface Row extends AgendaItem {
  key: number;
}

/** Why a pre-filled item is on the agenda ("Vì sao có mục này"), under its title. */
function ItemReason({ item }: { item: AgendaItem }) {
  const { t } = useTranslation();
  if (!item.reason) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }} data-testid="agenda-reason">
      <Tag color="gold">{t('prepare.prefilled')}</Tag>
      {t('prepare.whyItem')}: {item.reason}
    </Typography.Text>
  );
}

let nextKey = 1;
const withKeys = (items: AgendaItem[]): Row[] => items.map((item) => ({ ...item, key: nextKey++ }));

export function AgendaList({ agenda }: { agenda: AgendaItem[] }) {
  const { t } = useTranslation();
  if (agenda.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prepare.agendaEmpty')} />;
  return (
    <ol className="nn-agenda" data-testid="agenda-list">
      {agenda.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are identified by their place
        <li key={i}>
          <Tag color={SECTION_COLORS[item.section]}>{t(`agendaSection.${item.section}`)}</Tag> {item.title}
          <ItemReason item={item} />
        </li>
      ))}
    </ol>
  );
}

/**
 * The agenda, from the rule set's template, edited per meeting. Once opinions point at items by their
 * place, items may be renamed but no longer moved or removed; an item added goes after the last of its
 * section (the server moves the opinions after it along).
 */
export function AgendaEditor({
  meeting,
  editable,
  opinionCount,
}: {
  meeting: MeetingDetailDto;
  editable: boolean;
  opinionCount: number;
}) {
  const { t } = useTranslation();
  const setMeeting = useSetMeeting();
  const [rows, setRows] = useState<Row[]>(() => withKeys(meeting.agenda));
  const [dirty, setDirty] = useState(false);
  const frozen = opinionCount > 0;
  const save = useAction({
    mutationFn: () =>
      meetingCommands.update(meeting.id, {
        agenda: rows
          .filter((r) => r.title.trim())
          // The chair's conclusion stays with its item when the agenda is edited.
          // So do a pre-filled item's source and reason: the server notes the ones removed as dropped.
          .map((r) => ({
            title: r.title.trim(),
            section: r.section,
            conclusion: r.conclusion,
            source: r.source,
            reason: r.reason,
          })),
      }),
    success: t('common.saved'),
    onSuccess: (m) => {
      setMeeting(m);
      setRows(withKeys(m.agenda));
      setDirty(false);
    },
  });
  // "Chuẩn bị lại chương trình": the items due added again (those dropped stay out), before the meeting.
  const reprepare = useAction({
    mutationFn: () => apiPost<{ agenda: AgendaItem[] }>(`/api/meetings/${meeting.id}/agenda/prepare`, {}),
    success: t('common.saved'),
    onSuccess: ({ agenda }) => {
      setMeeting({ ...meeting, agenda });
      setRows(withKeys(agenda));
      setDirty(false);
    },
  });
  const [adding, setAdding] = useState(false);
  const [addForm] = Form.useForm<AgendaItem>();
  // A new item goes after the last of its section (before the closing ones), on the server, which moves
  // the opinions recorded under the items after it along.
  const add = useAction({
    mutationFn: (item: AgendaItem) => meetingCommands.addAgendaItem(meeting.id, item),
    form: addForm,
    success: t('common.saved'),
    onSuccess: (m) => {
      setMeeting(m);
      setRows(withKeys(m.agenda));
      setDirty(false);
      setAdding(false);
    },
  });
  const change = (next: Row[]) => {
    setRows(next);
    setDirty(true);
  };
  const patch = (key: number, part: Partial<AgendaItem>) =>
    change(rows.map((r) => (r.key === key ? { ...r, ...part } : r)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    if (row) next.splice(index + by, 0, row);
    change(next);
  };
  if (!editable) {
    return (
      <Card size="small" title={t('prepare.agenda')}>
        <AgendaList agenda={meeting.agenda} />
      </Card>
    );
  }
  return (
    <Card size="small" title={t('prepare.agenda')} data-testid="agenda-editor">
      <div className="nn-card-list">
        {rows.map((row, index) => (
          <div key={row.key} className="nn-agenda-row" data-testid="agenda-row">
            <span className="nn-agenda-index">{index + 1}.</span>
            <div className="nn-agenda-fields">
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={row.title}
                maxLength={MEETING_LIMITS.agendaItemTitle}
                aria-label={t('prepare.agendaItem')}
                onChange={(e) => patch(row.key, { title: e.target.value })}
              />
              <ItemReason item={row} />
              <Flex gap={4} wrap align="center">
                <Select<AgendaSection>
                  size="small"
                  aria-label={t('prepare.agendaSection')}
                  value={row.section}
                  style={{ width: 120 }}
                  onChange={(section) => patch(row.key, { section })}
                  options={SECTIONS.map((s) => ({ value: s, label: t(`agendaSection.${s}`) }))}
                />
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('prepare.moveUp')}
                  disabled={frozen || index === 0}
                  onClick={() => move(index, -1)}
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('prepare.moveDown')}
                  disabled={frozen || index === rows.length - 1}
                  onClick={() => move(index, 1)}
                />
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('prepare.remove')}
                  disabled={frozen && index < meeting.agenda.length}
                  onClick={() => change(rows.filter((r) => r.key !== row.key))}
                />
              </Flex>
            </div>
          </div>
        ))}
      </div>
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button icon={<PlusOutlined />} size="large" onClick={() => setAdding(true)} data-testid="agenda-add">
          {t('prepare.addItem')}
        </Button>
        <Button
          type="primary"
          size="large"
          disabled={!dirty}
          loading={save.isPending}
          onClick={() => save.mutate(undefined)}
          data-testid="agenda-save"
        >
          {t('prepare.saveAgenda')}
        </Button>
        {meeting.startedAt ? null : (
          <Tooltip title={t('prepare.reprepareHelp')}>
            <Button
              icon={<ReloadOutlined />}
              size="large"
              disabled={dirty}
              loading={reprepare.isPending}
              onClick={() => reprepare.mutate(undefined)}
              data-testid="agenda-reprepare"
            >
              {t('prepare.reprepare')}
            </Button>
          </Tooltip>
        )}
      </Flex>
      {adding ? (
        <FormModal<AgendaItem>
          title={t('prepare.addItem')}
          form={addForm}
          initialValues={{ title: '', section: 'content' }}
          onSubmit={(v) => add.mutate(v)}
          onClose={() => setAdding(false)}
          loading={add.isPending}
          testId="agenda-add-form"
        >
          <Form.Item
            name="title"
            label={t('prepare.agendaItem')}
            rules={[{ required: true, max: MEETING_LIMITS.agendaItemTitle }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={MEETING_LIMITS.agendaItemTitle}
              data-testid="agenda-add-title"
            />
          </Form.Item>
          <Form.Item name="section" label={t('prepare.agendaSection')}>
            <Select<AgendaSection>
              options={SECTIONS.map((x) => ({ value: x, label: t(`agendaSection.${x}`) }))}
            />
          </Form.Item>
        </FormModal>
      ) : null}
    </Card>
  );
}
