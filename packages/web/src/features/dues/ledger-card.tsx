import { Button, Card, Empty, Flex, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList } from '../../components/item-list';
import { QueryState } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { type NamedLedgerRow, namedRows, useDuesLedger, useDuesMembers } from './api';
import { BasisModal, type DuesTarget, PayModal, ReliefModal } from './dues-forms';

/** The exemption or reduction in force for the month, as a tag. */
export function ReliefTag({ exempt, reductionPercent }: { exempt: boolean; reductionPercent: number }) {
  const { t } = useTranslation();
  if (exempt) return <Tag color="green">{t('dues.exempt')}</Tag>;
  if (reductionPercent > 0)
    return <Tag color="blue">{t('dues.reduction', { percent: reductionPercent })}</Tag>;
  return null;
}

/** Amounts in đồng, written the Vietnamese way (1.234.000 đ). */
export function Vnd({ value, testId }: { value: number; testId?: string }) {
  const { t } = useTranslation();
  return <span data-testid={testId}>{t('dues.vnd', { amount: formatNumber(value) })}</span>;
}

type Dialog = { kind: 'pay' | 'basis' | 'relief'; target: DuesTarget };

function Row({ row, month, open }: { row: NamedLedgerRow; month: string; open: (d: Dialog) => void }) {
  const { t } = useTranslation();
  const target: DuesTarget = {
    memberCode: row.memberCode,
    fullName: row.fullName,
    month,
    dueVnd: row.dueVnd,
  };
  const full = row.paidVnd >= row.dueVnd;
  return (
    <List.Item
      data-testid="dues-row"
      data-code={row.memberCode}
      data-paid={row.paidVnd}
      data-due={row.dueVnd}
    >
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex wrap gap={4} align="center" justify="space-between">
          <strong>{row.fullName}</strong>
          <ReliefTag exempt={row.exempt} reductionPercent={row.reductionPercent} />
        </Flex>
        <Flex wrap gap={12} className="nn-small">
          <span>
            <span className="nn-muted">{t('dues.due')}: </span>
            <Vnd value={row.dueVnd} />
          </span>
          <span style={full ? undefined : { color: 'var(--ant-color-error, #cf1322)' }}>
            <span className="nn-muted">{t('dues.paid')}: </span>
            <Vnd value={row.paidVnd} testId="dues-row-paid" />
          </span>
        </Flex>
        <Flex wrap gap={8}>
          <Button type="primary" onClick={() => open({ kind: 'pay', target })} data-testid="dues-row-pay">
            {t('dues.ledger.pay')}
          </Button>
          <Button onClick={() => open({ kind: 'basis', target })} data-testid="dues-row-basis">
            {t('dues.ledger.basis')}
          </Button>
          <Button onClick={() => open({ kind: 'relief', target })} data-testid="dues-row-relief">
            {t('dues.ledger.relief')}
          </Button>
        </Flex>
      </Flex>
    </List.Item>
  );
}

/**
 * The month's ledger of a cell (QĐ 01-QĐ/TW; issue 16 point 3): each member's due and what was paid for the
 * month, the exemption or reduction in force, the totals (= the sums of the rows, as the server gives them),
 * and the secretary's dialogs: a cash payment, the basis, a relief decision.
 */
export function LedgerCard({ org, month }: { org: string; month: string }) {
  const { t } = useTranslation();
  const ledger = useDuesLedger(org, month);
  const members = useDuesMembers(org);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  return (
    <>
      <QueryState query={ledger}>
        {(data) => {
          const rows = namedRows(data, members.data?.items ?? []);
          const paidUp = rows.filter((r) => r.paidVnd >= r.dueVnd).length;
          return (
            <Flex vertical gap={12}>
              <Card size="small" title={t('dues.totals')} data-testid="dues-totals">
                <Flex wrap gap={16}>
                  <span>
                    <span className="nn-muted">{t('dues.due')}: </span>
                    <strong>
                      <Vnd value={data.totals.dueVnd} testId="dues-total-due" />
                    </strong>
                  </span>
                  <span>
                    <span className="nn-muted">{t('dues.paid')}: </span>
                    <strong>
                      <Vnd value={data.totals.paidVnd} testId="dues-total-paid" />
                    </strong>
                  </span>
                  <span className="nn-muted" data-testid="dues-total-count">
                    {t('dues.ledger.counted', { paid: paidUp, total: rows.length })}
                  </span>
                </Flex>
              </Card>
              <Card size="small" title={t('dues.member')} data-testid="dues-ledger">
                {rows.length === 0 ? (
                  <Empty description={t('dues.ledger.empty')} />
                ) : (
                  <ItemList>
                    {rows.map((r) => (
                      <Row key={r.memberCode} row={r} month={month} open={setDialog} />
                    ))}
                  </ItemList>
                )}
              </Card>
            </Flex>
          );
        }}
      </QueryState>
      {dialog?.kind === 'pay' ? <PayModal target={dialog.target} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'basis' ? (
        <BasisModal target={dialog.target} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'relief' ? (
        <ReliefModal target={dialog.target} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
