import { EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import {
  type AssignmentDto,
  supervisionCommands,
  supervisionKeys,
  useAssignments,
  useGroups,
  type WorkingGroupDto,
} from './api';
import { AssignmentModal, GroupModal } from './group-forms';

function AssignmentList({ committee, items }: { committee: string; items: AssignmentDto[] }) {
  const { t } = useTranslation();
  const end = useAction({
    mutationFn: (id: number) => supervisionCommands.endAssignment(id, committee),
    success: t('supervision.groups.ended'),
    invalidate: [supervisionKeys.all],
  });
  if (items.length === 0) return <div className="nn-muted">{t('supervision.groups.noAssignments')}</div>;
  return (
    <div className="nn-sup-assignments">
      {items.map((a) => (
        <Flex key={a.id} justify="space-between" align="center" gap={8} data-testid="assignment">
          <div style={{ minWidth: 0 }}>
            <div>{a.orgName}</div>
            <div className="nn-muted nn-small">
              {a.accountName ? `${a.accountName} · ` : ''}
              {a.from && a.to
                ? t('supervision.groups.range', { from: formatDate(a.from), to: formatDate(a.to) })
                : t('supervision.groups.standing')}
            </div>
          </div>
          <Popconfirm
            title={t('supervision.groups.endConfirm')}
            okText={t('supervision.groups.end')}
            cancelText={t('common.cancel')}
            onConfirm={() => end.mutate(a.id)}
          >
            <Button danger loading={end.isPending && end.variables === a.id}>
              {t('supervision.groups.end')}
            </Button>
          </Popconfirm>
        </Flex>
      ))}
    </div>
  );
}

function GroupCard({
  committee,
  group,
  onEdit,
  onAssign,
}: {
  committee: string;
  group: WorkingGroupDto;
  onEdit: () => void;
  onAssign: () => void;
}) {
  const { t } = useTranslation();
  const toggle = useAction({
    mutationFn: () => supervisionCommands.updateGroup(group.id, { active: !group.active }),
    invalidate: [supervisionKeys.all],
  });
  return (
    <Card
      size="small"
      data-testid="working-group"
      data-id={group.id}
      title={
        <Flex wrap gap={6} align="center" style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <strong>{group.name}</strong>
          <Tag color={group.active ? 'green' : 'default'}>
            {group.active ? t('supervision.groups.active') : t('supervision.groups.inactive')}
          </Tag>
        </Flex>
      }
    >
      <div className="nn-field-caption">{t('supervision.groups.members')}</div>
      <Flex wrap gap={4} style={{ marginBottom: 12 }}>
        {group.members.length === 0 ? <span className="nn-muted">—</span> : null}
        {group.members.map((m) => (
          <Tag key={m.accountId} color={m.leader ? 'red' : undefined}>
            {m.displayName}
            {m.leader ? ` (${t('supervision.groups.leaderTag')})` : ''}
          </Tag>
        ))}
      </Flex>
      <div className="nn-field-caption">{t('supervision.groups.assignments')}</div>
      <AssignmentList committee={committee} items={group.assignments} />
      <Flex wrap gap={8} style={{ marginTop: 12 }}>
        <Button icon={<EditOutlined />} onClick={onEdit} data-testid="group-edit">
          {t('supervision.groups.edit')}
        </Button>
        {group.active ? (
          <Button icon={<PlusOutlined />} onClick={onAssign} data-testid="group-assign">
            {t('supervision.groups.addAssignment')}
          </Button>
        ) : null}
        <Button icon={<StopOutlined />} loading={toggle.isPending} onClick={() => toggle.mutate(undefined)}>
          {group.active ? t('supervision.groups.deactivate') : t('supervision.groups.activate')}
        </Button>
      </Flex>
    </Card>
  );
}

type Open = { kind: 'group'; group?: WorkingGroupDto } | { kind: 'assign'; groupId?: number } | null;

/** "Tổ công tác": the committee's working groups, their members and leader, and what each answers for. */
export function GroupsTab({ committee }: { committee: string }) {
  const { t } = useTranslation();
  const groups = useGroups(committee);
  const assignments = useAssignments(committee);
  const [open, setOpen] = useState<Open>(null);
  const personal = (assignments.data?.items ?? []).filter((a) => a.accountId !== null);
  return (
    <div className="nn-stack" data-testid="groups-tab">
      <Flex wrap gap={8}>
        <Button
          type="primary"
          size="large"
          icon={<PlusOutlined />}
          onClick={() => setOpen({ kind: 'group' })}
          data-testid="group-create"
        >
          {t('supervision.groups.create')}
        </Button>
        <Button size="large" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'assign' })}>
          {t('supervision.groups.addAssignment')}
        </Button>
      </Flex>
      <QueryState query={groups}>
        {(data) =>
          data.items.length === 0 ? (
            <Empty description={t('supervision.groups.empty')} />
          ) : (
            <div className="nn-sup-groups">
              {data.items.map((g) => (
                <GroupCard
                  key={g.id}
                  committee={committee}
                  group={g}
                  onEdit={() => setOpen({ kind: 'group', group: g })}
                  onAssign={() => setOpen({ kind: 'assign', groupId: g.id })}
                />
              ))}
            </div>
          )
        }
      </QueryState>
      {personal.length > 0 ? (
        <Card size="small" title={t('supervision.groups.personal')}>
          <AssignmentList committee={committee} items={personal} />
        </Card>
      ) : null}
      {open?.kind === 'group' ? (
        <GroupModal committee={committee} group={open.group} onClose={() => setOpen(null)} />
      ) : null}
      {open?.kind === 'assign' ? (
        <AssignmentModal
          committee={committee}
          groups={groups.data?.items ?? []}
          groupId={open.groupId}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </div>
  );
}
