/**
 * The rules of the committee-wide thematic session (pure, no I/O). HD 12-HD/BTCTW (06/7/2018), its part on
 * sinh hoạt chuyên đề, and domain.md §6: each cell prepares its paper (tham luận) and its members comment on
 * it first; the committee's draft thematic resolution is circulated to all members for comment, then issued
 * (ban hành) after the session, never changed again, and passed on like any superior document (HD 12-HD/BTCTW
 * point 2.2).
 */
import type { SessionPaperStatus, SessionStatus } from './session-types.ts';

/** Where the session stands, from its resolution's state. */
export function sessionStatus(resolution: { issuedAt: unknown; sharedAt: unknown }): SessionStatus {
  if (resolution.issuedAt !== null) return 'issued';
  if (resolution.sharedAt !== null) return 'consulting';
  return 'preparing';
}

/** A cell's paper: shared with its members, drafted (versions kept in the app), or only assigned. */
export function sessionPaperStatus(versions: number, shared: boolean): SessionPaperStatus {
  if (shared) return 'shared';
  return versions > 0 ? 'drafted' : 'assigned';
}

/**
 * May the draft resolution be issued today: the session has been held (its day has come), and the version
 * to issue was sent to the members for comments first (domain.md §6: draft circulated, then issued).
 */
export function issueRefusal(
  session: { date: string; issuedAt: unknown },
  latest: { sharedAt: unknown } | null,
  today: string,
): 'issued' | 'not_held' | 'no_draft' | 'not_shared' | null {
  if (session.issuedAt !== null) return 'issued';
  if (today < session.date) return 'not_held';
  if (!latest) return 'no_draft';
  if (latest.sharedAt === null) return 'not_shared';
  return null;
}

/**
 * The subject line under "NGHỊ QUYẾT" (HD 36-HD/VPTW: the subject follows the type name): the title as the
 * committee wrote it when it opens with "về", else "về chuyên đề" and the title quoted (its capitals kept:
 * a title may open with a proper name).
 */
export function sessionResolutionSubject(title: string): string {
  const clean = title.trim().replace(/\s+/g, ' ');
  return /^về\s/iu.test(clean) ? clean : `về chuyên đề "${clean}"`;
}
