import { useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';
import type { QualityScore, RuleSet, RuleSetContent } from '../../lib/types';

export const ruleSetKeys = {
  all: ['rule-sets'] as const,
  list: (org: string, date?: string) => ['rule-sets', 'list', org, date ?? ''] as const,
};

/** The rule sets along the path from the root to `org` (own and inherited), and the one in force. */
export function useRuleSets(org: string | undefined, date?: string) {
  return useQuery({
    queryKey: ruleSetKeys.list(org ?? '', date),
    queryFn: () => apiGet<{ effectiveId: number | null; items: RuleSet[] }>('/api/rule-sets', { org, date }),
    enabled: !!org,
  });
}

export const ruleSetCommands = {
  create: (body: { orgCode: string; name: string; effectiveFrom: string; content: RuleSetContent }) =>
    apiPost<{ id: number }>('/api/rule-sets', body),
  preview: (meetingId: number, content: RuleSetContent) =>
    apiPost<QualityScore>('/api/rule-sets/preview', { meetingId, content }),
};
