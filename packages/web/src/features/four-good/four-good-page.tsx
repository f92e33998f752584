import { FOUR_GOOD_LIMITS } from '@nennep/core/four-good/types';
import { Button, Card, Empty, Flex, Form, Input, List, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { ItemList } from '../../components/item-list';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useAction } from '../../lib/use-action';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { grantOrgs, thisYear } from '../ratings/api';
import { RatingLevelTag } from '../ratings/parts';
import { type FourGoodCellDto, fourGoodKeys, registerFourGood, useFourGood } from './api';
import { FourGoodCellCard } from './cell-card';
import { FourGoodResultTag } from './parts';

function RegisterModal({ org, year, onClose }: { org: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const action = useAction({
    form,
    mutationFn: (v: { note?: string }) => registerFourGood({ org, year, note: v.note?.trim() || undefined }),
    success: t('fourGood.registeredSaved'),
    invalidate: [fourGoodKeys.all],
    onSuccess: onClose,
  });
  return (
    <FormModal<{ note?: string }>
      title={t('fourGood.registerTitle', { year })}
      form={form}
      onSubmit={(v) => action.mutate(v)}
      onClose={onClose}
      loading={action.isPending}
      testId="four-good-register-form"
    >
      <Form.Item name="note" label={t('fourGood.note')}>
        <Input.TextArea rows={3} maxLength={FOUR_GOOD_LIMITS.note} />
      </Form.Item>
    </FormModal>
  );
}

/** A committee's list: one line per registered cell with its rating, progress and result. */
function CellLine({ item }: { item: FourGoodCellDto }) {
  const { t } = useTranslation();
  const met = item.criteria.filter((c) => c.status === 'met').length;
  return (
    <List.Item
      data-testid="four-good-line"
      data-code={item.org.code}
      actions={[
        <Link key="open" to={`/four-good?org=${encodeURIComponent(item.org.code)}&year=${item.year}`}>
          {t('fourGood.open')}
        </Link>,
      ]}
    >
      <List.Item.Meta
        title={item.org.name}
        description={
          <Flex wrap gap={4} align="center">
            <FourGoodResultTag result={item.result} testId="four-good-line-result" />
            <RatingLevelTag level={item.rating} />
            <span className="nn-muted">{t('fourGood.progress', { met, total: item.criteria.length })}</span>
            {item.status === 'withdrawn' ? <span className="nn-muted">{t('fourGood.withdraw')}</span> : null}
          </Flex>
        }
      />
    </List.Item>
  );
}

/**
 * "Chi bộ bốn tốt" (domain.md §8): for a cell, its year — each criterion, its progress and the result, with the
 * registration; for a committee, the registered cells of its subtree with their results. `?org=&year=`.
 */
export function FourGoodPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const year = Number(params.get('year')) || thisYear();
  const org = params.get('org') ?? grantOrgs(me, ['cell_secretary', 'committee_member', 'admin'])[0];
  const query = useFourGood(org, year);
  const [registering, setRegistering] = useState(false);
  const now = thisYear();
  return (
    <>
      <PageHeader
        title={t('fourGood.title')}
        extra={
          <Select
            aria-label={t('fourGood.year')}
            data-testid="four-good-year"
            value={year}
            style={{ width: 100 }}
            options={[now + 1, now, now - 1, now - 2, now - 3].map((y) => ({ value: y, label: String(y) }))}
            onChange={(y) => update({ year: String(y) })}
          />
        }
      />
      <Flex vertical gap={12}>
        <OrgSelect
          value={org}
          onChange={(code) => update({ org: code })}
          placeholder={t('fourGood.chooseOrg')}
        />
        {org ? (
          <QueryState query={query}>
            {(data) => {
              const own = data.items.find((i) => i.org.code === org);
              return (
                <>
                  {data.canRegister ? (
                    <Button
                      type="primary"
                      onClick={() => setRegistering(true)}
                      data-testid="four-good-register"
                    >
                      {t('fourGood.register')}
                    </Button>
                  ) : null}
                  {own ? (
                    <FourGoodCellCard item={own} />
                  ) : data.items.length === 0 ? (
                    <Empty description={t('fourGood.empty')} />
                  ) : (
                    <Card size="small">
                      <ItemList data-testid="four-good-list">
                        {data.items.map((item) => (
                          <CellLine key={item.org.code} item={item} />
                        ))}
                      </ItemList>
                    </Card>
                  )}
                </>
              );
            }}
          </QueryState>
        ) : null}
      </Flex>
      {registering && org ? (
        <RegisterModal org={org} year={year} onClose={() => setRegistering(false)} />
      ) : null}
    </>
  );
}
