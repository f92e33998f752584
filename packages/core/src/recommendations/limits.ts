/**
 * Longest text of each field of the recommendations API, in characters: the API refuses more (schemas.ts),
 * the form stops there. No imports, so that the web can read it.
 */
export const RECOMMENDATION_LIMITS = {
  text: 2000,
  categoryLabel: 200,
  raisedBy: 200,
  outsideBody: 300,
  /** A note on a forward, a start, a step; the reason of a refusal. */
  note: 1000,
  answer: 4000,
  search: 200,
} as const;
