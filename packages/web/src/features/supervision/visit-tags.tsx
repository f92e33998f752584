import { ClockCircleOutlined, EnvironmentOutlined, LockOutlined, RightOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hhmm, weekday } from '../../components/meeting-tags';
import { formatDate } from '../../lib/format';
import type { VisitDto, VisitStatus } from './api';

export const VISIT_STATUS_COLORS: Record<VisitStatus, string> = {
  planned: 'blue',
  checked_in: 'gold',
  reported: 'green',
  missed: 'orange',
  cancelled: 'default',
};

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={VISIT_STATUS_COLORS[status]} data-testid="visit-status" data-status={status}>
      {t(`visitStatus.${status}`)}
    </Tag>
  );
}

/** The tags after a visit's status: overdue report, repeat, lock. */
export function VisitFlags({ visit, withLock = false }: { visit: VisitDto; withLock?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {visit.overdue ? (
        <Tag color="red" data-testid="visit-overdue">
          {t('supervision.mine.overdue')}
        </Tag>
      ) : null}
      {visit.repeat ? <Tag color="purple">{t('supervision.plan.repeat')}</Tag> : null}
      {withLock && visit.locked ? (
        <Tooltip title={t('supervision.plan.locked')}>
          <LockOutlined aria-label={t('supervision.plan.locked')} data-testid="visit-locked" />
        </Tooltip>
      ) : null}
    </>
  );
}

/** "Thứ tư, 25/11/2026 · 07:00" */
export const whenText = (v: Pick<VisitDto, 'date' | 'startTime'>) =>
  `${weekday(v.date)}, ${formatDate(v.date)} · ${hhmm(v.startTime)}`;

/** Phone-first card of one of the account's visits: large cell name, when, where; tap to open. */
export function MyVisitCard({ visit }: { visit: VisitDto }) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/supervision/visits/${visit.id}`}
      className="nn-visit-card"
      data-testid="my-visit"
      data-id={visit.id}
      data-status={visit.status}
    >
      <div className="nn-visit-card-main">
        <div className="nn-visit-cell">{visit.cellName}</div>
        {visit.parentName ? <div className="nn-muted">{visit.parentName}</div> : null}
        <div className="nn-visit-when">
          <ClockCircleOutlined /> {whenText(visit)}
        </div>
        <div className="nn-muted">
          <EnvironmentOutlined /> {visit.place || t('supervision.mine.noPlace')}
        </div>
        <div className="nn-visit-tags">
          <VisitStatusTag status={visit.status} />
          <VisitFlags visit={visit} />
        </div>
      </div>
      <RightOutlined className="nn-visit-card-arrow" aria-hidden />
    </Link>
  );
}
