import { ORG_CATEGORIES } from '@nennep/core/orgs/types';
import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/form-modal';
import { ItemList } from '../../components/item-list';
import { QueryState } from '../../components/query-state';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { type ThematicTopicDto, thematicCommands, thematicKeys, useTopics } from './api';
import { TopicStatusTag } from './tags';

interface TopicValues {
  title: string;
  purpose: string;
  materials?: string;
  cellCategories?: string[];
}

/** A committee drafts a topic of the year: title, purpose, suggested materials, the cell categories aimed at. */
function TopicModal({ org, year, onClose }: { org: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<TopicValues>();
  const create = useAction({
    form,
    mutationFn: (v: TopicValues) =>
      thematicCommands.createTopic({
        committeeCode: org,
        year,
        title: v.title.trim(),
        purpose: v.purpose.trim(),
        materials: v.materials?.trim() ?? '',
        cellCategories: v.cellCategories ?? [],
      }),
    success: t('thematic.topics.created'),
    invalidate: [thematicKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<TopicValues>
      title={t('thematic.topics.createTitle', { year })}
      form={form}
      onSubmit={(v) => create.mutate(v)}
      onClose={onClose}
      loading={create.isPending}
      testId="thematic-topic-form"
    >
      <Form.Item
        name="title"
        label={t('thematic.topics.name')}
        rules={[rules.required(t('thematic.topics.name'))]}
      >
        <Input size="large" maxLength={THEMATIC_LIMITS.title} data-testid="thematic-topic-title" />
      </Form.Item>
      <Form.Item
        name="purpose"
        label={t('thematic.topics.purpose')}
        rules={[rules.required(t('thematic.topics.purpose'))]}
      >
        <Input.TextArea rows={3} maxLength={THEMATIC_LIMITS.purpose} data-testid="thematic-topic-purpose" />
      </Form.Item>
      <Form.Item name="materials" label={t('thematic.topics.materials')}>
        <Input.TextArea rows={3} maxLength={THEMATIC_LIMITS.materials} />
      </Form.Item>
      <Form.Item
        name="cellCategories"
        label={t('thematic.topics.categories')}
        extra={t('thematic.topics.categoriesHint')}
      >
        <Select
          mode="multiple"
          size="large"
          allowClear
          options={ORG_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
      </Form.Item>
    </FormModal>
  );
}

function TopicActions({ topic }: { topic: ThematicTopicDto }) {
  const { t } = useTranslation();
  const step = (fn: (id: number) => Promise<unknown>, success: string) => ({
    mutationFn: () => fn(topic.id),
    success,
    invalidate: [thematicKeys.all],
  });
  const publish = useAction(step(thematicCommands.publishTopic, t('thematic.topics.published')));
  const withdraw = useAction(step(thematicCommands.withdrawTopic, t('thematic.topics.withdrawn')));
  const remove = useAction(step(thematicCommands.deleteTopic, t('thematic.topics.deleted')));
  const can = topic.abilities;
  if (can.withdraw) {
    return (
      <Popconfirm
        title={t('thematic.topics.withdrawConfirm')}
        onConfirm={() => withdraw.mutate(undefined)}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
      >
        <Button size="small" danger loading={withdraw.isPending} data-testid="thematic-topic-withdraw">
          {t('thematic.topics.withdraw')}
        </Button>
      </Popconfirm>
    );
  }
  if (!can.publish && !can.delete) return null;
  return (
    <Flex wrap gap={8}>
      {can.publish ? (
        <Button
          size="small"
          type="primary"
          loading={publish.isPending}
          onClick={() => publish.mutate(undefined)}
          data-testid="thematic-topic-publish"
        >
          {t('thematic.topics.publish')}
        </Button>
      ) : null}
      {can.delete ? (
        <Popconfirm
          title={t('thematic.topics.deleteConfirm')}
          onConfirm={() => remove.mutate(undefined)}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button size="small" danger loading={remove.isPending}>
            {t('thematic.topics.delete')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}

/** One topic: its status, purpose, materials and the cells aimed at; the steps the server allows the actor. */
function TopicItem({ topic, org }: { topic: ThematicTopicDto; org: string }) {
  const { t } = useTranslation();
  const own = topic.orgCode === org;
  const categories = topic.cellCategories.length
    ? t('thematic.topics.forCategories', {
        list: topic.cellCategories.map((c) => t(`category.${c}`)).join('; '),
      })
    : t('thematic.topics.allCells');
  return (
    <List.Item data-testid="thematic-topic" data-id={topic.id}>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
            {topic.title}
          </Typography.Text>
          <TopicStatusTag status={topic.status} />
        </Flex>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>{topic.purpose}</Typography.Text>
        {topic.materials ? (
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {t('thematic.topics.materials')}: {topic.materials}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary">
          {categories}
          {own ? '' : ` · ${t('thematic.topics.from', { org: topic.orgName })}`}
        </Typography.Text>
        {topic.abilities.publish || topic.abilities.withdraw || topic.abilities.delete ? (
          <div>
            <TopicActions topic={topic} />
          </div>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/** The year's topics of a committee (drafts to its staff) and those published above it. */
export function TopicsCard({ org, year }: { org: string; year: number }) {
  const { t } = useTranslation();
  const topics = useTopics(org, year);
  const canPublish = topics.data?.abilities.publish ?? false;
  const [creating, setCreating] = useState(false);
  return (
    <Card
      size="small"
      title={t('thematic.topics.title', { year })}
      extra={
        canPublish ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="thematic-topic-create">
            {t('thematic.topics.create')}
          </Button>
        ) : null
      }
    >
      <QueryState query={topics}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('thematic.topics.empty')} />
          ) : (
            <ItemList size="small" data-testid="thematic-topics">
              {data.items.map((topic) => (
                <TopicItem key={topic.id} topic={topic} org={org} />
              ))}
            </ItemList>
          )
        }
      </QueryState>
      {creating ? <TopicModal org={org} year={year} onClose={() => setCreating(false)} /> : null}
    </Card>
  );
}
