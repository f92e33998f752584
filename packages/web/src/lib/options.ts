import { ROLES } from '@nennep/core/accounts/types';
import { MEMBER_STATUSES, POSITIONS, SEXES } from '@nennep/core/members/types';
import { ORG_CATEGORIES, ORG_KINDS } from '@nennep/core/orgs/types';
import { useTranslation } from 'react-i18next';

/** Select options for the fixed code lists, labelled in the UI language. */
export function useOptions() {
  const { t } = useTranslation();
  return {
    kinds: ORG_KINDS.map((value) => ({ value, label: t(`kind.${value}`) })),
    categories: ORG_CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) })),
    statuses: MEMBER_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
    positions: POSITIONS.map((value) => ({ value, label: t(`position.${value}`) })),
    roles: ROLES.map((value) => ({ value, label: t(`role.${value}`) })),
    sexes: SEXES.map((value) => ({ value, label: t(`sex.${value}`) })),
  };
}
