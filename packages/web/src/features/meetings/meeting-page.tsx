import {
  AuditOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  FormOutlined,
  LockOutlined,
  MessageOutlined,
  StarOutlined,
} from '@ant-design/icons';
import type { MeetingDetailDto, MeetingRecordDto } from '@nennep/core/meetings/api-types';
import { Alert, Breadcrumb, Button, Flex, Result, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { hhmm, LevelTag, StatusTag, useMeetingTitle, weekday } from '../../components/meeting-tags';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { OfflineIndicator } from '../../lib/offline/indicator';
import { useQueuedWrites } from '../../lib/offline/queue';
import { useIsMobile } from '../../lib/use-mobile';
import { MeetingRatingsLink } from '../ratings/meeting-link';
import { useMeeting } from './api';
import { AttendanceTab } from './attendance-tab';
import { ConductTab } from './conduct-tab';
import { MemberView } from './member-view';
import { MinutesTab } from './minutes-tab';
import { meetingScope } from './offline-overlay';
import { PrepareTab } from './prepare-tab';
import { useMeetingWithQueue } from './queued';
import { useRollCall } from './roll-call';
import { ScoreTab } from './score-tab';
import { canEdit, useNow } from './shared';
import { VotesTab } from './votes-tab';
import './meetings.css';

const TABS = ['prepare', 'attendance', 'conduct', 'votes', 'score', 'minutes'] as const;
type TabName = (typeof TABS)[number];

const ICONS: Record<TabName, ReactNode> = {
  prepare: <FormOutlined />,
  attendance: <CheckSquareOutlined />,
  conduct: <MessageOutlined />,
  votes: <AuditOutlined />,
  score: <StarOutlined />,
  minutes: <FileDoneOutlined />,
};

/** Where a meeting opens: before it, the preparation; during it, the proceedings; after it, the minutes. */
function defaultTab(meeting: MeetingDetailDto): TabName {
  if (meeting.status === 'in_progress') return 'conduct';
  if (meeting.status === 'held' || meeting.status === 'adopted') return 'minutes';
  return 'prepare';
}

function TabNav({ active, onChange }: { active: TabName; onChange: (tab: TabName) => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <div className="nn-step-grid" role="tablist">
        {TABS.map((name) => (
          <Button
            key={name}
            role="tab"
            aria-selected={active === name}
            type={active === name ? 'primary' : 'default'}
            icon={ICONS[name]}
            onClick={() => onChange(name)}
            data-testid={`meeting-tab-${name}`}
          >
            {t(`meetings.tabs.${name}`)}
          </Button>
        ))}
      </div>
    );
  }
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => onChange(TABS.find((n) => n === key) ?? 'prepare')}
      items={TABS.map((name) => ({
        key: name,
        label: (
          <span data-testid={`meeting-tab-${name}`}>
            {ICONS[name]} {t(`meetings.tabs.${name}`)}
          </span>
        ),
      }))}
    />
  );
}

function Workspace({ meeting, record }: { meeting: MeetingDetailDto; record: MeetingRecordDto }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const active = TABS.find((n) => n === params.get('tab')) ?? defaultTab(meeting);
  const roll = useRollCall(meeting);
  const editable = canEdit(meeting);
  const setTab = (tab: TabName) => {
    const next = new URLSearchParams(params);
    next.set('tab', tab);
    setParams(next, { replace: true });
  };
  const props = { meeting, record, editable };
  const { online } = useQueuedWrites();
  return (
    <>
      <OfflineIndicator scope={meetingScope(meeting.id)} />
      {!online && editable ? (
        <Alert
          type="warning"
          showIcon
          title={t('meetingOffline.onlineOnly')}
          style={{ marginBottom: 12 }}
          data-testid="meeting-offline-note"
        />
      ) : null}
      {meeting.status === 'cancelled' ? (
        <Alert type="warning" showIcon title={t('meetings.cancelledNote')} style={{ marginBottom: 12 }} />
      ) : null}
      {!editable && meeting.status !== 'adopted' && meeting.status !== 'cancelled' ? (
        <Alert type="info" showIcon title={t('meetings.readOnly')} style={{ marginBottom: 12 }} />
      ) : null}
      <MeetingRatingsLink meeting={meeting} />
      <TabNav active={active} onChange={setTab} />
      <div className="nn-tab-body" data-testid={`meeting-panel-${active}`}>
        {active === 'prepare' ? <PrepareTab {...props} roll={roll} /> : null}
        {active === 'attendance' ? <AttendanceTab {...props} roll={roll} /> : null}
        {active === 'conduct' ? <ConductTab {...props} roll={roll} /> : null}
        {active === 'votes' ? <VotesTab {...props} roll={roll} /> : null}
        {active === 'score' ? <ScoreTab {...props} /> : null}
        {active === 'minutes' ? <MinutesTab {...props} /> : null}
      </div>
    </>
  );
}

function MeetingHeader({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useTranslation();
  const title = useMeetingTitle();
  const now = useNow(30_000);
  const back = `/meetings?org=${encodeURIComponent(meeting.orgCode)}&month=${meeting.date.slice(0, 7)}`;
  const running = meeting.status === 'in_progress' && meeting.startedAt;
  return (
    <>
      <Breadcrumb
        items={[
          { key: 'meetings', title: <Link to="/meetings">{t('meetings.title')}</Link> },
          { key: 'org', title: <Link to={back}>{meeting.orgName}</Link> },
        ]}
      />
      <PageHeader
        title={<span data-testid="meeting-title">{title(meeting)}</span>}
        sub={
          <Flex wrap gap={4} align="center">
            <StatusTag status={meeting.status} />
            <LevelTag level={meeting.level} total={meeting.total} />
            {meeting.status === 'adopted' ? (
              <Tag icon={<LockOutlined />}>{t('meetings.lockedShort')}</Tag>
            ) : null}
            <span data-testid="meeting-when">
              {weekday(meeting.date)}, {formatDate(meeting.date)} · {hhmm(meeting.startTime)}
              {meeting.place ? ` · ${meeting.place}` : ''}
            </span>
            {running ? (
              <Tag color="orange">
                {t('meetings.elapsed', {
                  minutes: Math.max(0, now.diff(dayjs(meeting.startedAt), 'minute')),
                })}
              </Tag>
            ) : null}
          </Flex>
        }
      />
    </>
  );
}

/** `/meetings/:id`: the whole meeting for those who read the record, the member's view for the others. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meeting = useMeetingWithQueue(Number(id), useMeeting(Number(id)));
  if (!(Number(id) > 0)) return <Result status="404" title={t('meetings.notFound')} />;
  return (
    <QueryState query={meeting}>
      {(data) => (
        <div className="nn-meeting" key={data.id}>
          <MeetingHeader meeting={data} />
          {data.record ? <Workspace meeting={data} record={data.record} /> : <MemberView meeting={data} />}
        </div>
      )}
    </QueryState>
  );
}
