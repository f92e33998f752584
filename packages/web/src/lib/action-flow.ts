/**
 * What happens after a write has succeeded, apart from React and antd so it can be tested on its own
 * (`packages/server/src/http/action-flow.test.ts`: the web has no test runner). The server has said yes: nothing after that may turn
 * into a failure on screen — not the caller's own follow-up, not a refresh of what the write changed.
 */
export interface AfterWriteSteps<TResult, TVars> {
  /** Takes away what an earlier failed attempt left: its error toast, the errors on the form's fields. */
  clearFailure: () => void;
  /** The success toast, if the action has one. */
  announce?: () => void;
  /** The caller's follow-up (close the dialog, go to the new page, keep the answer). */
  onSuccess?: (result: TResult, vars: TVars) => void;
  /** Refetches what the write changed; a failed refetch is the query's to show, with its retry. */
  refresh: () => Promise<unknown>;
  /** Where a fault after the write goes: the console, never a "could not save". */
  report: (error: unknown) => void;
}

/**
 * Runs the steps after a successful write in this order — clear the old failure, say it is done, the
 * caller's follow-up, refresh — and never rejects, so the mutation stays a success whatever follows.
 * The follow-up comes before the refresh: a dialog closes at once, and a page left behind (a record just
 * merged away) is not refetched into a "not found" before the caller navigates.
 */
export async function afterWrite<TResult, TVars>(
  result: TResult,
  vars: TVars,
  steps: AfterWriteSteps<TResult, TVars>,
): Promise<void> {
  const guarded = (step: () => void) => {
    try {
      step();
    } catch (error) {
      steps.report(error);
    }
  };
  guarded(steps.clearFailure);
  if (steps.announce) guarded(steps.announce);
  const { onSuccess } = steps;
  if (onSuccess) guarded(() => onSuccess(result, vars));
  try {
    await steps.refresh();
  } catch (error) {
    steps.report(error);
  }
}

/** The errors still shown on a form's fields, as `setFields` entries that clear them. */
export function clearedFieldErrors<TName>(
  fields: readonly { name: TName; errors: readonly string[] }[],
): { name: TName; errors: string[] }[] {
  return fields.filter((f) => f.errors.length > 0).map((f) => ({ name: f.name, errors: [] }));
}
