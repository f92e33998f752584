import { Button, Empty, Flex, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { useIsMobile } from '../../lib/use-mobile';
import type { RecommendationDto } from './api';
import { RecCard, recLink, recRowProps } from './rec-card';
import { categoryText, DueText, handlerText, RecLevelTag, RecStatusTag } from './recommendation-tags';

const PAGE = 20;

function RecCards({ items }: { items: RecommendationDto[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  return (
    <div data-testid="rec-cards">
      <div className="nn-card-list">
        {items.slice(0, shown).map((r) => (
          <RecCard key={r.id} rec={r} />
        ))}
      </div>
      {items.length > shown ? (
        <Button block size="large" style={{ marginTop: 8 }} onClick={() => setShown(shown + PAGE)}>
          {t('recommendations.more')} ({items.length - shown})
        </Button>
      ) : null}
    </div>
  );
}

function RecTable({ items }: { items: RecommendationDto[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<RecommendationDto> = [
    {
      key: 'text',
      title: t('recommendations.fields.text'),
      render: (_, r) => (
        <div style={{ minWidth: 220 }}>
          <Link to={recLink(r.id)} className="nn-rec-table-text">
            {r.text}
          </Link>
          <div className="nn-muted nn-small">
            {r.raisedBy}, {formatDate(r.raisedOn)}
          </div>
        </div>
      ),
    },
    { key: 'cell', title: t('recommendations.fields.cell'), dataIndex: 'cellName' },
    { key: 'category', title: t('recommendations.fields.category'), render: (_, r) => categoryText(r) },
    {
      key: 'status',
      title: t('recommendations.fields.status'),
      render: (_, r) => <RecStatusTag status={r.status} />,
    },
    {
      key: 'handler',
      title: t('recommendations.fields.handler'),
      render: (_, r) => (
        <Flex vertical gap={2} align="start">
          <RecLevelTag level={r.level} />
          <span className="nn-small">{handlerText(r)}</span>
        </Flex>
      ),
    },
    { key: 'due', title: t('recommendations.fields.due'), render: (_, r) => <DueText rec={r} /> },
  ];
  return (
    <Table<RecommendationDto>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      onRow={recRowProps}
      pagination={items.length > PAGE ? { pageSize: PAGE, showSizeChanger: false } : false}
      data-testid="rec-table"
    />
  );
}

/** Cards on phones, a table on desktop; the server's order (newest raised first). */
export function RecommendationList({ items, empty }: { items: RecommendationDto[]; empty: string }) {
  const isMobile = useIsMobile();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return isMobile ? <RecCards items={items} /> : <RecTable items={items} />;
}
