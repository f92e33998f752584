import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { Button, Card, Empty, Flex, Form, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { ItemList } from '../../components/item-list';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useRules } from '../../lib/rules';
import { useAction } from '../../lib/use-action';
import { type ThematicRegistrationSummaryDto, thematicCommands, thematicKeys, useRegistrations } from './api';

/** The committee refuses a cell's own topic, with the reason the cell will read. */
function RefuseModal({ item, onClose }: { item: ThematicRegistrationSummaryDto; onClose: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const [form] = Form.useForm<{ reason: string }>();
  const refuse = useAction({
    form,
    mutationFn: (v: { reason: string }) =>
      thematicCommands.decide(item.id, { decision: 'refused', reason: v.reason.trim() }),
    success: t('thematic.pending.refused'),
    invalidate: [thematicKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<{ reason: string }>
      title={t('thematic.pending.refuseTitle')}
      form={form}
      onSubmit={(v) => refuse.mutate(v)}
      onClose={onClose}
      loading={refuse.isPending}
      danger
      testId="thematic-refuse-form"
    >
      <Typography.Paragraph strong>{item.title}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('thematic.pending.reason')}
        rules={[rules.required(t('thematic.pending.reason'))]}
      >
        <Input.TextArea rows={3} maxLength={THEMATIC_LIMITS.reason} />
      </Form.Item>
    </FormModal>
  );
}

function PendingItem({ item }: { item: ThematicRegistrationSummaryDto }) {
  const { t } = useTranslation();
  const [refusing, setRefusing] = useState(false);
  const approve = useAction({
    mutationFn: () => thematicCommands.decide(item.id, { decision: 'approved' }),
    success: t('thematic.pending.approved'),
    invalidate: [thematicKeys.all],
  });
  return (
    <List.Item data-testid="thematic-pending" data-id={item.id}>
      <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
        <Link to={`/thematic/registrations/${item.id}`} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Link>
        <Typography.Text type="secondary">
          {item.orgName} · {t('thematic.quarterOf', { quarter: item.quarter, year: item.year })} ·{' '}
          {formatDate(item.plannedDate)}
        </Typography.Text>
        <Flex wrap gap={8}>
          <Button
            size="small"
            type="primary"
            loading={approve.isPending}
            onClick={() => approve.mutate(undefined)}
            data-testid="thematic-approve"
          >
            {t('thematic.pending.approve')}
          </Button>
          <Button size="small" danger onClick={() => setRefusing(true)} data-testid="thematic-refuse">
            {t('thematic.pending.refuse')}
          </Button>
        </Flex>
      </Flex>
      {refusing ? <RefuseModal item={item} onClose={() => setRefusing(false)} /> : null}
    </List.Item>
  );
}

/** The cells' own topics of the subtree awaiting the committee's approval (HD 12-HD/BTCTW, on sinh hoạt chuyên đề). */
export function PendingCard({ org, year }: { org: string; year: number }) {
  const { t } = useTranslation();
  const pending = useRegistrations(org, year, 'pending');
  // Only for those the server lets decide the own topics of the node's cells.
  if (!pending.data?.abilities.decide) return null;
  return (
    <Card size="small" title={t('thematic.pending.title')}>
      <QueryState query={pending}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thematic.pending.empty')} />
          ) : (
            <ItemList size="small">
              {data.items.map((item) => (
                <PendingItem key={item.id} item={item} />
              ))}
            </ItemList>
          )
        }
      </QueryState>
    </Card>
  );
}
