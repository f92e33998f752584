/**
 * Longest text of each field of the supervision API, in characters: the API refuses more (schemas.ts), the
 * form stops there. No imports, so that the web can read it.
 */
export const SUPERVISION_LIMITS = {
  groupName: 200,
  groupMembers: 200,
  /** Why a visit was cancelled; why the visitor did not attend. */
  reason: 500,
  /** The signer's title and name on the quarterly report (HD 36-HD/VPTW, "thể thức đề ký"). */
  signerTitle: 100,
  signerName: 100,
  /** The visit report's notes on the content, the opinions and the issues for the committee's direction. */
  notes: 4000,
  recommendation: 1000,
  recommendations: 30,
  addendum: 4000,
} as const;
