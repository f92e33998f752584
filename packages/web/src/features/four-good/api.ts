import type {
  FourGoodCellDto,
  FourGoodFinalResult,
  FourGoodListDto,
  FourGoodResult,
  FourGoodStatus,
} from '@nennep/core/four-good/types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';

export type { FourGoodCellDto, FourGoodFinalResult, FourGoodListDto, FourGoodResult, FourGoodStatus };

export const fourGoodKeys = {
  all: ['four-good'] as const,
  list: (org: string, year: number) => ['four-good', org, year] as const,
};

/** The registrations of a subtree in a year with each criterion's status (staff only). */
export function useFourGood(org: string | undefined, year: number, enabled = true) {
  return useQuery({
    queryKey: fourGoodKeys.list(org ?? '', year),
    queryFn: () => apiGet<FourGoodListDto>('/api/four-good', { org, year }),
    enabled: !!org && enabled,
    placeholderData: keepPreviousData,
  });
}

export const registerFourGood = (body: { org: string; year: number; note?: string }) =>
  apiPost<FourGoodCellDto>('/api/four-good/register', body);
export const withdrawFourGood = (body: { org: string; year: number; reason: string }) =>
  apiPost<FourGoodCellDto>('/api/four-good/withdraw', body);
export const assessFourGood = (body: {
  org: string;
  year: number;
  criterion: string;
  met: boolean;
  note?: string;
}) => apiPost<FourGoodCellDto>('/api/four-good/assess', body);
export const recordFourGoodResult = (body: {
  org: string;
  year: number;
  result: FourGoodFinalResult;
  reason?: string;
}) => apiPost<FourGoodCellDto>('/api/four-good/result', body);

export const RESULT_COLORS: Record<FourGoodResult, string> = {
  achieved: 'green',
  not_achieved: 'red',
  tracking: 'default',
};
export const STATUS_COLORS: Record<FourGoodStatus, string> = {
  met: 'green',
  not_met: 'red',
  pending: 'default',
};
