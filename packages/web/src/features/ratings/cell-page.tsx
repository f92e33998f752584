import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ItemList } from '../../components/item-list';
import { QueryState } from '../../components/query-state';
import { fetchMembers, memberKeys } from '../../lib/member-list';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { FourGoodBadge } from '../four-good/badge';
import { grantOrgs, type RatingDto, useRatingRules, useRatings } from './api';
import { periodFrom, RatingLevelTag } from './parts';
import { StepModal, type StepTarget } from './step-modal';
import { RatingsTop } from './top';

function Row({
  target,
  onPropose,
  onSelf,
}: {
  target: StepTarget;
  onPropose: (t: StepTarget) => void;
  onSelf?: (t: StepTarget) => void;
}) {
  const { t } = useTranslation();
  const r = target.rating;
  const may = r ? r.abilities.propose && !r.decision && !r.notRated : true;
  return (
    <List.Item
      data-testid="cell-row"
      data-code={target.code}
      actions={[
        ...(onSelf
          ? [
              <Button
                key="s"
                size="small"
                disabled={!!r?.proposal}
                onClick={() => onSelf(target)}
                data-testid="cell-self"
              >
                {t('ratings.cell.selfAssess')}
              </Button>,
            ]
          : []),
        <Button
          key="p"
          size="small"
          disabled={!may}
          onClick={() => onPropose(target)}
          data-testid="cell-propose"
        >
          {t('ratings.cell.propose')}
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={target.name}
        description={
          <Flex wrap gap={4} align="center">
            <span className="nn-muted">{t('ratings.steps.self')}:</span>
            <RatingLevelTag level={r?.self?.level ?? null} testId="cell-row-self" />
            <span className="nn-muted">{t('ratings.steps.proposal')}:</span>
            <RatingLevelTag level={r?.proposal?.level ?? null} testId="cell-row-proposal" />
            {r?.decision ? <RatingLevelTag level={r.decision.level} testId="cell-row-decision" /> : null}
          </Flex>
        }
      />
    </List.Item>
  );
}

/**
 * The cell's review (QĐ 366-QĐ/TW; HD 43-HD/BTCTW): at its year-end meeting (`?meeting=`) the secretary sees each
 * member's self-assessment and records the cell's proposed level and opinions, and the cell's own.
 */
export function RatingCellPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const { year, period } = periodFrom(params);
  const org = params.get('org') ?? grantOrgs(me, ['cell_secretary', 'admin'])[0];
  const meetingId = Number(params.get('meeting')) || null;
  const rules = useRatingRules(org, `${year}-12-31`);
  const ratings = useRatings(org, year, period);
  const members = useQuery({
    queryKey: memberKeys.list({ org, pageSize: 200 }),
    queryFn: () => fetchMembers({ org, pageSize: 200 }),
    enabled: !!org,
  });
  const [open, setOpen] = useState<{ step: 'self' | 'propose'; target: StepTarget } | null>(null);
  const byCode = new Map<string, RatingDto>();
  for (const r of ratings.data?.items ?? []) byCode.set(`${r.subject}:${r.code}`, r);
  return (
    <>
      <RatingsTop
        title={t('ratings.cell.title')}
        chooseOrg={t('ratings.cell.chooseOrg')}
        org={org}
        year={year}
        period={period}
        quarters={rules.quarters}
        update={update}
      />
      <Flex vertical gap={12}>
        {meetingId ? (
          <Alert
            type="info"
            showIcon
            title={t('ratings.cell.fromMeeting')}
            action={<Link to={`/meetings/${meetingId}`}>{t('ratings.cell.openMeeting')}</Link>}
            data-testid="cell-from-meeting"
          />
        ) : null}
        {org ? (
          <QueryState query={members}>
            {(list) => (
              <>
                <Card
                  size="small"
                  title={t('ratings.cell.theCell')}
                  extra={<FourGoodBadge org={org} year={year} />}
                >
                  <ItemList>
                    <Row
                      target={{
                        subject: 'org',
                        code: org,
                        name: list.items[0]?.orgName ?? org,
                        rating: byCode.get(`org:${org}`) ?? null,
                      }}
                      onPropose={(target) => setOpen({ step: 'propose', target })}
                      onSelf={(target) => setOpen({ step: 'self', target })}
                    />
                  </ItemList>
                </Card>
                <Card size="small" title={t('ratings.cell.members')} data-testid="cell-members">
                  {list.items.length === 0 ? (
                    <Empty description={t('ratings.cell.empty')} />
                  ) : (
                    <ItemList>
                      {list.items
                        .filter((m) => m.orgCode === org)
                        .map((m) => (
                          <Row
                            key={m.memberCode}
                            target={{
                              subject: 'member',
                              code: m.memberCode,
                              name: m.fullName,
                              rating: byCode.get(`member:${m.memberCode}`) ?? null,
                            }}
                            onPropose={(target) => setOpen({ step: 'propose', target })}
                          />
                        ))}
                    </ItemList>
                  )}
                </Card>
              </>
            )}
          </QueryState>
        ) : null}
      </Flex>
      {open ? (
        <StepModal
          step={open.step}
          target={open.target}
          year={year}
          period={period}
          rules={rules}
          meetingId={meetingId}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
