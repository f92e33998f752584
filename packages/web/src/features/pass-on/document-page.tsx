import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ItemList } from '../../components/item-list';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { type PassOnDocumentDto, type PassOnStatusDto, usePassOnDocument, usePassOnStatus } from './api';
import { DocumentMeta, FileLink, OverdueTag, PassOnProgress } from './parts';

function PassedCard({ status }: { status: PassOnStatusDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('passOn.passedTitle', { count: status.passed.length })}>
      {status.passed.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('passOn.noneYet')} />
      ) : (
        <ItemList data-testid="pass-on-passed">
          {status.passed.map((p) => (
            <List.Item key={p.orgCode} data-testid="pass-on-passed-row" data-code={p.orgCode}>
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex wrap gap={6} align="center" justify="space-between">
                  <strong>{p.orgName}</strong>
                  <Tag color="green">{t('passOn.passedTag', { date: formatDate(p.passedOn) })}</Tag>
                </Flex>
                <span className="nn-small">{t('passOn.presenter', { name: p.presenter })}</span>
                <span className="nn-small nn-muted">{t('passOn.recordedBy', { name: p.recordedBy })}</span>
                <Link to={`/meetings/${p.meetingId}`} className="nn-small" data-testid="pass-on-meeting-link">
                  {t('passOn.openMeeting')}
                </Link>
              </Flex>
            </List.Item>
          ))}
        </ItemList>
      )}
    </Card>
  );
}

function PendingCard({ doc, status }: { doc: PassOnDocumentDto; status: PassOnStatusDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('passOn.pendingTitle', { count: status.pending.length })}>
      {status.pending.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('passOn.noneYet')} />
      ) : (
        <ItemList data-testid="pass-on-pending">
          {status.pending.map((p) => (
            <List.Item key={p.orgCode} data-testid="pass-on-pending-row" data-code={p.orgCode}>
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex wrap gap={6} align="center" justify="space-between">
                  <strong>{p.orgName}</strong>
                  <OverdueTag passOnBy={doc.passOnBy} />
                </Flex>
                <span className="nn-small nn-muted">
                  {p.nextMeeting
                    ? t('passOn.nextMeeting', { date: formatDate(p.nextMeeting) })
                    : t('passOn.noNextMeeting')}
                </span>
              </Flex>
            </List.Item>
          ))}
        </ItemList>
      )}
    </Card>
  );
}

/**
 * One superior document and how it is passed on (issue 17 item 2): the committee sees every addressed cell
 * of its subtree, those that passed it on (the day, by whom, the meeting) and those pending (their next
 * meeting); a cell sees its own entry only (the API narrows it). The file is downloaded from here.
 */
export function PassOnDocumentPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const doc = usePassOnDocument(id);
  const status = usePassOnStatus(id);
  return (
    <>
      <Link to="/documents" className="nn-small">
        <ArrowLeftOutlined /> {t('passOn.back')}
      </Link>
      <QueryState query={doc}>
        {(d) => (
          <>
            <PageHeader title={d.number} sub={d.title} />
            <Flex vertical gap={12} data-testid="pass-on-document" data-id={d.id}>
              <Card size="small">
                <Flex vertical gap={8}>
                  <DocumentMeta doc={d} />
                  <FileLink doc={d} />
                </Flex>
              </Card>
              <QueryState query={status}>
                {(s) => (
                  <Flex vertical gap={12} data-testid="pass-on-status">
                    <Card size="small" title={t('passOn.statusTitle')}>
                      <PassOnProgress passed={s.passedOn} cells={s.cells} />
                    </Card>
                    <PassedCard status={s} />
                    <PendingCard doc={d} status={s} />
                  </Flex>
                )}
              </QueryState>
            </Flex>
          </>
        )}
      </QueryState>
    </>
  );
}
