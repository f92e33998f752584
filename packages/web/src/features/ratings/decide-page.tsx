import { Alert, Button, Card, Empty, Flex, List, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { QueryState } from '../../components/query-state';
import { useAction } from '../../lib/use-action';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import {
  grantOrgs,
  NOT_RATED_REASON_LABELS,
  type RatingDto,
  type RatingPeriod,
  type RatingSubject,
  ratingKeys,
  setNotRated,
  useRatingQuota,
  useRatingRules,
  useRatings,
} from './api';
import { NotRatedModal } from './not-rated-modal';
import { periodFrom, RatingLevelTag, RatingSteps } from './parts';
import { StepModal, type StepTarget } from './step-modal';
import { RatingsTop } from './top';

/**
 * The "xuất sắc" quota of each comparison group (QĐ 366-QĐ/TW art. 11), as the server counts it from the ratings
 * stored (`GET /api/ratings/quota`), not from the list shown.
 */
function QuotaAlerts({
  org,
  year,
  period,
  subject,
}: {
  org: string;
  year: number;
  period: RatingPeriod;
  subject: RatingSubject;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const quota = useRatingQuota(org, year, period);
  const groups = (quota.data?.groups ?? []).filter((g) => g.subject === subject);
  if (!quota.data) return null;
  return (
    <Flex vertical gap={4} data-testid="decide-quota">
      {groups.length === 0 ? (
        <Alert type="info" showIcon title={t('ratings.decide.quotaNone')} />
      ) : (
        groups.map((g) => (
          <Alert
            key={g.group}
            type={g.excellent > g.allowed ? 'error' : 'info'}
            showIcon
            data-testid="decide-quota-group"
            data-group={g.group}
            title={`${g.label[lang]} — ${t('ratings.decide.quota', {
              excellent: g.excellent,
              max: g.allowed,
              percent: g.percent,
              base: g.goodOrBetter,
            })}`}
          />
        ))
      )}
      <span className="nn-muted">{t('ratings.decide.quotaNote')}</span>
    </Flex>
  );
}

/** One subject to decide: the self-assessment and the cell's proposal side by side, then the decision. */
function DecideRow({
  rating,
  year,
  period,
  onDecide,
  onNotRated,
}: {
  rating: RatingDto;
  year: number;
  period: RatingPeriod;
  onDecide: (r: RatingDto) => void;
  onNotRated: (r: RatingDto) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const mayMark = (rating.abilities.decide || rating.abilities.propose) && !rating.decision;
  const rateAgain = useAction({
    mutationFn: () => setNotRated({ year, period, subject: rating.subject, code: rating.code, reason: null }),
    success: t('ratings.notRated.cleared'),
    invalidate: [ratingKeys.all],
  });
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
        <Flex gap={4} wrap>
          {mayMark && !rating.notRated ? (
            <Button size="small" onClick={() => onNotRated(rating)} data-testid="not-rated-open">
              {t('ratings.notRated.open')}
            </Button>
          ) : null}
          {mayMark && rating.notRated ? (
            <Button
              size="small"
              loading={rateAgain.isPending}
              onClick={() => rateAgain.mutate()}
              data-testid="not-rated-clear"
            >
              {t('ratings.notRated.clear')}
            </Button>
          ) : null}
          {rating.abilities.decide && !rating.notRated ? (
            <Button size="small" type="primary" onClick={() => onDecide(rating)} data-testid="decide-open">
              {t('ratings.decide.decide')}
            </Button>
          ) : null}
        </Flex>
      }
    >
      {rating.notRated ? (
        <Tag color="default" data-testid="decide-row-not-rated" data-reason={rating.notRated.reason}>
          {t('ratings.notRated.shown', {
            reason: NOT_RATED_REASON_LABELS[rating.notRated.reason][lang],
          })}
          {rating.notRated.note ? ` (${rating.notRated.note})` : ''}
        </Tag>
      ) : null}
      <RatingSteps rating={rating} />
      <RatingLevelTag level={rating.level} testId="decide-row-level" />
    </Card>
  );
}

/**
 * The committee's decision (QĐ 366-QĐ/TW art. 11; domain.md §8): the subtree's organisations and members with a
 * self-assessment or a proposal, the quota of "xuất sắc" per comparison group (from the server), the decision
 * with its reason when it differs from the cell's proposal; "không xếp loại" with its reason; a refusal shows
 * in the dialog.
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
  const [notRated, setNotRatedOpen] = useState<RatingDto | null>(null);
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
              const items = list.items.filter((r) => r.self || r.proposal || r.decision || r.notRated);
              return (
                <>
                  <QuotaAlerts org={org} year={year} period={period} subject={subject} />
                  {items.length === 0 ? (
                    <Empty description={t('ratings.decide.empty')} />
                  ) : (
                    <List
                      dataSource={items}
                      renderItem={(r) => (
                        <List.Item style={{ display: 'block' }}>
                          <DecideRow
                            rating={r}
                            year={year}
                            period={period}
                            onNotRated={setNotRatedOpen}
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
      {notRated ? (
        <NotRatedModal rating={notRated} year={year} period={period} onClose={() => setNotRatedOpen(null)} />
      ) : null}
    </>
  );
}
