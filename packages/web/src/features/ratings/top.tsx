import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { PeriodBar } from './parts';

/**
 * The head of the cell's, the committee's and the summary page: the title with the year and period, then the
 * organisation, all kept in the address (`useUrlParams`).
 */
export function RatingsTop(props: {
  title: string;
  chooseOrg: string;
  org: string | undefined;
  year: number;
  period: Parameters<typeof PeriodBar>[0]['period'];
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
    </>
  );
}
