import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api';
import { applyFieldErrors } from './form-errors';

/** Shows an API failure: field errors on the form, the server's message in a toast. */
export function useNotifyError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, withFields = true) => {
      const unmatched = withFields ? applyFieldErrors(form, error) : [];
      const text = error instanceof Error ? error.message : t('common.unknownError', { status: '?' });
      const extra = unmatched.filter((m) => !text.includes(m));
      // A long list belongs in a table, not a toast: show the first few.
      const shown = extra.length > 3 ? [...extra.slice(0, 3), '…'] : extra;
      void message.error([text, ...shown].join(' — '));
    },
    [message, t],
  );
}

interface ActionOptions<TVars, TResult> {
  mutationFn: (vars: TVars) => Promise<TResult>;
  form?: FormInstance;
  /** Toast on success; `false` for none. */
  success?: string | false;
  /** Query keys (prefixes) to refetch after success. */
  invalidate?: QueryKey[];
  onSuccess?: (result: TResult, vars: TVars) => void;
  /** Runs after the toast; with it, field errors are left to this handler. */
  onError?: (error: unknown) => void;
}

/** A write: runs the call, shows errors where they belong, refreshes what it changed. */
export function useAction<TVars, TResult>(options: ActionOptions<TVars, TResult>) {
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation<TResult, ApiError | Error, TVars>({
    mutationFn: options.mutationFn,
    onSuccess: async (result, vars) => {
      if (options.success !== false) void message.success(options.success ?? t('common.done'));
      await Promise.all(
        (options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
      options.onSuccess?.(result, vars);
    },
    onError: (error) => {
      notifyError(error, options.form, !options.onError);
      options.onError?.(error);
    },
  });
}
