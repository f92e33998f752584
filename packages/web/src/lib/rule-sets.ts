import type { RuleSetDto } from '@nennep/core/meetings/api-types';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api';

/**
 * The rule sets read (`GET /api/rule-sets`): shared by the rule-sets pages and by the features that read
 * their part of the rule set in force (supervision's target, recommendations' categories), so that none of
 * them imports another feature.
 */
export const ruleSetKeys = {
  all: ['rule-sets'] as const,
  list: (org: string, date?: string) => ['rule-sets', 'list', org, date ?? ''] as const,
};

/** The rule sets along the path from the root to `org` (own and inherited), and the one in force. */
export function useRuleSets(org: string | undefined, date?: string) {
  return useQuery({
    queryKey: ruleSetKeys.list(org ?? '', date),
    queryFn: () =>
      apiGet<{ effectiveId: number | null; items: RuleSetDto[] }>('/api/rule-sets', { org, date }),
    enabled: !!org,
  });
}
