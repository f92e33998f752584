import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { type RatingPeriod, type RatingSubject, useRatings } from './api';
import { PeriodBar } from './parts';

/**
 * "Hạn hoàn thành: dd/mm/yyyy" of the period (HD 43-HD/BTCTW, computed by the server from the rules in force),
 * with "Quá hạn" in red once today in Vietnam is past it. Read from the list (the page's own query).
 */
export function DeadlineLine({
  org,
  year,
  period,
  subject,
}: {
  org: string | undefined;
  year: number;
  period: RatingPeriod;
  subject?: RatingSubject;
}) {
  const { t } = useTranslation();
  const list = useRatings(org, year, period, subject);
  if (!list.data) return null;
  const { deadline, overdue } = list.data;
  return (
    <Flex gap={8} align="center" wrap data-testid="ratings-deadline" data-overdue={overdue}>
      <Typography.Text type={overdue ? 'danger' : 'secondary'}>
        {t('ratings.deadline', { date: formatDate(deadline) })}
      </Typography.Text>
      {overdue ? (
        <Tag color="red" data-testid="ratings-overdue">
          {t('ratings.overdue')}
        </Tag>
      ) : null}
    </Flex>
  );
}

/**
 * The head of the cell's, the committee's and the summary page: the title with the year and period, then the
 * organisation, all kept in the address (`useUrlParams`).
 */
export function RatingsTop(props: {
  title: string;
  chooseOrg: string;
  org: string | undefined;
  year: number;
  period: RatingPeriod;
  quarters: Parameters<typeof PeriodBar>[0]['quarters'];
  update: (changes: Record<string, string | undefined>) => void;
}) {
  const { update } = props;
  return (
    <>
      <PageHeader
        title={props.title}
        extra={
          <PeriodBar
            year={props.year}
            period={props.period}
            quarters={props.quarters}
            onChange={(y, p) => update({ year: String(y), period: p === 'year' ? undefined : p })}
          />
        }
      />
      <OrgSelect value={props.org} onChange={(code) => update({ org: code })} placeholder={props.chooseOrg} />
      <DeadlineLine org={props.org} year={props.year} period={props.period} />
    </>
  );
}
