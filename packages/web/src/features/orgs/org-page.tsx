import { TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import type { OrgDetailDto } from '@nennep/core/orgs/types';
import { Breadcrumb, Card, Col, Descriptions, Flex, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HistoryTimeline } from '../../components/history-timeline';
import { LinkButton } from '../../components/link-button';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useOrg, useOrgHistory } from './api';
import { OrgActions } from './org-actions';
import { OrgNamingCard } from './org-naming-card';
import { renderOrgHistoryData } from './org-naming-history';
import { OrgStatsCard } from './org-stats-card';
import { OrgTree } from './org-tree';

const orgLink = (code: string) => `/orgs/${encodeURIComponent(code)}`;

function OrgBreadcrumb({ org }: { org: OrgDetailDto }) {
  const items = [
    ...org.ancestors.map((a) => ({ key: a.code, title: <Link to={orgLink(a.code)}>{a.name}</Link> })),
    { key: org.code, title: org.name },
  ];
  return <Breadcrumb items={items} data-testid="org-breadcrumb" />;
}

function OrgHistoryCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const history = useOrgHistory(code);
  return (
    <Card title={t('orgs.history.title')} size="small" data-testid="org-history">
      <QueryState query={history}>
        {(items) => <HistoryTimeline items={items} scope="orgs" renderData={renderOrgHistoryData} />}
      </QueryState>
    </Card>
  );
}

function OrgView({ org }: { org: OrgDetailDto }) {
  const { t } = useTranslation();
  const membersHref = `/members?org=${encodeURIComponent(org.code)}`;
  const extra = (
    <>
      <LinkButton to={membersHref} icon={<TeamOutlined />}>
        {t('orgs.membersLink')}
      </LinkButton>
      {org.abilities.manageMembers && org.status === 'active' ? (
        <LinkButton to={`/members/new?org=${encodeURIComponent(org.code)}`} icon={<UserAddOutlined />}>
          {t('orgs.actions.addMember')}
        </LinkButton>
      ) : null}
      {org.abilities.update ? <OrgActions org={org} /> : null}
    </>
  );
  return (
    <>
      <OrgBreadcrumb org={org} />
      <PageHeader
        title={<span data-testid="org-name">{org.name}</span>}
        sub={
          <Flex wrap gap={4}>
            <Tag color="red">{t(`kind.${org.kind}`)}</Tag>
            {org.category ? <Tag>{t(`category.${org.category}`)}</Tag> : null}
            {org.status !== 'active' ? <Tag color="default">{t(`orgStatus.${org.status}`)}</Tag> : null}
          </Flex>
        }
        extra={extra}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <div className="nn-stack">
            <OrgStatsCard code={org.code} />
            {org.childCount > 0 ? (
              <Card title={t('orgs.children')} size="small">
                <OrgTree parent={org.code} />
              </Card>
            ) : null}
          </div>
        </Col>
        <Col xs={24} lg={10}>
          <div className="nn-stack">
            <Card size="small">
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'code', label: t('orgs.code'), children: org.code },
                  { key: 'name', label: t('orgs.name'), children: org.name },
                  { key: 'kind', label: t('orgs.kind'), children: t(`kind.${org.kind}`) },
                  {
                    key: 'category',
                    label: t('orgs.category'),
                    children: org.category ? t(`category.${org.category}`) : '—',
                  },
                  { key: 'status', label: t('orgs.status'), children: t(`orgStatus.${org.status}`) },
                  {
                    key: 'parent',
                    label: t('orgs.parent'),
                    children: org.parentCode ? (
                      <Link to={orgLink(org.parentCode)}>{org.ancestors.at(-1)?.name ?? org.parentCode}</Link>
                    ) : (
                      '—'
                    ),
                  },
                ]}
              />
            </Card>
            <OrgNamingCard org={org} />
            <OrgHistoryCard code={org.code} />
          </div>
        </Col>
      </Row>
    </>
  );
}

export function OrgPage() {
  const { code = '' } = useParams();
  const org = useOrg(code);
  return <QueryState query={org}>{(data) => <OrgView key={data.code} org={data} />}</QueryState>;
}
