import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { afterWrite, clearedFieldErrors } from './action-flow';
import type { ApiError } from './api';
import { applyFieldErrors } from './form-errors';

/**
 * Shows an API failure: field errors on the form, the server's message in a toast. With a `key`, the
 * toast is the one of that action: its next attempt replaces it (by another error, or by its success).
 */
export function useNotifyError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, withFields = true, key?: string) => {
      const unmatched = withFields ? applyFieldErrors(form, error) : [];
      const text = error instanceof Error ? error.message : t('common.unknownError', { status: '?' });
      const extra = unmatched.filter((m) => !text.includes(m));
      // A long list belongs in a table, not a toast: show the first few.
      const shown = extra.length > 3 ? [...extra.slice(0, 3), '…'] : extra;
      void message.error({ content: [text, ...shown].join(' — '), key });
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
  /** Runs once the server has said yes; a fault in it is logged, never shown as a failed save. */
  onSuccess?: (result: TResult, vars: TVars) => void;
  /** Runs after the toast; with it, field errors are left to this handler. */
  onError?: (error: unknown) => void;
}

/**
 * A write: runs the call, shows errors where they belong, refreshes what it changed. A success takes
 * away the error toast and field errors of an earlier attempt; nothing after the server's yes (the
 * caller's follow-up, the refetch) can turn it into an error toast.
 */
export function useAction<TVars, TResult>(options: ActionOptions<TVars, TResult>) {
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const key = `action-${useId()}`;
  return useMutation<TResult, ApiError | Error, TVars>({
    mutationFn: options.mutationFn,
    // Not returned: the mutation is done (its button no longer loading, the form already reset by the
    // caller's follow-up) as soon as the server says yes, not after the refetch. Awaiting the refetch kept
    // the submit button in its loading state, which swallows clicks, so the next entry typed during a slow
    // refresh was lost (issue 12, fault 14). afterWrite never rejects.
    onSuccess: (result, vars) => {
      void afterWrite(result, vars, {
        clearFailure: () => {
          message.destroy(key);
          const { form } = options;
          if (form) form.setFields(clearedFieldErrors(form.getFieldsError()));
        },
        announce:
          options.success === false
            ? undefined
            : () => void message.success({ content: options.success ?? t('common.done'), key }),
        onSuccess: options.onSuccess,
        refresh: () =>
          Promise.all(
            (options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
          ),
        report: (error) => console.error('after a successful write', error),
      });
    },
    onError: (error) => {
      notifyError(error, options.form, !options.onError, key);
      options.onError?.(error);
    },
  });
}
