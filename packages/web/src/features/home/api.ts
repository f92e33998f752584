import type { HomeDto } from '@nennep/core/home';
import type { RaiseRecommendationInput } from '@nennep/core/recommendations/schemas';
import { useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';

export const homeKeys = { all: ['home'] as const };

/** The next job of each role the account holds (GET /api/home), fresh on every visit to the page. */
export function useHome() {
  return useQuery({ queryKey: homeKeys.all, queryFn: () => apiGet<HomeDto>('/api/home'), staleTime: 0 });
}

export const homeCommands = {
  prepared: (meetingId: number) => apiPost<unknown>(`/api/meetings/${meetingId}/prepared`, {}),
  raise: (body: RaiseRecommendationInput) => apiPost<{ id: number }>('/api/recommendations/raise', body),
};
