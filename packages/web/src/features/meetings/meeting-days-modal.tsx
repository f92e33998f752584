import type { MeetingDaysAppliedDto, MeetingDaysCellDto, MeetingDaysDto } from '@nennep/core/meetings/types';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Descriptions, Flex, List, Modal, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonthSwitcher } from '../../components/month-switcher';
import { OrgSelect } from '../../components/org-select';
import { LoadError, Loading } from '../../components/query-state';
import { apiGet, apiPost } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { meetingKeys } from './api';

const daysKey = (org: string, month: string) => [...meetingKeys.all, 'days', org, month] as const;

function useMeetingDays(org: string | undefined, month: string) {
  return useQuery({
    queryKey: daysKey(org ?? '', month),
    queryFn: () =>
      apiGet<MeetingDaysDto>(`/api/orgs/${encodeURIComponent(org ?? '')}/meeting-days`, { month }),
    enabled: !!org,
    retry: false,
  });
}

function CellLine({ cell }: { cell: MeetingDaysCellDto }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={4} align="center" style={{ width: '100%' }} data-testid="meeting-days-cell">
      <Typography.Text style={{ flex: '1 1 160px' }}>{cell.name}</Typography.Text>
      {cell.target ? (
        <Tag color={cell.covered ? 'green' : 'orange'}>
          {t(cell.covered ? 'meetingDays.covered' : 'meetingDays.uncoveredTag')}
        </Tag>
      ) : null}
      {cell.current === null ? (
        <Tag color="blue">{t('meetingDays.notPlanned')}</Tag>
      ) : cell.changed ? (
        <Tag color="gold">{t('meetingDays.movedFrom', { date: formatDate(cell.current) })}</Tag>
      ) : null}
    </Flex>
  );
}

/** The cells of each day of the plan, day by day: a short list that reads on a phone. */
function DayList({ plan }: { plan: MeetingDaysDto }) {
  const { t } = useTranslation();
  const spread = plan.cells.filter((c) => !c.settled);
  const dates = [...new Set(spread.map((c) => c.date))].sort();
  return (
    <List
      size="small"
      dataSource={dates}
      data-testid="meeting-days-list"
      renderItem={(date) => {
        const cells = spread.filter((c) => c.date === date);
        return (
          <List.Item style={{ display: 'block' }}>
            <Typography.Text strong>
              {dayjs(date).format('dddd, DD/MM')} · {t('meetingDays.cellCount', { count: cells.length })}
            </Typography.Text>
            {cells.map((c) => (
              <CellLine key={c.code} cell={c} />
            ))}
          </List.Item>
        );
      }}
    />
  );
}

/**
 * "Dàn đều ngày họp": the commune's cells spread over the days of the month's window so that its visitors
 * can attend — the plan first (which cell meets when, which target cells a visitor can reach), then applying.
 */
export function MeetingDaysModal({
  org: initialOrg,
  month: initialMonth,
  onClose,
}: {
  org: string | undefined;
  month: Dayjs;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [org, setOrg] = useState(initialOrg);
  const [month, setMonth] = useState(initialMonth);
  const key = month.format('YYYY-MM');
  const plan = useMeetingDays(org, key);
  const apply = useAction({
    mutationFn: () =>
      apiPost<MeetingDaysAppliedDto>(`/api/orgs/${encodeURIComponent(org ?? '')}/meeting-days`, {
        month: key,
      }),
    success: false,
    invalidate: [meetingKeys.all],
    onSuccess: (result) => {
      void message.success(t('meetingDays.applied', { moved: result.moved, planned: result.planned }));
      onClose();
    },
  });
  const data = plan.data;
  const settled = data?.cells.filter((c) => c.settled) ?? [];
  return (
    <Modal
      open
      title={t('meetingDays.title')}
      okText={t('meetingDays.apply', { count: data?.changes ?? 0 })}
      cancelText={t('common.cancel')}
      onOk={() => apply.mutate(undefined)}
      onCancel={onClose}
      confirmLoading={apply.isPending}
      okButtonProps={{ disabled: !data || data.changes === 0, 'data-testid': 'meeting-days-apply' }}
      data-testid="meeting-days-dialog"
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('meetingDays.help')}
        </Typography.Paragraph>
        <OrgSelect value={org} onChange={setOrg} data-testid="meeting-days-org" />
        <Flex gap={4} align="center">
          <MonthSwitcher
            month={month}
            onChange={(next) => setMonth(next ?? dayjs().startOf('month'))}
            label={t('meetings.month')}
            testId="meeting-days-month"
          />
        </Flex>
        {plan.isLoading ? <Loading /> : null}
        {plan.error ? <LoadError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
        {data ? (
          <>
            <Descriptions size="small" column={1} bordered data-testid="meeting-days-summary">
              <Descriptions.Item label={t('meetingDays.days')}>
                {t('meetingDays.daysValue', {
                  from: data.days[0],
                  to: data.days.at(-1),
                  month: key.slice(5).replace(/^0/, ''),
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('meetingDays.perDay')}>
                {t('meetingDays.cellCount', { count: data.perDayLimit })}
              </Descriptions.Item>
              <Descriptions.Item label={t('meetingDays.visitors')}>
                {t('meetingDays.visitorsValue', { count: data.visitors, capacity: data.capacityPerDay })}
              </Descriptions.Item>
              <Descriptions.Item label={t('meetingDays.changes')}>
                {t('meetingDays.changesValue', { count: data.changes })}
              </Descriptions.Item>
            </Descriptions>
            {data.uncovered.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('meetingDays.uncovered', {
                  count: data.uncovered.length,
                  names: data.uncovered.join(', '),
                })}
              />
            ) : null}
            <DayList plan={data} />
            {settled.length > 0 ? (
              <Typography.Paragraph type="secondary" data-testid="meeting-days-settled">
                {t('meetingDays.settled', { names: settled.map((c) => c.name).join(', ') })}
              </Typography.Paragraph>
            ) : null}
          </>
        ) : null}
      </Flex>
    </Modal>
  );
}
