import { Alert, Button, Card, Flex, InputNumber, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList } from '../../components/item-list';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { monthText, thisMonth, useMyDues } from './api';
import { BasisModal } from './dues-forms';
import { ReliefTag, Vnd } from './ledger-card';

/**
 * "Đảng phí của tôi" (issue 16; QĐ 01-QĐ/TW): the member's own months of the year — due, paid, the relief in
 * force —, the totals and the months already over not paid in full. Only his or her own (`/api/dues/mine`).
 */
export function DuesMinePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const year = Number(params.get('year')) || Number(thisMonth().slice(0, 4));
  const statement = useMyDues(year, !!me.memberCode);
  // QĐ 01-QĐ/TW: members declare the income their dues are computed on; the server keeps who declared it.
  const [declaring, setDeclaring] = useState(false);
  return (
    <>
      <PageHeader
        title={t('dues.mine.title')}
        extra={
          <Flex gap={8} align="center">
            <span>{t('dues.year')}</span>
            <InputNumber
              min={1900}
              max={2100}
              value={year}
              onChange={(value) => value && update({ year: String(value) })}
              aria-label={t('dues.year')}
              data-testid="dues-mine-year"
            />
          </Flex>
        }
      />
      {me.memberCode ? (
        <QueryState query={statement}>
          {(data) => (
            <Flex vertical gap={12} data-testid="dues-mine">
              {declaring && me.memberCode ? (
                <BasisModal
                  target={{
                    memberCode: me.memberCode,
                    fullName: data.fullName,
                    month: thisMonth(),
                    dueVnd: 0,
                  }}
                  onClose={() => setDeclaring(false)}
                />
              ) : null}
              <Card
                size="small"
                title={data.fullName}
                extra={
                  <Button size="small" onClick={() => setDeclaring(true)} data-testid="dues-mine-declare">
                    {t('dues.mine.declare')}
                  </Button>
                }
              >
                <Typography.Paragraph type="secondary">{t('dues.mine.declareHint')}</Typography.Paragraph>
                <Flex wrap gap={16}>
                  <span>
                    <span className="nn-muted">{t('dues.due')}: </span>
                    <strong>
                      <Vnd value={data.totals.dueVnd} testId="dues-mine-due" />
                    </strong>
                  </span>
                  <span>
                    <span className="nn-muted">{t('dues.paid')}: </span>
                    <strong>
                      <Vnd value={data.totals.paidVnd} testId="dues-mine-paid" />
                    </strong>
                  </span>
                </Flex>
                <div style={{ marginTop: 8 }}>
                  {data.unpaidMonths.length > 0 ? (
                    <Alert
                      type="warning"
                      showIcon
                      title={t('dues.mine.unpaid', { months: data.unpaidMonths.map(monthText).join(', ') })}
                      data-testid="dues-mine-unpaid"
                    />
                  ) : (
                    <Alert type="success" showIcon title={t('dues.mine.allPaid')} />
                  )}
                </div>
              </Card>
              <Card size="small">
                <ItemList>
                  {data.months.map((m) => (
                    <List.Item key={m.month} data-testid="dues-mine-month" data-month={m.month}>
                      <Flex wrap gap={12} align="center" style={{ width: '100%' }}>
                        <strong style={{ minWidth: 64 }}>{monthText(m.month)}</strong>
                        <span>
                          <span className="nn-muted">{t('dues.due')}: </span>
                          <Vnd value={m.dueVnd} />
                        </span>
                        <span>
                          <span className="nn-muted">{t('dues.paid')}: </span>
                          <Vnd value={m.paidVnd} />
                        </span>
                        <ReliefTag exempt={m.exempt} reductionPercent={m.reductionPercent} />
                      </Flex>
                    </List.Item>
                  ))}
                </ItemList>
              </Card>
            </Flex>
          )}
        </QueryState>
      ) : (
        <Alert type="info" showIcon title={t('dues.mine.notMember')} />
      )}
    </>
  );
}
