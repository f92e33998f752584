import type { MemberListDto, MemberListItemDto } from '@nennep/core/members/types';
import { Card, Empty, Pagination, Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { ExemptTag, memberLink, StatusTag } from './member-tags';

interface ViewProps {
  data: MemberListDto | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

const rowProps = (m: MemberListItemDto) =>
  ({ 'data-testid': 'member-row', 'data-code': m.memberCode }) as HTMLAttributes<HTMLElement>;

/** Desktop: a table; order is the server's (Vietnamese given-name order), so no column sorts locally. */
export function MemberTable({ data, loading, onPage }: ViewProps) {
  const { t } = useTranslation();
  const offset = data ? (data.page - 1) * data.pageSize : 0;
  const columns: TableColumnsType<MemberListItemDto> = [
    { key: 'index', title: '#', width: 56, render: (_, __, i) => offset + i + 1 },
    {
      key: 'fullName',
      title: t('members.fullName'),
      render: (_, m) => (
        <Link to={memberLink(m.memberCode)} style={{ fontWeight: 500 }}>
          {m.fullName}
        </Link>
      ),
    },
    { key: 'code', title: t('members.code'), dataIndex: 'memberCode' },
    { key: 'sex', title: t('members.sex'), render: (_, m) => t(`sex.${m.sex}`) },
    {
      key: 'org',
      title: t('members.org'),
      render: (_, m) => <Link to={`/orgs/${encodeURIComponent(m.orgCode)}`}>{m.orgName}</Link>,
    },
    { key: 'position', title: t('members.position'), render: (_, m) => t(`position.${m.position}`) },
    {
      key: 'status',
      title: t('members.status'),
      render: (_, m) => (
        <>
          <StatusTag status={m.status} />
          <ExemptTag exempt={m.exempt} />
        </>
      ),
    },
    { key: 'admission', title: t('members.admissionDate'), render: (_, m) => formatDate(m.admissionDate) },
    { key: 'official', title: t('members.officialDate'), render: (_, m) => formatDate(m.officialDate) },
  ];
  return (
    <Table<MemberListItemDto>
      rowKey="memberCode"
      size="small"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      onRow={rowProps}
      scroll={{ x: 960 }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 50,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total, range) => t('common.pageSummary', { from: range[0], to: range[1], total }),
        onChange: onPage,
      }}
      data-testid="member-table"
    />
  );
}

/** Phones: one card per member, same order, same paging. */
export function MemberCards({ data, loading, onPage }: ViewProps) {
  const { t } = useTranslation();
  if (!loading && data && data.items.length === 0) return <Empty description={t('common.empty')} />;
  return (
    <div data-testid="member-cards">
      <div className="nn-card-list">
        {(data?.items ?? []).map((m) => (
          <Card key={m.memberCode} size="small" loading={loading} {...rowProps(m)}>
            <div className="nn-member-card-title">
              <Link to={memberLink(m.memberCode)}>{m.fullName}</Link>
            </div>
            <div>
              <StatusTag status={m.status} />
              <ExemptTag exempt={m.exempt} />
              <span className="nn-muted">
                {t(`position.${m.position}`)} · {m.memberCode}
              </span>
            </div>
            <div className="nn-muted">{m.orgName}</div>
            <div className="nn-muted" style={{ fontSize: 12 }}>
              {t('members.admissionDate')}: {formatDate(m.admissionDate)}
            </div>
          </Card>
        ))}
      </div>
      {data && data.total > data.pageSize ? (
        <Pagination
          style={{ marginTop: 12 }}
          simple
          current={data.page}
          pageSize={data.pageSize}
          total={data.total}
          onChange={onPage}
        />
      ) : null}
      {data ? (
        <div className="nn-muted" style={{ marginTop: 8 }}>
          {t('common.total', { count: data.total })}
        </div>
      ) : null}
    </div>
  );
}
