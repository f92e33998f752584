import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/link-button';
import { PageHeader } from '../../components/page-header';
import { Loading, QueryState } from '../../components/query-state';
import type { Grant, OrgDetail } from '../../lib/types';
import { useCurrentUser } from '../auth/session';
import { useGrantOrgs, useOrgStats } from '../orgs/api';
import { StatsBody } from '../orgs/org-stats-card';
import { RecommendationsHomeCard } from '../recommendations/home-card';
import { UpcomingVisitsCard } from '../supervision/upcoming-visits-card';

function RootOrgCard({ org, grants }: { org: OrgDetail; grants: Grant[] }) {
  const { t } = useTranslation();
  const code = encodeURIComponent(org.code);
  const stats = useOrgStats(org.code);
  return (
    <Card
      size="small"
      data-testid="home-org"
      title={
        <Flex vertical gap={2} style={{ padding: '8px 0', whiteSpace: 'normal' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {org.name}
          </Typography.Text>
          <Flex wrap gap={4}>
            <Tag color="red">{t(`kind.${org.kind}`)}</Tag>
            {grants.map((g) => (
              <Tag key={g.role}>{t('home.yourRole', { role: t(`role.${g.role}`) })}</Tag>
            ))}
          </Flex>
        </Flex>
      }
    >
      <QueryState query={stats}>{(data) => <StatsBody stats={data} />}</QueryState>
      <Flex wrap gap={8} style={{ marginTop: 12 }}>
        <LinkButton to={`/orgs/${code}`} icon={<ApartmentOutlined />}>
          {t('home.openOrg')}
        </LinkButton>
        <LinkButton to={`/members?org=${code}`} icon={<TeamOutlined />}>
          {t('home.openMembers')}
        </LinkButton>
        {org.abilities.update || org.abilities.manageMembers ? (
          <LinkButton to="/imports" icon={<CloudUploadOutlined />}>
            {t('nav.imports')}
          </LinkButton>
        ) : null}
        {org.abilities.manageAccounts ? (
          <LinkButton to={`/accounts?org=${code}`} icon={<UserSwitchOutlined />}>
            {t('nav.accounts')}
          </LinkButton>
        ) : null}
        {org.abilities.readAudit ? (
          <LinkButton to={`/audit?org=${code}`} icon={<AuditOutlined />}>
            {t('nav.audit')}
          </LinkButton>
        ) : null}
      </Flex>
    </Card>
  );
}

/** Dashboard: the actor's root organisations, their counts and the ways in. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { orgs, pending } = useGrantOrgs();
  const visitor = me.visitorOf.length > 0;
  const committeeMember = me.grants.some((g) => g.role === 'committee_member');
  return (
    <>
      <PageHeader title={t('home.greeting', { name: me.displayName })} />
      {me.grants.length === 0 && !visitor ? <Alert type="info" showIcon title={t('home.noGrants')} /> : null}
      {visitor || committeeMember ? (
        <div style={{ marginBottom: 16 }}>
          <UpcomingVisitsCard hideWhenEmpty={!visitor} />
        </div>
      ) : null}
      <div className="nn-home-recs">
        <RecommendationsHomeCard />
      </div>
      {pending && orgs.length === 0 ? <Loading /> : null}
      <Row gutter={[16, 16]}>
        {orgs.map((org) => (
          <Col key={org.code} xs={24} xl={orgs.length > 1 ? 12 : 24}>
            <RootOrgCard org={org} grants={me.grants.filter((g) => g.orgCode === org.code)} />
          </Col>
        ))}
      </Row>
    </>
  );
}
