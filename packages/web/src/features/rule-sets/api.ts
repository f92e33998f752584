import type { QualityScore } from '@nennep/core/meetings/types';
import type { RuleSetContent } from '@nennep/core/rule-set-content';
import { apiPost } from '../../lib/api';

export const ruleSetCommands = {
  create: (body: { orgCode: string; name: string; effectiveFrom: string; content: RuleSetContent }) =>
    apiPost<{ id: number }>('/api/rule-sets', body),
  preview: (meetingId: number, content: RuleSetContent) =>
    apiPost<QualityScore>('/api/rule-sets/preview', { meetingId, content }),
};
