import type { PortalPreviewDto } from '@nennep/core/dues/portal-types';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../lib/format';
import { monthText } from './api';

/**
 * The rows of a statement as the server matched them: those matched to a member (amount against the month's
 * due, and how the member was found), and those not recorded with the row, the column and the reason.
 * Lists rather than wide tables, so the page reads at 360 px.
 */
export function PortalRows({ preview }: { preview: PortalPreviewDto }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('duesPortal.matched', { count: preview.matched.length })}>
        <Typography.Paragraph data-testid="portal-total">
          {t('duesPortal.total', { amount: formatNumber(preview.totalVnd) })}
        </Typography.Paragraph>
        <List
          size="small"
          dataSource={preview.matched}
          rowKey="row"
          data-testid="portal-matched"
          renderItem={(r) => (
            <List.Item>
              <Typography.Text>
                {t('duesPortal.row')} {r.row} · <b>{r.fullName}</b> ({r.memberCode}) · {t('duesPortal.month')}{' '}
                {monthText(r.month)} · {t('duesPortal.paid')} {formatNumber(r.paidVnd)} ·{' '}
                {t('duesPortal.due')} {formatNumber(r.dueVnd)} · {t('duesPortal.paidOn')}{' '}
                {formatDate(r.paidOn)}{' '}
                <Tag color={r.paidVnd === r.dueVnd ? 'green' : 'gold'}>
                  {t(`duesPortal.by.${r.matchedBy}`)}
                </Tag>
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
      {preview.unmatched.length > 0 ? (
        <Card size="small" title={t('duesPortal.unmatched', { count: preview.unmatched.length })}>
          <List
            size="small"
            dataSource={preview.unmatched}
            rowKey="row"
            data-testid="portal-unmatched"
            renderItem={(u) => (
              <List.Item>
                <Typography.Text type="danger">
                  {t('duesPortal.reason', { row: u.row, field: u.field, message: u.message })}
                </Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
