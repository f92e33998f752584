import { FileDoneOutlined, FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  type FormInstance,
  Popconfirm,
  Segmented,
  Spin,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { LoadError, Loading } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useCurrentUser } from '../auth/session';
import { kindOfKey } from '../supervision/period';
import { PeriodSwitcher } from '../supervision/period-switcher';
import {
  type CommitteeReportDto,
  documentUrl,
  type ReportPeriodKind,
  reportCommands,
  reportKeys,
  useReport,
  wordsInput,
} from './api';
import { periodStart, reportKeyOf, switchKind } from './period';
import { ReportFiguresView } from './report-figures';
import { ReportStatusTable } from './report-status-table';
import { ReportWordsForm, type WordsValues } from './report-words-form';
import '../supervision/supervision.css';
import './reports.css';
import { useUrlParams } from '../../lib/use-url-params';

const COMMITTEE_KINDS = ['committee', 'grassroots_committee', 'sub_committee'] as const;

/** `?committee=&period=` in the URL, so that a link or the back button opens the same report. */
function useReportFilters() {
  const { params, update } = useUrlParams();
  // Without ?committee= the page opens on the first node the account manages as admin or committee member.
  const me = useCurrentUser();
  const own = me.grants.find((g) => g.role === 'admin' || g.role === 'committee_member');
  const committee = params.get('committee') || own?.orgCode;
  const period = reportKeyOf(params.get('period'), dayjs());
  return { committee, period, update };
}

/** Number, date, who, and the SHA-256 of the issued DOCX; or the draft's date of figures. */
function IssuedState({ report }: { report: CommitteeReportDto }) {
  const { t } = useTranslation();
  if (!report.issued) {
    return (
      <Flex wrap gap={8} align="center">
        <Tag color="gold">{t('reports.draft')}</Tag>
        <span className="nn-muted nn-small">
          {t('reports.asOf', { date: formatDate(report.figures.asOf) })}
        </span>
      </Flex>
    );
  }
  const { issued } = report;
  return (
    <div className="nn-report-issued" data-testid="report-issued">
      <Tag color="green" icon={<FileDoneOutlined />} style={{ whiteSpace: 'normal' }}>
        {t('reports.issuedAs', { number: issued.number, date: formatDate(issued.issuedAt) })}
      </Tag>
      {issued.issuedBy ? (
        <div className="nn-small">{t('reports.issuedBy', { name: issued.issuedBy })}</div>
      ) : null}
      <div className="nn-small">
        {t('reports.sha256')}:{' '}
        <Typography.Text code copyable className="nn-report-hash">
          {issued.sha256}
        </Typography.Text>
      </div>
    </div>
  );
}

function Actions({ report, form }: { report: CommitteeReportDto; form: FormInstance<WordsValues> }) {
  const { t } = useTranslation();
  const { code } = report.committee;
  const issue = useAction({
    // The signer's name error comes back on the form's field.
    form,
    mutationFn: async () => {
      // Words typed but not saved are saved first: the report is issued with what the form shows.
      if (report.abilities.edit && form.isFieldsTouched()) {
        await reportCommands.saveWords(
          code,
          report.period.key,
          wordsInput(form.getFieldsValue().words ?? {}),
        );
      }
      return reportCommands.issue(code, report.period.key);
    },
    success: t('reports.issued'),
    invalidate: [reportKeys.all],
  });
  return (
    <Flex wrap gap={8}>
      <Button
        icon={<FileWordOutlined />}
        href={documentUrl(code, report.period.key, 'docx')}
        download
        data-testid="report-docx"
      >
        {t('reports.docx')}
      </Button>
      <Button
        icon={<FileExcelOutlined />}
        href={documentUrl(code, report.period.key, 'xlsx')}
        download
        data-testid="report-xlsx"
      >
        {t('reports.xlsx')}
      </Button>
      {report.abilities.issue ? (
        <Popconfirm
          title={t('reports.issueConfirm')}
          okText={t('reports.issue')}
          cancelText={t('common.cancel')}
          onConfirm={() => issue.mutate(undefined)}
        >
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            loading={issue.isPending}
            data-testid="report-issue"
          >
            {t('reports.issue')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}

/** `/reports`: a committee's quarterly or half-year report on its cells' meetings, and who below has issued. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { committee, period, update } = useReportFilters();
  const query = useReport(committee, period);
  const [form] = Form.useForm<WordsValues>();
  const report =
    query.data?.period.key === period && query.data.committee.code === committee ? query.data : undefined;
  const kind = (kindOfKey(period) ?? 'quarter') as ReportPeriodKind;
  const today = dayjs().format('YYYY-MM-DD');
  const label = report?.period.label[currentLang()];
  return (
    <>
      <PageHeader title={t('reports.title')} sub={report?.committee.issuerName} />
      <div className="nn-stack">
        <Card size="small">
          <div className="nn-sup-filters">
            <div className="nn-report-committee">
              <OrgSelect
                value={committee}
                onChange={(next) => update({ committee: next })}
                kinds={COMMITTEE_KINDS}
                allowClear={false}
                placeholder={t('reports.pickCommittee')}
                data-testid="report-committee"
              />
            </div>
            <Segmented<ReportPeriodKind>
              size="large"
              value={kind}
              onChange={(next) => update({ period: switchKind(period, next) })}
              options={[
                { value: 'quarter', label: t('reports.kind.quarter') },
                { value: 'half_year', label: t('reports.kind.half_year') },
              ]}
              data-testid="report-kind"
            />
            <PeriodSwitcher
              periodKey={period}
              label={label}
              // A period not begun has nothing to report: the switcher stops at the current one.
              onChange={(next) => (periodStart(next) <= today ? update({ period: next }) : undefined)}
            />
          </div>
        </Card>
        {!committee ? (
          <Alert type="info" showIcon title={t('reports.noCommittee')} />
        ) : query.error && !report ? (
          <LoadError error={query.error} onRetry={() => void query.refetch()} />
        ) : !report ? (
          <Loading />
        ) : (
          <>
            <Card size="small">
              <Flex wrap gap={12} justify="space-between" align="center">
                <IssuedState report={report} />
                <Actions report={report} form={form} />
              </Flex>
              {query.isFetching ? <Spin size="small" /> : null}
            </Card>
            <ReportFiguresView figures={report.figures} />
            <Card size="small" title={t('reports.words')}>
              <ReportWordsForm report={report} form={form} />
            </Card>
            <ReportStatusTable
              org={committee}
              period={period}
              onOpen={(code) => update({ committee: code })}
            />
          </>
        )}
      </div>
    </>
  );
}
