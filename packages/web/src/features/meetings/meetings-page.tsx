import { ColumnHeightOutlined, PlusOutlined, ScheduleOutlined } from '@ant-design/icons';
import { MEETING_KINDS, type MeetingKind } from '@nennep/core/meetings/types';
import { Button, Card, Flex, Segmented, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MonthSwitcher } from '../../components/month-switcher';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError } from '../../components/query-state';
import { useIsMobile } from '../../lib/use-mobile';
import { useCurrentUser } from '../auth/session';
import { useAnyAbilities, useGrantOrgs, useOrg } from '../orgs/api';
import { useMeetings } from './api';
import { MeetingList, MeetingMonthGrid } from './meeting-calendar';
import { MeetingDaysModal } from './meeting-days-modal';
import { CreateMeetingModal, PlanModal } from './meeting-forms';
import './meetings.css';
import { useUrlParams } from '../../lib/use-url-params';

type View = 'calendar' | 'list';

/** Filters in the URL (`?org=&month=2026-11&kind=&view=`), so the back button comes back to the same month. */
function useCalendarFilters() {
  const { params, update } = useUrlParams();
  const monthParam = params.get('month');
  const month =
    monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? dayjs(`${monthParam}-01`) : dayjs().startOf('month');
  const kind = MEETING_KINDS.find((k) => k === params.get('kind'));
  const view: View = params.get('view') === 'list' ? 'list' : 'calendar';
  const org = params.get('org') || undefined;
  return { org, month, kind, view, update };
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const me = useCurrentUser();
  const { org, month, kind, view, update } = useCalendarFilters();
  const list = useMeetings({
    org,
    kind,
    from: month.startOf('month').format('YYYY-MM-DD'),
    to: month.endOf('month').format('YYYY-MM-DD'),
  });
  const orgDetail = useOrg(org);
  const anyAbilities = useAnyAbilities();
  const { orgs } = useGrantOrgs();
  const canPlan = org ? !!orgDetail.data?.abilities.manageMembers : anyAbilities.manageMembers;
  const planOrg = org ?? orgs.find((o) => o.abilities.manageMembers)?.code;
  const [open, setOpen] = useState<'plan' | 'days' | 'create' | null>(null);
  // Spreading the days is a committee's job: not offered on a cell's own calendar.
  const canSpread = org ? !!orgDetail.data?.abilities.spreadDays : anyAbilities.spreadDays;
  const spreadOrg = org ?? orgs.find((o) => o.abilities.spreadDays)?.code;
  const items = list.data?.items ?? [];
  // Several cells on one page: name the cell on every meeting.
  const showOrg = new Set(items.map((m) => m.orgCode)).size > 1 || me.grants.every((g) => g.role === 'admin');

  return (
    <>
      <PageHeader
        title={t('meetings.title')}
        sub={orgDetail.data?.name}
        extra={
          canPlan || canSpread ? (
            <>
              {canPlan ? (
                <Button
                  icon={<ScheduleOutlined />}
                  onClick={() => setOpen('plan')}
                  data-testid="meeting-plan"
                >
                  {t('meetings.plan.open')}
                </Button>
              ) : null}
              {canSpread ? (
                <Button
                  icon={<ColumnHeightOutlined />}
                  onClick={() => setOpen('days')}
                  data-testid="meeting-days-open"
                >
                  {t('meetingDays.open')}
                </Button>
              ) : null}
              {canPlan ? (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setOpen('create')}
                  data-testid="meeting-create"
                >
                  {t('meetings.create.open')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Card size="small">
        <div className="nn-filters">
          <div className="nn-filter-wide">
            <OrgSelect
              value={org}
              onChange={(next) => update({ org: next })}
              data-testid="meeting-filter-org"
            />
          </div>
          <Select<MeetingKind>
            allowClear
            placeholder={t('meetings.kindFilter')}
            aria-label={t('meetings.kindFilter')}
            value={kind}
            onChange={(next) => update({ kind: next })}
            options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
            data-testid="meeting-filter-kind"
          />
        </div>
        <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
          <Flex gap={4} align="center">
            <MonthSwitcher
              month={month}
              onChange={(next) => update({ month: next?.format('YYYY-MM') })}
              label={t('meetings.month')}
              testId="meeting-filter-month"
              stepTestIds
            />
          </Flex>
          <Flex gap={8} align="center">
            {list.isFetching ? <Spin size="small" /> : null}
            <span className="nn-muted" data-testid="meeting-count">
              {t('meetings.count', { count: items.length })}
            </span>
            {isMobile ? null : (
              <Segmented<View>
                value={view}
                onChange={(next) => update({ view: next === 'list' ? 'list' : undefined })}
                options={[
                  { value: 'calendar', label: t('meetings.calendarView') },
                  { value: 'list', label: t('meetings.listView') },
                ]}
                data-testid="meeting-view"
              />
            )}
          </Flex>
        </Flex>
        {list.error && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : isMobile || view === 'list' ? (
          <MeetingList key={month.format('YYYY-MM')} items={items} showOrg={showOrg} />
        ) : (
          <MeetingMonthGrid
            month={month}
            items={items}
            showOrg={showOrg}
            onMonth={(next) => update({ month: next.format('YYYY-MM') })}
            onMore={() => update({ view: 'list' })}
          />
        )}
      </Card>
      {open === 'plan' ? <PlanModal org={planOrg} month={month} onClose={() => setOpen(null)} /> : null}
      {open === 'days' ? (
        <MeetingDaysModal org={spreadOrg} month={month} onClose={() => setOpen(null)} />
      ) : null}
      {open === 'create' ? <CreateMeetingModal org={org ?? planOrg} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
