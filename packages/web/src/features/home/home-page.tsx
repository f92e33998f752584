import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { GrantDto } from '@nennep/core/accounts/types';
import type { OrgDetailDto } from '@nennep/core/orgs/types';
import { Alert, Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../components/link-button';
import { PageHeader } from '../../components/page-header';
import { LoadError, Loading, QueryState } from '../../components/query-state';
import { useCurrentUser } from '../auth/session';
import { useGrantOrgs, useOrgStats } from '../orgs/api';
import { StatsBody } from '../orgs/org-stats-card';
import { RecommendationsHomeCard } from '../recommendations/home-card';
import { UpcomingVisitsCard } from '../supervision/upcoming-visits-card';
import { useHome } from './api';
import { CommitteeCard } from './committee-card';
import { MemberCard } from './member-card';
import { SecretaryCard } from './secretary-card';
import './home.css';

function RootOrgCard({ org, grants }: { org: OrgDetailDto; grants: GrantDto[] }) {
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

/** Beyond this many organisations (a visitor sent to many cells), one short list instead of a card each. */
const MAX_ORG_CARDS = 3;

function OrgListCard({ orgs }: { orgs: OrgDetailDto[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('home.yourOrgs', { count: orgs.length })} data-testid="home-org-list">
      <List
        size="small"
        dataSource={orgs}
        renderItem={(org) => (
          <List.Item>
            <Link to={`/orgs/${encodeURIComponent(org.code)}`}>{org.name}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The next job of each role: the secretary's meeting, the member's cell, the committee's month. */
function NextJobs() {
  const home = useHome();
  const data = home.data;
  if (home.error && !data) return <LoadError error={home.error} onRetry={() => void home.refetch()} />;
  if (!data) return home.isPending ? <Loading /> : null;
  const cards = [
    ...data.secretary.map((cell) => (
      <SecretaryCard key={`s-${cell.orgCode}`} cell={cell} today={data.today} />
    )),
    ...(data.member
      ? [
          <MemberCard
            key="member"
            member={data.member}
            today={data.today}
            // The secretary's card already shows the cell's next meeting.
            withMeeting={!data.secretary.some((c) => c.orgCode === data.member?.orgCode)}
          />,
        ]
      : []),
    ...data.committees.map((c) => <CommitteeCard key={`c-${c.orgCode}`} committee={c} />),
  ];
  return cards.length > 0 ? <div className="nn-home-jobs">{cards}</div> : null;
}

/** Home: the next job first (per role), then the visits, the recommendations waiting, the organisations. */
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
      <NextJobs />
      {visitor || committeeMember ? (
        <div style={{ marginBottom: 16 }}>
          <UpcomingVisitsCard hideWhenEmpty={!visitor} />
        </div>
      ) : null}
      <div className="nn-home-recs">
        <RecommendationsHomeCard />
      </div>
      {pending && orgs.length === 0 ? <Loading /> : null}
      {orgs.length > MAX_ORG_CARDS ? (
        <OrgListCard orgs={orgs} />
      ) : (
        <Row gutter={[16, 16]}>
          {orgs.map((org) => (
            <Col key={org.code} xs={24} xl={orgs.length > 1 ? 12 : 24}>
              <RootOrgCard org={org} grants={me.grants.filter((g) => g.orgCode === org.code)} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
