import { Button, Flex, InputNumber, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { MonthSwitcher } from '../../components/month-switcher';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { duesOrgs, isDuesReader, thisMonth } from './api';
import { ArrearsCard } from './arrears-card';
import { LedgerCard } from './ledger-card';

type Tab = 'ledger' | 'arrears';

/**
 * "Đảng phí" (issue 16; domain.md §7, QĐ 01-QĐ/TW): the cell's ledger for a month and its arrears for a
 * year, for the secretary and the committees above (the server's DUES_READERS); a member without such a
 * grant goes to his or her own statement. The organisation, month, year and tab are kept in the address.
 */
export function DuesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  if (!isDuesReader(me)) return <Navigate to="/dues/mine" replace />;
  const org = params.get('org') ?? duesOrgs(me)[0];
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : thisMonth();
  const tab: Tab = params.get('tab') === 'arrears' ? 'arrears' : 'ledger';
  const year = Number(params.get('year')) || Number(month.slice(0, 4));
  return (
    <>
      <PageHeader
        title={t('dues.ledger.title')}
        extra={
          <Flex wrap gap={8}>
            <Link to={`/dues/remittance${org ? `?org=${encodeURIComponent(org)}` : ''}`}>
              <Button data-testid="dues-to-remittance">{t('duesRemit.open')}</Button>
            </Link>
            <Link to={`/dues/portal${org ? `?org=${encodeURIComponent(org)}` : ''}`}>
              <Button data-testid="dues-to-portal">{t('duesPortal.open')}</Button>
            </Link>
            {me.memberCode ? (
              <Link to="/dues/mine">
                <Button data-testid="dues-to-mine">{t('dues.ledger.mine')}</Button>
              </Link>
            ) : null}
          </Flex>
        }
      />
      <Flex vertical gap={12}>
        <OrgSelect
          value={org}
          onChange={(code) => update({ org: code })}
          placeholder={t('dues.ledger.chooseOrg')}
        />
        <Segmented<Tab>
          block
          value={tab}
          onChange={(value) => update({ tab: value === 'ledger' ? undefined : value })}
          options={[
            { value: 'ledger', label: t('dues.ledger.tabs.ledger') },
            { value: 'arrears', label: t('dues.ledger.tabs.arrears') },
          ]}
          data-testid="dues-tabs"
        />
        {tab === 'ledger' ? (
          <Flex gap={4} align="center" wrap>
            <MonthSwitcher
              month={dayjs(`${month}-01`)}
              onChange={(next) => update({ month: next?.format('YYYY-MM') })}
              label={t('dues.month')}
              testId="dues-month"
            />
          </Flex>
        ) : (
          <Flex gap={8} align="center">
            <span>{t('dues.year')}</span>
            <InputNumber
              min={1900}
              max={2100}
              value={year}
              onChange={(value) => value && update({ year: String(value) })}
              aria-label={t('dues.year')}
              data-testid="dues-year"
            />
          </Flex>
        )}
        {org ? (
          tab === 'ledger' ? (
            <LedgerCard org={org} month={month} />
          ) : (
            <ArrearsCard org={org} year={year} />
          )
        ) : null}
      </Flex>
    </>
  );
}
