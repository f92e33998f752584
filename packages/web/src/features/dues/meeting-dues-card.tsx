import type { MeetingDetailDto } from '@nennep/core/meetings/api-types';
import { Alert, Button, Card, Checkbox, Flex, InputNumber, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ItemList } from '../../components/item-list';
import { formatNumber } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useCurrentUser } from '../auth/session';
import {
  duesCommands,
  duesKeys,
  isDuesItem,
  isDuesReader,
  monthText,
  type NamedLedgerRow,
  namedRows,
  useDuesLedger,
  useDuesMembers,
} from './api';
import { ReliefTag, Vnd } from './ledger-card';

/** What is left to pay for the month: the due less what was paid, else the due itself (a payment ahead). */
const owing = (r: NamedLedgerRow) => (r.paidVnd < r.dueVnd ? r.dueVnd - r.paidVnd : 0);

function BatchForm({
  meeting,
  rows,
  month,
}: {
  meeting: MeetingDetailDto;
  rows: NamedLedgerRow[];
  month: string;
}) {
  const { t } = useTranslation();
  // Ticked by default: those who still owe for the month; the amount is what they owe.
  const [ticked, setTicked] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(rows.map((r) => [r.memberCode, owing(r) > 0])),
  );
  const [amounts, setAmounts] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(rows.map((r) => [r.memberCode, owing(r) || r.dueVnd || null])),
  );
  const entries = rows
    .filter((r) => ticked[r.memberCode] && (amounts[r.memberCode] ?? 0) !== 0)
    .map((r) => ({
      memberCode: r.memberCode,
      month,
      paidVnd: amounts[r.memberCode] ?? 0,
      channel: 'cash' as const,
    }));
  const record = useAction({
    mutationFn: () => duesCommands.payments({ meetingId: meeting.id, entries }),
    success: t('dues.meeting.saved'),
    invalidate: [duesKeys.all],
    onSuccess: () => setTicked({}),
  });
  return (
    <>
      <p className="nn-muted" style={{ marginTop: 0 }}>
        {t('dues.meeting.help')}
      </p>
      <ItemList>
        {rows.map((r) => (
          <List.Item key={r.memberCode} data-testid="meeting-dues-row" data-code={r.memberCode}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex wrap gap={6} align="center" justify="space-between">
                <Checkbox
                  checked={!!ticked[r.memberCode]}
                  onChange={(e) => setTicked((s) => ({ ...s, [r.memberCode]: e.target.checked }))}
                  data-testid="meeting-dues-tick"
                >
                  <strong>{r.fullName}</strong>
                </Checkbox>
                <ReliefTag exempt={r.exempt} reductionPercent={r.reductionPercent} />
              </Flex>
              <Flex wrap gap={8} align="center" className="nn-small">
                <span>
                  <span className="nn-muted">{t('dues.due')}: </span>
                  <Vnd value={r.dueVnd} />
                </span>
                {r.paidVnd > 0 ? (
                  <Tag color={owing(r) === 0 ? 'green' : 'gold'} data-testid="meeting-dues-paid">
                    {t('dues.meeting.paidHere')}: {formatNumber(r.paidVnd)}
                  </Tag>
                ) : null}
                <InputNumber
                  value={amounts[r.memberCode]}
                  step={1000}
                  disabled={!ticked[r.memberCode]}
                  onChange={(value) => setAmounts((s) => ({ ...s, [r.memberCode]: value }))}
                  aria-label={`${t('dues.pay.amount')}: ${r.fullName}`}
                  style={{ width: 140 }}
                  data-testid="meeting-dues-amount"
                />
              </Flex>
            </Flex>
          </List.Item>
        ))}
      </ItemList>
      <Button
        type="primary"
        size="large"
        block
        disabled={entries.length === 0}
        loading={record.isPending}
        onClick={() => record.mutate(undefined)}
        data-testid="meeting-dues-record"
      >
        {t('dues.meeting.record', { count: entries.length })}
      </Button>
    </>
  );
}

/**
 * The meeting's dues item ("Thu đảng phí", seed 002; QĐ 01-QĐ/TW: dues paid monthly in cash to the cell):
 * while the meeting runs, the secretary ticks the members who pay and records them in one batch
 * (`POST /api/dues/payments` with the meeting); once the minutes are adopted it is read-only (adopted
 * minutes never change; the server refuses payments at an adopted meeting). Shown when the agenda has the item.
 */
export function MeetingDuesCard({ meeting, editable }: { meeting: MeetingDetailDto; editable: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const shown = isDuesReader(me) && meeting.agenda.some((a) => isDuesItem(a.title));
  const month = meeting.date.slice(0, 7);
  const ledger = useDuesLedger(shown ? meeting.orgCode : undefined, month);
  const members = useDuesMembers(shown ? meeting.orgCode : undefined);
  if (!shown || !ledger.data) return null;
  const own = new Set(
    (members.data?.items ?? []).filter((m) => m.orgCode === meeting.orgCode).map((m) => m.memberCode),
  );
  const rows = namedRows(ledger.data, members.data?.items ?? []).filter(
    (r) => own.size === 0 || own.has(r.memberCode),
  );
  const paid = rows.filter((r) => r.paidVnd > 0);
  const total = paid.reduce((sum, r) => sum + r.paidVnd, 0);
  return (
    <Card
      size="small"
      title={t('dues.meeting.title', { month: monthText(month) })}
      extra={
        <Link to={`/dues?org=${encodeURIComponent(meeting.orgCode)}&month=${month}`}>
          {t('dues.meeting.openLedger')}
        </Link>
      }
      data-testid="meeting-dues"
    >
      <div style={{ marginBottom: 8 }} data-testid="meeting-dues-summary">
        {t('dues.meeting.summary', { paid: paid.length, total: rows.length, amount: formatNumber(total) })}
      </div>
      {editable ? (
        <BatchForm key={`${ledger.dataUpdatedAt}`} meeting={meeting} rows={rows} month={month} />
      ) : (
        <>
          <Alert type="info" showIcon title={t('dues.meeting.readOnly')} style={{ marginBottom: 8 }} />
          <ItemList>
            {rows.map((r) => (
              <List.Item key={r.memberCode} data-testid="meeting-dues-row" data-code={r.memberCode}>
                <Flex wrap gap={8} justify="space-between" style={{ width: '100%' }}>
                  <span>{r.fullName}</span>
                  <Vnd value={r.paidVnd} />
                </Flex>
              </List.Item>
            ))}
          </ItemList>
        </>
      )}
    </Card>
  );
}
