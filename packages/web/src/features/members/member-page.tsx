import type { MemberDetailDto } from '@nennep/core/members/types';
import { Breadcrumb, Card, Col, Descriptions, Empty, Flex, List, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { HistoryTimeline } from '../../components/history-timeline';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatDate } from '../../lib/format';
import { useMember, useMemberHistory } from './api';
import { MemberActions } from './member-actions';
import { ExemptTag, StatusTag } from './member-tags';
import { PersonalPanel } from './personal-panel';

function PeriodsCard({ member }: { member: MemberDetailDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('members.periods.title')} data-testid="member-periods">
      {(member.periods ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.periods.empty')} />
      ) : (
        <List
          size="small"
          dataSource={member.periods ?? []}
          renderItem={(p) => (
            <List.Item>
              <div>
                <div>
                  <strong>{t(`members.periods.${p.kind}`)}</strong>
                  {p.kind === 'attached' && (p.orgName || p.orgCode) ? ` — ${p.orgName ?? p.orgCode}` : ''}
                </div>
                <div className="nn-muted">
                  {formatDate(p.from)} – {p.to ? formatDate(p.to) : t('members.periods.openEnded')}
                  {p.reason ? ` · ${p.reason}` : ''}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function HistoryCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const history = useMemberHistory(code);
  return (
    <Card size="small" title={t('members.history.title')} data-testid="member-history">
      <QueryState query={history}>{(items) => <HistoryTimeline items={items} scope="members" />}</QueryState>
    </Card>
  );
}

function MemberView({ member }: { member: MemberDetailDto }) {
  const { t } = useTranslation();
  const orgHref = `/orgs/${encodeURIComponent(member.orgCode)}`;
  const details = [
    { key: 'code', label: t('members.code'), children: member.memberCode },
    { key: 'fullName', label: t('members.fullName'), children: member.fullName },
    { key: 'sex', label: t('members.sex'), children: t(`sex.${member.sex}`) },
    { key: 'org', label: t('members.org'), children: <Link to={orgHref}>{member.orgName}</Link> },
    { key: 'position', label: t('members.position'), children: t(`position.${member.position}`) },
    { key: 'status', label: t('members.status'), children: t(`status.${member.status}`) },
    {
      key: 'admission',
      label: t('members.admissionDate'),
      children: formatDate(member.admissionDate) || '—',
    },
    { key: 'official', label: t('members.officialDate'), children: formatDate(member.officialDate) || '—' },
    ...(member.partyCardNo
      ? [{ key: 'card', label: t('members.partyCardNo'), children: member.partyCardNo }]
      : []),
    ...(member.notes ? [{ key: 'notes', label: t('members.notes'), children: member.notes }] : []),
  ];
  return (
    <>
      <Breadcrumb
        items={[
          { key: 'members', title: <Link to="/members">{t('members.title')}</Link> },
          {
            key: 'org',
            title: <Link to={`/members?org=${encodeURIComponent(member.orgCode)}`}>{member.orgName}</Link>,
          },
        ]}
      />
      <PageHeader
        title={<span data-testid="member-name">{member.fullName}</span>}
        sub={
          <Flex wrap gap={4} align="center">
            <StatusTag status={member.status} />
            <ExemptTag exempt={member.exempt} />
            <span className="nn-muted">
              {t(`position.${member.position}`)} · {member.memberCode}
            </span>
          </Flex>
        }
        extra={member.abilities.update ? <MemberActions member={member} /> : null}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <div className="nn-stack">
            <Card size="small" title={t('members.detail')}>
              <Descriptions column={1} size="small" items={details} />
            </Card>
            <PeriodsCard member={member} />
            <PersonalPanel member={member} />
          </div>
        </Col>
        <Col xs={24} lg={10}>
          <HistoryCard code={member.memberCode} />
        </Col>
      </Row>
    </>
  );
}

export function MemberPage() {
  const { code = '' } = useParams();
  const member = useMember(code);
  return (
    <QueryState query={member}>{(data) => <MemberView key={data.memberCode} member={data} />}</QueryState>
  );
}
