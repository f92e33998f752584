import { describe, expect, it } from 'vitest';
// The web's write helper keeps its logic in a plain module so that it is tested here (the web has no runner).
import { afterWrite, clearedFieldErrors } from '../../../web/src/lib/action-flow.ts';

/** Steps that write down what happened, in order. */
function recorder(faults: { onSuccess?: boolean; refresh?: boolean; announce?: boolean } = {}) {
  const log: string[] = [];
  const reported: unknown[] = [];
  return {
    log,
    reported,
    steps: {
      clearFailure: () => log.push('clear'),
      announce: () => {
        log.push('done');
        if (faults.announce) throw new Error('toast');
      },
      onSuccess: (result: string, vars: number) => {
        log.push(`follow-up ${result} ${vars}`);
        if (faults.onSuccess) throw new Error('follow-up');
      },
      refresh: async () => {
        log.push('refresh');
        if (faults.refresh) throw new Error('refetch');
      },
      report: (error: unknown) => reported.push(error),
    },
  };
}

describe('after a successful write', () => {
  it('clears the old failure, says it is done, follows up, then refreshes', async () => {
    const { log, reported, steps } = recorder();
    await afterWrite('saved', 7, steps);
    expect(log).toEqual(['clear', 'done', 'follow-up saved 7', 'refresh']);
    expect(reported).toEqual([]);
  });

  it('never turns into a failure: a faulty follow-up or a failed refetch is only reported', async () => {
    const { log, reported, steps } = recorder({ onSuccess: true, refresh: true });
    await expect(afterWrite('saved', 1, steps)).resolves.toBeUndefined();
    expect(log).toEqual(['clear', 'done', 'follow-up saved 1', 'refresh']);
    expect(reported.map((e) => (e as Error).message)).toEqual(['follow-up', 'refetch']);
  });

  it('still follows up and refreshes when the toast itself fails, and works without a toast', async () => {
    const faulty = recorder({ announce: true });
    await afterWrite('x', 2, faulty.steps);
    expect(faulty.log).toEqual(['clear', 'done', 'follow-up x 2', 'refresh']);
    const quiet = recorder();
    await afterWrite('x', 3, { ...quiet.steps, announce: undefined, onSuccess: undefined });
    expect(quiet.log).toEqual(['clear', 'refresh']);
  });
});

describe('clearing the field errors a failed attempt left', () => {
  it('empties only the fields that show an error', () => {
    const fields = [
      { name: ['date'], errors: ['Ngày: không được để trống'] },
      { name: ['place'], errors: [] },
      { name: ['grants', 0, 'role'], errors: ['Vai trò: không hợp lệ'] },
    ];
    expect(clearedFieldErrors(fields)).toEqual([
      { name: ['date'], errors: [] },
      { name: ['grants', 0, 'role'], errors: [] },
    ]);
  });
});
