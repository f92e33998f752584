import { compareVietnameseNames } from '@nennep/core/text/vietnamese';
import { quarterBounds } from '@nennep/core/thematic/rules';
import { THEMATIC_LIMITS } from '@nennep/core/thematic/types';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { MemberSelect } from '../../components/member-select';
import { DATE_FORMAT } from '../../lib/format';
import { fetchMembers, memberKeys } from '../../lib/member-list';
import { useRules } from '../../lib/rules';
import { todayIso } from './api';

/** The cell's official and probationary members as options, sorted the Vietnamese way (given name first). */
export function useCellMemberOptions(cell: string) {
  const filters = { org: cell, pageSize: 200 };
  const members = useQuery({
    queryKey: memberKeys.list(filters),
    queryFn: () => fetchMembers(filters),
    // No cell chosen yet (the session form's paper row): nothing to ask.
    enabled: cell !== '',
  });
  const options = (members.data?.items ?? [])
    .filter((m) => m.orgCode === cell && (m.status === 'official' || m.status === 'probationary'))
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    .map((m) => ({ value: m.memberCode, label: m.fullName }));
  return { options, loading: cell !== '' && members.isPending };
}

/** The first day a meeting of the quarter may be planned for: today, or the quarter's first day if later. */
export function firstPlannable(year: number, quarter: number): Dayjs {
  const { from } = quarterBounds(year, quarter);
  const today = dayjs(todayIso());
  return dayjs(from).isAfter(today) ? dayjs(from) : today;
}

/**
 * The presenters (members of the cell, searchable without accents) and the planned date (inside the quarter,
 * not before today): fields of the register and the replan forms.
 */
export function PresentersAndDate({ cell, year, quarter }: { cell: string; year: number; quarter: number }) {
  const { t } = useTranslation();
  const rules = useRules();
  const { options, loading } = useCellMemberOptions(cell);
  const { from, to } = quarterBounds(year, quarter);
  const first = firstPlannable(year, quarter);
  return (
    <>
      <Form.Item
        name="presenterCodes"
        label={t('thematic.register.presenters')}
        rules={[rules.requiredSelect(t('thematic.register.presenters'))]}
      >
        <MemberSelect<string[]>
          mode="multiple"
          size="large"
          maxCount={THEMATIC_LIMITS.presenters}
          placeholder={t('thematic.register.pickPresenters')}
          options={options}
          loading={loading}
          data-testid="thematic-presenters"
        />
      </Form.Item>
      <Form.Item
        name="plannedDate"
        label={t('thematic.register.plannedDate')}
        rules={[rules.requiredSelect(t('thematic.register.plannedDate'))]}
      >
        <DatePicker
          format={DATE_FORMAT}
          size="large"
          style={{ width: '100%' }}
          inputReadOnly
          disabledDate={(d) =>
            d.isBefore(first, 'day') || d.isBefore(dayjs(from)) || d.isAfter(dayjs(to), 'day')
          }
          data-testid="thematic-planned-date"
        />
      </Form.Item>
    </>
  );
}
