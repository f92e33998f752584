import { CalendarOutlined, SendOutlined, SyncOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Progress,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLang } from '../../app/i18n';
import { hhmm, weekday } from '../../components/meeting-tags';
import { LoadError, Loading } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useIsMobile } from '../../lib/use-mobile';
import { type PlanDto, supervisionCommands, supervisionKeys, type VisitDto } from './api';
import { AddVisitModal, VisitActions } from './visit-actions';
import { VisitFlags, VisitStatusTag, whenText } from './visit-tags';

const PLAN_COLORS = { none: 'default', draft: 'orange', published: 'green' } as const;

function Figures({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const s = plan.stats;
  const figures = [
    { key: 'targetCells', value: s.targetCells },
    { key: 'covered', value: s.covered, color: '#237804' },
    { key: 'uncovered', value: plan.uncovered.length, color: plan.uncovered.length ? '#cf1322' : undefined },
    { key: 'maxLoad', value: s.maxLoad },
    { key: 'minLoad', value: s.minLoad },
    { key: 'repeats', value: s.repeats, color: s.repeats ? '#ad4e00' : undefined },
  ] as const;
  return (
    <div className="nn-sup-figures" data-testid="plan-figures">
      {figures.map((f) => (
        <Card size="small" key={f.key} data-testid={`plan-stat-${f.key}`} data-value={f.value}>
          <Statistic
            title={t(`supervision.stats.${f.key}`)}
            value={f.value}
            styles={'color' in f && f.color ? { content: { color: f.color } } : undefined}
          />
        </Card>
      ))}
    </div>
  );
}

function PlanActions({ plan, committee, period }: { plan: PlanDto; committee: string; period: string }) {
  const { t } = useTranslation();
  const make = useAction({
    mutationFn: () => supervisionCommands.makePlan(committee, period),
    success: t('supervision.plan.made'),
    invalidate: [supervisionKeys.all],
  });
  const publish = useAction({
    mutationFn: (id: number) => supervisionCommands.publishPlan(id),
    success: t('supervision.plan.published'),
    invalidate: [supervisionKeys.all],
  });
  const planId = plan.id;
  return (
    <Flex wrap gap={8} align="center">
      <Tag color={PLAN_COLORS[plan.status]} data-testid="plan-status" data-status={plan.status}>
        {t(`planStatus.${plan.status}`)}
      </Tag>
      <span className="nn-muted">
        <CalendarOutlined />{' '}
        {t('supervision.plan.window', {
          from: formatDate(plan.period.windowFrom),
          to: formatDate(plan.period.windowTo),
        })}
      </span>
      <Flex wrap gap={8} style={{ marginInlineStart: 'auto' }}>
        <Button
          size="large"
          icon={<SyncOutlined />}
          loading={make.isPending}
          onClick={() => make.mutate(undefined)}
          title={plan.status === 'none' ? undefined : t('supervision.plan.remakeHelp')}
          data-testid="plan-make"
        >
          {plan.status === 'none' ? t('supervision.plan.make') : t('supervision.plan.remake')}
        </Button>
        {plan.status === 'draft' && planId !== null ? (
          <Popconfirm
            title={t('supervision.plan.publishConfirm')}
            okText={t('supervision.plan.publish')}
            cancelText={t('common.cancel')}
            onConfirm={() => publish.mutate(planId)}
            okButtonProps={{ 'data-testid': 'plan-publish-confirm' }}
          >
            <Button
              size="large"
              type="primary"
              icon={<SendOutlined />}
              loading={publish.isPending}
              data-testid="plan-publish"
            >
              {t('supervision.plan.publish')}
            </Button>
          </Popconfirm>
        ) : null}
      </Flex>
    </Flex>
  );
}

function CellName({ visit }: { visit: VisitDto }) {
  return (
    <>
      <Link to={`/supervision/visits/${visit.id}`}>{visit.cellName}</Link>
      {visit.parentName ? <div className="nn-muted nn-small">{visit.parentName}</div> : null}
    </>
  );
}

function VisitTable({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<VisitDto> = [
    {
      key: 'date',
      title: t('supervision.plan.date'),
      render: (_, v) => (
        <>
          <div>{formatDate(v.date)}</div>
          <div className="nn-muted nn-small">{weekday(v.date)}</div>
        </>
      ),
    },
    { key: 'time', title: t('supervision.plan.time'), render: (_, v) => hhmm(v.startTime) },
    { key: 'cell', title: t('supervision.plan.cell'), render: (_, v) => <CellName visit={v} /> },
    { key: 'visitor', title: t('supervision.plan.visitor'), dataIndex: 'visitorName' },
    { key: 'group', title: t('supervision.plan.group'), render: (_, v) => v.groupName ?? '—' },
    {
      key: 'status',
      title: t('supervision.plan.status'),
      render: (_, v) => (
        <Flex wrap gap={4} align="center">
          <VisitStatusTag status={v.status} />
          <VisitFlags visit={v} withLock />
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, v) => <VisitActions visit={v} plan={plan} compact />,
    },
  ];
  return (
    <Table<VisitDto>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={plan.visits}
      pagination={plan.visits.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      onRow={(v) => ({ 'data-testid': 'plan-visit', 'data-id': v.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}

function VisitCards({ plan }: { plan: PlanDto }) {
  return (
    <div className="nn-card-list">
      {plan.visits.map((v) => (
        <Card size="small" key={v.id} data-testid="plan-visit" data-id={v.id}>
          <div className="nn-visit-cell-sm">
            <CellName visit={v} />
          </div>
          <div className="nn-visit-when">{whenText(v)}</div>
          <div>
            {v.visitorName}
            {v.groupName ? <span className="nn-muted"> · {v.groupName}</span> : null}
          </div>
          <Flex wrap gap={4} align="center" className="nn-visit-tags">
            <VisitStatusTag status={v.status} />
            <VisitFlags visit={v} withLock />
          </Flex>
          <div style={{ marginTop: 8 }}>
            <VisitActions visit={v} plan={plan} />
          </div>
        </Card>
      ))}
    </div>
  );
}

function Uncovered({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [adding, setAdding] = useState<{ code: string; name: string } | null>(null);
  if (plan.uncovered.length === 0) return null;
  return (
    <Card size="small" title={t('supervision.plan.uncovered', { count: plan.uncovered.length })}>
      <div className="nn-card-list">
        {plan.uncovered.map((u) => (
          <Flex key={u.cellId} gap={8} justify="space-between" align="start" data-testid="plan-uncovered">
            <div style={{ minWidth: 0 }}>
              <strong>{u.cellName}</strong>
              <div className="nn-muted">{u.explanation[lang]}</div>
            </div>
            <Button onClick={() => setAdding({ code: u.cellCode, name: u.cellName })}>
              {t('supervision.plan.addVisit')}
            </Button>
          </Flex>
        ))}
      </div>
      {adding ? <AddVisitModal plan={plan} cell={adding} onClose={() => setAdding(null)} /> : null}
    </Card>
  );
}

function Load({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const most = Math.max(1, ...plan.load.map((l) => l.visits));
  if (plan.load.length === 0) return null;
  return (
    <Card size="small" title={t('supervision.plan.load')}>
      <div className="nn-sup-load">
        {plan.load.map((l) => (
          <div key={l.accountId} data-testid="plan-load">
            <Flex justify="space-between" gap={8}>
              <span>{l.displayName}</span>
              <strong>{t('supervision.plan.loadValue', { count: l.visits })}</strong>
            </Flex>
            <Progress
              aria-label={l.displayName}
              percent={(l.visits / most) * 100}
              showInfo={false}
              size="small"
            />
          </div>
        ))}
      </div>
    </Card>
  );
}

/** "Kế hoạch": figures, plan / re-plan / publish, the visits with their hand edits, the gaps, the load. */
export function PlanTab({
  committee,
  period,
  plan: query,
}: {
  committee: string;
  period: string;
  plan: UseQueryResult<PlanDto>;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const plan = query.data;
  if (query.error && !plan) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  if (!plan) return <Loading />;
  return (
    <div className="nn-stack" data-testid="plan-tab">
      <Figures plan={plan} />
      <Card size="small">
        <PlanActions plan={plan} committee={committee} period={period} />
      </Card>
      {plan.status !== 'none' && plan.status !== 'published' ? (
        <Alert type="info" showIcon title={t('supervision.plan.remakeHelp')} />
      ) : null}
      <Card
        size="small"
        title={t('supervision.plan.visits', { count: plan.visits.length })}
        styles={isMobile ? { body: { padding: 8 } } : undefined}
      >
        {plan.visits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.plan.noVisits')} />
        ) : isMobile ? (
          <VisitCards plan={plan} />
        ) : (
          <VisitTable plan={plan} />
        )}
      </Card>
      <Uncovered plan={plan} />
      <Load plan={plan} />
    </div>
  );
}
