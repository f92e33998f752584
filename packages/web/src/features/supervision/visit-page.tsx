import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  PaperClipOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Empty, Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { OfflineIndicator } from '../../lib/offline/indicator';
import { onWriteSent, useQueuedWrites } from '../../lib/offline/queue';
import { useAction } from '../../lib/use-action';
import { useCurrentUser } from '../auth/session';
import {
  supervisionCommands,
  supervisionKeys,
  useMyVisits,
  useVisit,
  type VisitDetailDto,
  visitScope,
} from './api';
import { VisitReportForm } from './visit-report-form';
import { VisitReportView } from './visit-report-view';
import { VisitFlags, VisitStatusTag, whenText } from './visit-tags';
import '../meetings/meetings.css';
import './supervision.css';
import type { AgendaSection } from '@nennep/core/meetings/api-types';

function Header({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="visit-header">
      <div className="nn-visit-when nn-big-text">
        <ClockCircleOutlined /> {whenText(visit)}
      </div>
      <div>
        <EnvironmentOutlined /> {visit.place || t('supervision.mine.noPlace')}
      </div>
      <div className="nn-muted">
        <UserOutlined /> {t('supervision.visit.visitor', { name: visit.visitorName })}
        {visit.groupName ? ` · ${visit.groupName}` : ''}
      </div>
      <Flex wrap gap={4} align="center" className="nn-visit-tags">
        <VisitStatusTag status={visit.status} />
        <VisitFlags visit={visit} withLock />
        {visit.status === 'planned' || visit.status === 'checked_in' ? (
          <span className="nn-muted nn-small">
            {t('supervision.mine.reportDue', { date: formatDate(visit.reportDue) })}
          </span>
        ) : null}
      </Flex>
    </Card>
  );
}

function CheckIn({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const check = useAction({
    mutationFn: () => supervisionCommands.checkIn(visit.id),
    success: t('supervision.visit.checkInDone'),
    invalidate: [supervisionKeys.visit(visit.id), supervisionKeys.mine],
    onSuccess: (next) =>
      queryClient.setQueryData<VisitDetailDto>(supervisionKeys.visit(visit.id), (old) =>
        old ? { ...old, ...next } : old,
      ),
  });
  if (visit.checkedInAt) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="visit-checked-in"
        title={t('supervision.visit.checkedIn', {
          time: dayjs(visit.checkedInAt).format('HH:mm DD/MM/YYYY'),
        })}
      />
    );
  }
  if (!visit.abilities.checkIn) return null;
  return (
    <Button
      type="primary"
      size="large"
      block
      className="nn-huge-btn"
      icon={<CheckCircleOutlined />}
      loading={check.isPending}
      onClick={() => check.mutate(undefined)}
      data-testid="visit-check-in"
    >
      {t('supervision.visit.checkIn')}
    </Button>
  );
}

function AgendaAndMaterials({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('supervision.visit.agenda')}>
        {visit.agenda.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.visit.noAgenda')} />
        ) : (
          <ol className="nn-agenda" data-testid="visit-agenda">
            {visit.agenda.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: agenda items are identified by their place
              <li key={i}>
                <Tag>{t(`agendaSection.${item.section as AgendaSection}`)}</Tag> {item.title}
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card size="small" title={t('supervision.visit.materials')}>
        {visit.materials.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.visit.noMaterials')} />
        ) : (
          <div className="nn-card-list" data-testid="visit-materials">
            {visit.materials.map((m) =>
              m.url ? (
                <a key={m.id} href={m.url} download className="nn-material-name">
                  <PaperClipOutlined /> {m.title}
                </a>
              ) : (
                <div key={m.id} className="nn-material-name">
                  <PaperClipOutlined /> {m.title}
                </div>
              ),
            )}
          </div>
        )}
      </Card>
    </>
  );
}

/**
 * A report filed through the offline queue (issue 18): once the server has it, its answer (the visit with
 * the report) replaces the page's copy and the lists that count reports are read again.
 */
function useReportAnswer(id: number) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onWriteSent((write, answer) => {
        if (write.scope !== visitScope(id) || write.kind !== 'visit-report') return;
        if (answer) queryClient.setQueryData(supervisionKeys.visit(id), answer);
        else void queryClient.invalidateQueries({ queryKey: supervisionKeys.visit(id) });
        for (const queryKey of [supervisionKeys.mine, ['supervision', 'plan'], ['supervision', 'coverage']]) {
          void queryClient.invalidateQueries({ queryKey });
        }
        void message.success(t('supervision.visit.submitted'));
      }),
    [id, message, queryClient, t],
  );
}

/** The report kept on the device, not sent yet: it waits in place of the form. */
function QueuedReport() {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('visitOffline.queuedTitle')}
      description={t('visitOffline.queued')}
      data-testid="visit-report-queued"
    />
  );
}

function VisitBody({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  const mine = useMyVisits();
  const queued = useQueuedWrites(visitScope(visit.id)).pending.some((w) => w.kind === 'visit-report');
  const own = !!mine.data?.items.some((v) => v.id === visit.id);
  const today = dayjs().format('YYYY-MM-DD');
  const open = visit.status === 'planned' || visit.status === 'checked_in';
  return (
    <div className="nn-stack">
      <Header visit={visit} />
      <CheckIn visit={visit} />
      {own && open && visit.date > today ? (
        <Alert type="info" showIcon title={t('supervision.visit.notYet')} />
      ) : null}
      {!own && open && !visit.abilities.report ? (
        <Alert type="info" showIcon title={t('supervision.visit.readOnly')} />
      ) : null}
      <AgendaAndMaterials visit={visit} />
      {visit.report ? (
        <VisitReportView visit={visit} />
      ) : queued ? (
        <QueuedReport />
      ) : visit.abilities.report ? (
        <VisitReportForm visit={visit} />
      ) : !open || own ? null : (
        <Card size="small">
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.visit.noReport')} />
        </Card>
      )}
    </div>
  );
}

/** `/supervision/visits/:id`: the visitor's page on the day (check in, report); managers read it. */
export function VisitPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const id = Number(useParams().id);
  const visit = useVisit(id);
  useReportAnswer(id);
  const manager = me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member');
  const data = visit.data;
  const back =
    data && manager
      ? `/supervision?committee=${encodeURIComponent(data.committeeCode)}&period=${encodeURIComponent(data.periodKey)}`
      : '/supervision/my-visits';
  return (
    <>
      <Breadcrumb
        items={[
          {
            key: 'back',
            title: <Link to={back}>{manager ? t('supervision.title') : t('supervision.visit.back')}</Link>,
          },
        ]}
      />
      <PageHeader title={data?.cellName ?? t('supervision.visit.title')} sub={data?.parentName} />
      <OfflineIndicator scope={visitScope(id)} />
      <QueryState query={visit}>{(detail) => <VisitBody visit={detail} />}</QueryState>
    </>
  );
}
