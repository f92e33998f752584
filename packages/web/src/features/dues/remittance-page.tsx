import { FileExcelOutlined, FileWordOutlined, RightOutlined } from '@ant-design/icons';
import type { DuesRemittanceDto, DuesRemittanceRowDto } from '@nennep/core/dues/api-types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, InputNumber, Select, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { apiGet, toQueryString } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { duesOrgs, isDuesReader, thisMonth } from './api';

type Query = { org: string | undefined; year: number; month: string | undefined };

function useRemittance({ org, year, month }: Query) {
  return useQuery({
    queryKey: ['dues', 'remittance', org ?? '', year, month ?? ''],
    queryFn: () => apiGet<DuesRemittanceDto>('/api/dues/remittance', { org, year, month }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

const reportHref = (format: 'docx' | 'xlsx', q: Query) =>
  `/api/dues/report.${format}${toQueryString({ org: q.org, year: q.year, month: q.month })}`;

/** A rate with one decimal, "—" when nothing was due. */
const rateText = (rate: number | null) => (rate === null ? '—' : `${formatNumber(rate)} %`);

function RemittanceTable({ data, onDrill }: { data: DuesRemittanceDto; onDrill: (code: string) => void }) {
  const { t } = useTranslation();
  const rows = data.children.length > 0 ? data.children : [data.org];
  const titles = {
    expectedVnd: t('duesRemit.expected'),
    collectedVnd: t('duesRemit.collected'),
    keptVnd: t('duesRemit.kept'),
    sentVnd: t('duesRemit.sent'),
  };
  const money = (key: keyof typeof titles, width = 110) => ({
    key,
    title: titles[key],
    align: 'right' as const,
    width,
    render: (_: unknown, row: DuesRemittanceRowDto) => (
      <span data-testid={`remit-${row.code}-${key}`}>{formatNumber(row[key])}</span>
    ),
  });
  const total = data.org;
  return (
    <Table<DuesRemittanceRowDto>
      size="small"
      rowKey="code"
      data-testid="remit-table"
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      // Wider than a phone: the table scrolls sideways, the unit's name stays in view.
      scroll={{ x: 760 }}
      dataSource={rows}
      onRow={(row) => ({ 'data-testid': `remit-row-${row.code}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'unit',
          title: t('duesRemit.unit'),
          fixed: 'left',
          width: 130,
          render: (_, row) =>
            row.hasChildren && row.code !== data.org.code ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onDrill(row.code)}
                title={t('duesRemit.drill')}
                data-testid={`remit-drill-${row.code}`}
              >
                {row.name} <RightOutlined />
              </Button>
            ) : (
              row.name
            ),
        },
        money('expectedVnd'),
        money('collectedVnd'),
        {
          key: 'rate',
          title: t('duesRemit.rate'),
          align: 'right',
          width: 80,
          render: (_, row) => <span data-testid={`remit-${row.code}-rate`}>{rateText(row.ratePercent)}</span>,
        },
        {
          key: 'arrears',
          title: t('duesRemit.arrears'),
          align: 'right',
          width: 90,
          render: (_, row) => (
            <span data-testid={`remit-${row.code}-arrears`}>{formatNumber(row.membersInArrears)}</span>
          ),
        },
        money('keptVnd'),
        money('sentVnd'),
      ]}
      summary={() =>
        data.children.length > 0 ? (
          <Table.Summary.Row data-testid="remit-total">
            <Table.Summary.Cell index={0}>
              <strong>{t('duesRemit.total')}</strong>
            </Table.Summary.Cell>
            {[
              total.expectedVnd,
              total.collectedVnd,
              rateText(total.ratePercent),
              total.membersInArrears,
              total.keptVnd,
              total.sentVnd,
            ].map((v, i) => (
              // A fixed row of six figures: the position is the column.
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns never move
              <Table.Summary.Cell key={i} index={i + 1} align="right">
                <strong>{typeof v === 'number' ? formatNumber(v) : v}</strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

/**
 * "Thu nộp đảng phí" (issue 16 point 5; domain.md §7): for a committee, per unit below it, what was due and
 * collected, the rate, the members in arrears, what the levels keep and send up; a unit with units below
 * drills down; the report (DOCX) and the dues book (XLSX) download with the same period. Org, year and month
 * are kept in the address.
 */
export function DuesRemittancePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const year = Number(params.get('year')) || Number(thisMonth().slice(0, 4));
  const monthParam = params.get('month') ?? '';
  const month =
    /^\d{4}-\d{2}$/.test(monthParam) && monthParam.startsWith(String(year)) ? monthParam : undefined;
  const org = params.get('org') ?? duesOrgs(me)[0];
  const q: Query = { org, year, month };
  const query = useRemittance(q);
  if (!isDuesReader(me)) return <Navigate to="/dues/mine" replace />;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return (
    <>
      <PageHeader title={t('duesRemit.title')} />
      <Flex vertical gap={12}>
        <OrgSelect
          value={org}
          onChange={(code) => update({ org: code })}
          placeholder={t('duesRemit.chooseOrg')}
          data-testid="remit-org"
        />
        <Flex gap={8} align="center" wrap>
          <InputNumber
            min={1900}
            max={2100}
            value={year}
            onChange={(value) => value && update({ year: String(value), month: undefined })}
            aria-label={t('duesRemit.year')}
            data-testid="remit-year"
            style={{ width: 100 }}
          />
          <Select<string>
            value={month ?? ''}
            onChange={(value) => update({ month: value || undefined })}
            aria-label={t('duesRemit.month')}
            data-testid="remit-month"
            style={{ minWidth: 130 }}
            options={[
              { value: '', label: t('duesRemit.wholeYear') },
              ...months.map((m) => ({
                value: m,
                label: t('duesRemit.monthOption', { month: Number(m.slice(5)) }),
              })),
            ]}
          />
        </Flex>
        {org ? (
          <QueryState query={query}>
            {(data) => (
              <Flex vertical gap={12}>
                <Card size="small" title={data.org.name} data-testid="remit-summary">
                  <Flex wrap gap={16}>
                    <Typography.Text>
                      {t('duesRemit.collected')}: <strong>{formatNumber(data.org.collectedVnd)}</strong> /{' '}
                      {formatNumber(data.org.expectedVnd)} ({rateText(data.org.ratePercent)})
                    </Typography.Text>
                    <Typography.Text>
                      {t('duesRemit.ownKept')}: <strong>{formatNumber(data.org.ownKeptVnd)}</strong>
                    </Typography.Text>
                    <Typography.Text>
                      {t('duesRemit.sent')}: <strong>{formatNumber(data.org.sentVnd)}</strong>
                    </Typography.Text>
                  </Flex>
                </Card>
                {data.months.length === 0 ? (
                  <Empty description={t('duesRemit.noMonths')} />
                ) : (
                  <RemittanceTable data={data} onDrill={(code) => update({ org: code })} />
                )}
                <Typography.Text type="secondary">{t('duesRemit.hint')}</Typography.Text>
                <Flex wrap gap={8}>
                  <Button
                    icon={<FileWordOutlined />}
                    href={reportHref('docx', q)}
                    download
                    data-testid="remit-docx"
                  >
                    {t('duesRemit.docx')}
                  </Button>
                  <Button
                    icon={<FileExcelOutlined />}
                    href={reportHref('xlsx', q)}
                    download
                    data-testid="remit-xlsx"
                  >
                    {t('duesRemit.xlsx')}
                  </Button>
                </Flex>
              </Flex>
            )}
          </QueryState>
        ) : null}
      </Flex>
    </>
  );
}
