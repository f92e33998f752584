import { Alert, Button, Card, Empty, Flex, List, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { grantOrgs, quotaOf, type RatingDto, type RatingSubject, useRatingRules, useRatings } from './api';
import { periodFrom, RatingLevelTag, RatingSteps } from './parts';
import { StepModal, type StepTarget } from './step-modal';
import { RatingsTop } from './top';

/** One subject to decide: the self-assessment and the cell's proposal side by side, then the decision. */
function DecideRow({ rating, onDecide }: { rating: RatingDto; onDecide: (r: RatingDto) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="decide-row"
      data-code={rating.code}
      title={
        <Flex wrap gap={4} align="center">
          <span>{rating.name}</span>
          <span className="nn-muted">({rating.orgCode})</span>
        </Flex>
      }
      extra={
        rating.abilities.decide && !rating.notRated ? (
          <Button size="small" type="primary" onClick={() => onDecide(rating)} data-testid="decide-open">
            {t('ratings.decide.decide')}
          </Button>
        ) : null
      }
    >
      <RatingSteps rating={rating} />
      <RatingLevelTag level={rating.level} testId="decide-row-level" />
    </Card>
  );
}

/**
 * The committee's decision (QĐ 366-QĐ/TW art. 11; domain.md §8): the subtree's organisations and members with a
 * self-assessment or a proposal, the quota of "xuất sắc" shown (how many of how many allowed), the decision with
 * its reason when it differs from the cell's proposal; a refusal shows in the dialog.
 */
export function RatingDecidePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const { year, period } = periodFrom(params);
  const org = params.get('org') ?? grantOrgs(me, ['committee_member', 'admin'])[0];
  const subject: RatingSubject = params.get('subject') === 'org' ? 'org' : 'member';
  const rules = useRatingRules(org, `${year}-12-31`);
  const ratings = useRatings(org, year, period, subject);
  const [open, setOpen] = useState<StepTarget | null>(null);
  return (
    <>
      <RatingsTop
        title={t('ratings.decide.title')}
        chooseOrg={t('ratings.decide.chooseOrg')}
        org={org}
        year={year}
        period={period}
        quarters={rules.quarters}
        update={update}
      />
      <Flex vertical gap={12}>
        <Segmented
          block
          value={subject}
          onChange={(value) => update({ subject: value === 'org' ? 'org' : undefined })}
          options={(['member', 'org'] as const).map((s) => ({
            value: s,
            label: t(`ratings.decide.subjects.${s}`),
          }))}
          data-testid="decide-subject"
        />
        {org ? (
          <QueryState query={ratings}>
            {(list) => {
              const items = list.items.filter((r) => r.self || r.proposal || r.decision);
              const quota = quotaOf(items, rules.excellentQuota.percent);
              return (
                <>
                  <Alert
                    type={quota.excellent > quota.max ? 'error' : 'info'}
                    showIcon
                    title={<span data-testid="decide-quota">{t('ratings.decide.quota', quota)}</span>}
                    description={t('ratings.decide.quotaNote')}
                  />
                  {items.length === 0 ? (
                    <Empty description={t('ratings.decide.empty')} />
                  ) : (
                    <List
                      dataSource={items}
                      renderItem={(r) => (
                        <List.Item style={{ display: 'block' }}>
                          <DecideRow
                            rating={r}
                            onDecide={(x) =>
                              setOpen({ subject: x.subject, code: x.code, name: x.name, rating: x })
                            }
                          />
                        </List.Item>
                      )}
                    />
                  )}
                </>
              );
            }}
          </QueryState>
        ) : null}
      </Flex>
      {open ? (
        <StepModal
          step="decide"
          target={open}
          year={year}
          period={period}
          rules={rules}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
