import type { MeDto } from '@nennep/core/accounts/types';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from '../../lib/api';
import { forgetAccount, recallAccount, rememberAccount } from '../../lib/offline/account';
import { closeQueue } from '../../lib/offline/queue';

export const meKey = ['me'] as const;

/** The signed-in account, or null when there is no session. */
export async function fetchMe(): Promise<MeDto | null> {
  try {
    const me = await api<MeDto>('/api/auth/me', { allow401: true });
    setCsrfToken(me.csrfToken);
    await rememberAccount(me);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      forgetAccount();
      return null;
    }
    // Offline after a reload: the last account's cached answer lets the shell and its queued writes show.
    if (error instanceof ApiError && error.code === 'network') {
      const cached = await recallAccount<MeDto>();
      if (cached) {
        setCsrfToken(cached.csrfToken);
        return cached;
      }
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

/** The account behind the current page; only used below the sign-in gate. */
export function useCurrentUser(): MeDto {
  const me = useMe().data;
  if (!me) throw new Error('useCurrentUser outside the sign-in gate');
  return me;
}

let signedOut = false;

/** Whether this tab's user has just signed out (the sign-in page says so once; see `forgetSignedOut`). */
export const justSignedOut = (): boolean => signedOut;
export function forgetSignedOut(): void {
  signedOut = false;
}

/** Forgets everything cached for the previous account; `signedOut` when the user chose to leave. */
export function endSession(queryClient: QueryClient, options: { signedOut?: boolean } = {}): void {
  signedOut = options.signedOut === true;
  setCsrfToken(null);
  // The queued writes stay on the device; a sign-out also forgets which account an offline reload shows.
  if (signedOut) forgetAccount();
  else closeQueue();
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, null);
}

export function startSession(queryClient: QueryClient, me: MeDto): void {
  signedOut = false;
  setCsrfToken(me.csrfToken);
  void rememberAccount(me);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
  queryClient.setQueryData(meKey, me);
}
