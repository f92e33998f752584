import { useSearchParams } from 'react-router';

/**
 * The page's filters kept in the URL (so a link or the back button opens the same view): the current
 * parameters, and `update`, which sets the given keys and drops those given as empty, replacing the entry
 * in the history rather than adding one.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return { params, update };
}
