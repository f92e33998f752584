import { CELL_KINDS } from '@nennep/core/orgs/types';
import { quarterOf } from '@nennep/core/thematic/rules';
import { SESSION_LIMITS } from '@nennep/core/thematic/session-types';
import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  type FormInstance,
  Input,
  List,
  Select,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { ItemList } from '../../components/item-list';
import { MemberSelect } from '../../components/member-select';
import { OrgSelect } from '../../components/org-select';
import { QueryState } from '../../components/query-state';
import { DATE_FORMAT, formatDate, toIsoDay } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { todayIso, useTopics } from './api';
import { useCellMemberOptions } from './presenters';
import { type SessionStatus, sessionCommands, sessionKeys, useThematicSessions } from './session-api';

const COLORS: Record<SessionStatus, string> = { preparing: 'blue', consulting: 'gold', issued: 'green' };

interface PaperValues {
  orgCode?: string;
  title?: string;
  presenterCodes?: string[];
}

interface SessionValues {
  title: string;
  topicId?: number;
  date: Dayjs;
  time: string;
  place: string;
  papers?: PaperValues[];
}

/** One cell's paper in the form: the cell (searched), the paper's title, the members of that cell who prepare it. */
function PaperFields({
  form,
  name,
  onRemove,
}: {
  form: FormInstance<SessionValues>;
  name: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const cell = Form.useWatch(['papers', name, 'orgCode'], form) as string | undefined;
  const { options, loading } = useCellMemberOptions(cell ?? '');
  return (
    <Card size="small" data-testid="session-create-paper">
      <Form.Item
        name={[name, 'orgCode']}
        label={t('thematicSession.create.cell')}
        rules={[rules.requiredSelect(t('thematicSession.create.cell'))]}
      >
        <OrgSelect kinds={CELL_KINDS} data-testid="session-create-paper-cell" />
      </Form.Item>
      <Form.Item
        name={[name, 'title']}
        label={t('thematicSession.create.paperTitle')}
        rules={[rules.required(t('thematicSession.create.paperTitle'))]}
      >
        <Input maxLength={THEMATIC_LIMITS.title} data-testid="session-create-paper-title" />
      </Form.Item>
      <Form.Item
        name={[name, 'presenterCodes']}
        label={t('thematicSession.create.presenters')}
        rules={[rules.requiredSelect(t('thematicSession.create.presenters'))]}
      >
        <MemberSelect<string[]>
          mode="multiple"
          maxCount={THEMATIC_LIMITS.presenters}
          options={cell ? options : []}
          loading={!!cell && loading}
          disabled={!cell}
          data-testid="session-create-paper-presenters"
        />
      </Form.Item>
      <Button size="small" danger onClick={onRemove}>
        {t('thematicSession.create.removePaper')}
      </Button>
    </Card>
  );
}

/**
 * "Tạo hội nghị chuyên đề": the committee's session (seed 004) with its title, one of its published topics
 * (optional), the day (its quarter follows from it), time, place, and the cells' papers (tham luận).
 */
function CreateSessionModal({ org, year, onClose }: { org: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<SessionValues>();
  const topics = useTopics(org, year);
  const own = (topics.data?.items ?? []).filter((x) => x.orgCode === org && x.status === 'published');
  const today = todayIso();
  const create = useAction({
    form,
    mutationFn: (v: SessionValues) => {
      const date = toIsoDay(v.date) ?? '';
      return sessionCommands.create({
        committeeCode: org,
        title: v.title.trim(),
        ...(v.topicId === undefined ? {} : { topicId: v.topicId }),
        date,
        time: v.time.trim(),
        place: v.place.trim(),
        year: Number(date.slice(0, 4)),
        quarter: quarterOf(date),
        papers: (v.papers ?? []).map((p) => ({
          orgCode: p.orgCode ?? '',
          title: p.title?.trim() ?? '',
          presenterCodes: p.presenterCodes ?? [],
        })),
      });
    },
    success: t('thematicSession.create.done'),
    invalidate: [sessionKeys.all],
    onSuccess: onClose,
  });
  const first = dayjs(today).year() === year ? dayjs(today) : dayjs(`${year}-01-01`);
  return (
    <FormModal<SessionValues>
      title={t('thematicSession.create.title', { year })}
      form={form}
      onSubmit={(v) => create.mutate(v)}
      onClose={onClose}
      loading={create.isPending}
      testId="session-create-form"
      initialValues={{ date: first, time: '08:00', papers: [] }}
    >
      <Form.Item
        name="title"
        label={t('thematicSession.create.name')}
        rules={[rules.required(t('thematicSession.create.name'))]}
      >
        <Input size="large" maxLength={SESSION_LIMITS.title} data-testid="session-create-title" />
      </Form.Item>
      <Form.Item
        name="topicId"
        label={t('thematicSession.create.topic')}
        extra={t('thematicSession.create.topicHint')}
      >
        <Select
          size="large"
          allowClear
          loading={topics.isPending}
          options={own.map((x) => ({ value: x.id, label: x.title }))}
          optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
          data-testid="session-create-topic"
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={t('thematicSession.create.date')}
        rules={[rules.requiredSelect(t('thematicSession.create.date'))]}
      >
        <DatePicker
          size="large"
          format={DATE_FORMAT}
          style={{ width: '100%' }}
          disabledDate={(d) => d.isBefore(dayjs(today), 'day') || d.year() !== year}
          data-testid="session-create-date"
        />
      </Form.Item>
      <Form.Item
        name="time"
        label={t('thematicSession.create.time')}
        rules={[
          rules.required(t('thematicSession.create.time')),
          { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t('thematicSession.create.timeFormat') },
        ]}
      >
        <Input size="large" inputMode="numeric" placeholder="08:00" data-testid="session-create-time" />
      </Form.Item>
      <Form.Item
        name="place"
        label={t('thematicSession.create.place')}
        rules={[rules.required(t('thematicSession.create.place'))]}
      >
        <Input size="large" maxLength={SESSION_LIMITS.place} data-testid="session-create-place" />
      </Form.Item>
      <Form.List name="papers">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 16 }}>
            <Typography.Text strong>{t('thematicSession.create.papers')}</Typography.Text>
            {fields.map((f) => (
              <PaperFields key={f.key} form={form} name={f.name} onRemove={() => remove(f.name)} />
            ))}
            <Button onClick={() => add({ presenterCodes: [] })} data-testid="session-create-add-paper">
              {t('thematicSession.create.addPaper')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}

/**
 * The committee-wide thematic sessions of the year the node takes part in (seed 004; HD 12-HD/BTCTW
 * (06/7/2018), on sinh hoạt chuyên đề), each a link to its page; "Tạo hội nghị chuyên đề" when the server says
 * the actor may create one here.
 */
export function SessionsCard({ org, year }: { org: string; year: number }) {
  const { t } = useTranslation();
  const sessions = useThematicSessions(org, year);
  const [creating, setCreating] = useState(false);
  return (
    <Card
      size="small"
      title={t('thematicSession.list.title', { year })}
      extra={
        sessions.data?.abilities.create ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="session-create">
            {t('thematicSession.create.open')}
          </Button>
        ) : null
      }
    >
      <QueryState query={sessions}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thematicSession.list.empty')} />
          ) : (
            <ItemList size="small" data-testid="thematic-sessions">
              {data.items.map((s) => (
                <List.Item key={s.id} data-testid="thematic-session" data-id={s.id} data-status={s.status}>
                  <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                    <Link to={`/thematic/sessions/${s.id}`} style={{ overflowWrap: 'anywhere' }}>
                      {s.title}
                    </Link>
                    <Typography.Text type="secondary">
                      {formatDate(s.date)} · {s.time} · {s.orgName}
                    </Typography.Text>
                    <Flex wrap gap={8} align="center">
                      <Tag color={COLORS[s.status]}>{t(`thematicSession.status.${s.status}`)}</Tag>
                      <Typography.Text type="secondary">
                        {t('thematicSession.list.papers', { count: s.papers })}
                      </Typography.Text>
                    </Flex>
                  </Flex>
                </List.Item>
              ))}
            </ItemList>
          )
        }
      </QueryState>
      {creating ? <CreateSessionModal org={org} year={year} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
