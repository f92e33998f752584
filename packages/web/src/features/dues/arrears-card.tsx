import { Alert, Button, Card, Empty, Flex, List, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemList } from '../../components/item-list';
import { QueryState } from '../../components/query-state';
import { DEFAULT_DUES_RULES, monthText, useDuesArrears, useDuesMembers } from './api';
import { type DuesTarget, ReasonModal } from './dues-forms';

/**
 * The year's arrears of a cell (issue 16 point 4): each member with months not paid in full, the alert at
 * three such months without a recorded reason (QĐ 01-QĐ/TW, Điều 2 khoản 1: the cell proposes removal), and
 * the secretary's "ghi lý do" for a month (a month with a reason no longer counts).
 */
export function ArrearsCard({ org, year }: { org: string; year: number }) {
  const { t } = useTranslation();
  const arrears = useDuesArrears(org, year);
  const members = useDuesMembers(org);
  const [target, setTarget] = useState<DuesTarget | null>(null);
  const names = new Map((members.data?.items ?? []).map((m) => [m.memberCode, m.fullName]));
  const alertAt = DEFAULT_DUES_RULES.arrears.alertUnpaidMonths;
  return (
    <Card size="small" title={t('dues.arrears.title', { year })} data-testid="dues-arrears">
      <QueryState query={arrears}>
        {(data) =>
          data.rows.length === 0 ? (
            <Empty description={t('dues.arrears.none')} />
          ) : (
            <ItemList>
              {data.rows.map((r) => {
                const fullName = names.get(r.memberCode) ?? r.memberCode;
                return (
                  <List.Item key={r.memberCode} data-testid="dues-arrears-row" data-code={r.memberCode}>
                    <Flex vertical gap={6} style={{ width: '100%' }}>
                      <Flex wrap gap={8} align="center" justify="space-between">
                        <strong>{fullName}</strong>
                        <Tag color={r.unpaidMonths.length >= alertAt ? 'red' : 'orange'}>
                          {t('dues.arrears.count', { count: r.unpaidMonths.length })}
                        </Tag>
                      </Flex>
                      {r.unpaidMonths.length >= alertAt ? (
                        <Alert type="error" showIcon title={t('dues.arrears.alert')} />
                      ) : null}
                      <div className="nn-muted nn-small">{t('dues.arrears.months')}:</div>
                      <Flex wrap gap={6}>
                        {r.unpaidMonths.map((month) => (
                          <Button
                            key={month}
                            size="small"
                            onClick={() =>
                              setTarget({ memberCode: r.memberCode, fullName, month, dueVnd: 0 })
                            }
                            title={t('dues.arrears.reason')}
                            data-testid="dues-arrears-month"
                          >
                            {monthText(month)} · {t('dues.arrears.reason')}
                          </Button>
                        ))}
                      </Flex>
                    </Flex>
                  </List.Item>
                );
              })}
            </ItemList>
          )
        }
      </QueryState>
      {target ? <ReasonModal target={target} onClose={() => setTarget(null)} /> : null}
    </Card>
  );
}
