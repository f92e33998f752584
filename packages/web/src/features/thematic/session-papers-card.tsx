import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ItemList } from '../../components/item-list';
import type { SessionPaperStatus, ThematicSessionDto } from './session-api';

const COLORS: Record<SessionPaperStatus, string> = { assigned: 'default', drafted: 'gold', shared: 'green' };

/**
 * Each cell's paper (tham luận) at the session: its presenters and where it stands — drafted, shared with
 * the cell's members, how many comments — and a link to the registration where the cell works on it.
 */
export function SessionPapersCard({ session }: { session: ThematicSessionDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('thematicSession.papers.title', { count: session.cells.length })}>
      {session.cells.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('thematicSession.papers.empty')} />
      ) : (
        <ItemList size="small" data-testid="session-papers">
          {session.cells.map((p) => (
            <List.Item
              key={p.registrationId}
              data-testid="session-paper"
              data-org={p.orgCode}
              data-status={p.status}
            >
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex wrap gap={8} justify="space-between">
                  <Typography.Text strong>{p.orgName}</Typography.Text>
                  <Tag color={COLORS[p.status]}>{t(`thematicSession.papers.status.${p.status}`)}</Tag>
                </Flex>
                <Link to={`/thematic/registrations/${p.registrationId}`} style={{ overflowWrap: 'anywhere' }}>
                  {p.title}
                </Link>
                <Typography.Text type="secondary">
                  {t('thematicSession.papers.presenters', {
                    names: p.presenters.map((x) => x.fullName).join(', '),
                  })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('thematicSession.papers.versions', { count: p.versions })} ·{' '}
                  {t('thematicSession.papers.comments', { count: p.comments })}
                </Typography.Text>
              </Flex>
            </List.Item>
          ))}
        </ItemList>
      )}
    </Card>
  );
}
