import { useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useAction } from '../../lib/use-action';
import { type RecommendationDetailDto, recommendationKeys } from './api';

/** A write on the recommendation: the answer is the new detail; lists, meetings and figures follow. */
export function useRecAction<T>(
  rec: { id: number },
  mutationFn: (v: T) => Promise<RecommendationDetailDto>,
  options: { form?: FormInstance; success: string; onDone?: () => void },
) {
  const queryClient = useQueryClient();
  return useAction({
    mutationFn,
    form: options.form,
    success: options.success,
    invalidate: [
      recommendationKeys.lists,
      ['recommendations', 'dashboard'],
      ['recommendations', 'meeting'],
      ['meetings', 'detail'],
    ],
    onSuccess: (detail) => {
      queryClient.setQueryData(recommendationKeys.detail(rec.id), detail);
      options.onDone?.();
    },
  });
}
