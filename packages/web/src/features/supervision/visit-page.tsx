import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  PaperClipOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Empty, Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useCurrentUser } from '../auth/session';
import { supervisionCommands, supervisionKeys, useMyVisits, useVisit, type VisitDetailDto } from './api';
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

function VisitBody({ visit }: { visit: VisitDetailDto }) {
  const { t } = useTranslation();
  const mine = useMyVisits();
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
      <QueryState query={visit}>{(detail) => <VisitBody visit={detail} />}</QueryState>
    </>
  );
}
