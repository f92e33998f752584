import { isPastQuarter } from '@nennep/core/thematic/rules';
import { Button, Card, Flex, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ItemList } from '../../components/item-list';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { type ThematicRegistrationSummaryDto, todayIso, useRegistrations } from './api';
import { RegisterModal } from './register-form';
import { RegistrationStatusTag } from './tags';

function RegistrationLine({ item }: { item: ThematicRegistrationSummaryDto }) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      gap={2}
      data-testid="thematic-cell-registration"
      data-id={item.id}
      data-status={item.status}
    >
      <Link to={`/thematic/registrations/${item.id}`} style={{ overflowWrap: 'anywhere' }}>
        {item.title}
      </Link>
      <Flex wrap gap={8} align="center">
        <RegistrationStatusTag status={item.status} />
        <Typography.Text type="secondary">
          {t('thematic.cell.plannedOn', { date: formatDate(item.plannedDate) })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

/**
 * The cell's papers (tham luận) for the committee-wide sessions of the year (seed 004), apart from its own
 * topics of the quarter: each with its title, a link to the registration where the cell drafts and comments
 * on it, and to the session.
 */
function SessionPapers({ items }: { items: ThematicRegistrationSummaryDto[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('thematic.cell.sessionPapers')}>
      <ItemList size="small" data-testid="thematic-cell-session-papers">
        {items.map((item) => (
          <List.Item
            key={item.id}
            data-testid="thematic-cell-session-paper"
            data-id={item.id}
            data-session={item.sessionId}
          >
            <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
              <Link to={`/thematic/registrations/${item.id}`} style={{ overflowWrap: 'anywhere' }}>
                {item.title}
              </Link>
              <Flex wrap gap={8} align="center">
                <Typography.Text type="secondary">
                  {t('thematic.quarterOf', { quarter: item.quarter, year: item.year })} ·{' '}
                  {formatDate(item.plannedDate)}
                </Typography.Text>
                <Link to={`/thematic/sessions/${item.sessionId}`}>{t('thematic.cell.openSession')}</Link>
              </Flex>
            </Flex>
          </List.Item>
        ))}
      </ItemList>
    </Card>
  );
}

/**
 * A cell's year, quarter by quarter (HD 12-HD/BTCTW, on sinh hoạt chuyên đề: at least one thematic meeting
 * per quarter): its registrations, and "Đăng ký chuyên đề" for a quarter not yet registered nor over (a paper
 * for a committee-wide session is not the cell's own topic of the quarter); then its session papers.
 */
export function CellCard({ cell, year }: { cell: string; year: number }) {
  const { t } = useTranslation();
  const registrations = useRegistrations(cell, year);
  const [registering, setRegistering] = useState<number | null>(null);
  const today = todayIso();
  const canRegister = registrations.data?.abilities.register ?? false;
  const sessionPapers = (registrations.data?.items ?? []).filter((r) => r.sessionId !== null);
  return (
    <>
      <Card size="small" title={t('thematic.cell.title', { year })}>
        <QueryState query={registrations}>
          {(data) => (
            <ItemList size="small">
              {[1, 2, 3, 4].map((quarter) => {
                const items = data.items.filter((r) => r.quarter === quarter && r.sessionId === null);
                const live = items.some((r) => r.status !== 'refused');
                const past = isPastQuarter(year, quarter, today);
                return (
                  <List.Item key={quarter} data-testid="thematic-cell-quarter" data-quarter={quarter}>
                    <Flex vertical gap={6} style={{ width: '100%', minWidth: 0 }}>
                      <Typography.Text strong>{t('thematic.quarterOf', { quarter, year })}</Typography.Text>
                      {items.map((item) => (
                        <RegistrationLine key={item.id} item={item} />
                      ))}
                      {live ? null : past ? (
                        <Typography.Text type="secondary">
                          {items.length
                            ? t('thematic.cell.past')
                            : `${t('thematic.cell.none')} · ${t('thematic.cell.past')}`}
                        </Typography.Text>
                      ) : canRegister ? (
                        <Button
                          type="primary"
                          onClick={() => setRegistering(quarter)}
                          data-testid="thematic-register"
                          style={{ alignSelf: 'flex-start' }}
                        >
                          {t('thematic.cell.register')}
                        </Button>
                      ) : (
                        <Typography.Text type="secondary">{t('thematic.cell.none')}</Typography.Text>
                      )}
                    </Flex>
                  </List.Item>
                );
              })}
            </ItemList>
          )}
        </QueryState>
        {registering !== null ? (
          <RegisterModal cell={cell} year={year} quarter={registering} onClose={() => setRegistering(null)} />
        ) : null}
      </Card>
      <SessionPapers items={sessionPapers} />
    </>
  );
}
