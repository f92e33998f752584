/**
 * Who does what with a committee-wide thematic session (domain.md §6 and §10; HD 12-HD/BTCTW (06/7/2018), its
 * part on sinh hoạt chuyên đề): the committee's administrators and committee members, and those of the
 * committees above it, manage it (papers assigned, the draft resolution written, sent for comments, issued);
 * everyone with a grant inside its subtree reads it, and every member of the subtree comments on the draft
 * resolution. A session the actor may not read does not exist for it (404).
 */
import { issueRefusal, type ThematicSessionAbilities } from '@nennep/core';
import { type Actor, can } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { isCellKind, THEMATIC_STAFF } from './policy.ts';

/** May the actor manage sessions at this committee (not a cell): its staff or a committee's above. */
export const canManageSession = (actor: Actor, org: { kind: string; path: string }) =>
  !isCellKind(org.kind) && can(actor, THEMATIC_STAFF, org.path);

/** May the actor read a session held at `path`: a grant on that node, above it or anywhere below it. */
export const readsSession = (actor: Actor, path: string) =>
  actor.grants.some((g) => path.startsWith(g.path) || g.path.startsWith(path));

/** A session the actor may not read does not exist for it. */
export function assertReadsSession<T extends { orgPath: string }>(actor: Actor, session: T | null): T {
  if (!session || !readsSession(actor, session.orgPath)) throw notFound('thematic_session');
  return session;
}

/**
 * What the actor may do with the session now, as session-commands.ts, session-resolution.ts and
 * session-issue.ts decide it: nothing changes once issued; the latest draft is sent for comments and the
 * session's day has come before it is issued (core session.ts `issueRefusal`, the very rule the server
 * applies, with `today` in Asia/Ho_Chi_Minh from the injected clock), and a manager is told why not yet;
 * every member of the subtree comments on the draft sent (domain.md §6; HD 12-HD/BTCTW (06/7/2018), on
 * sinh hoạt chuyên đề).
 */
export function sessionAbilities(
  actor: Actor,
  s: {
    orgKind: string;
    orgPath: string;
    date: string;
    issuedAt: unknown;
    resolutionShared: boolean;
    latest: { sharedAt: unknown } | null;
    subtreeMember: boolean;
  },
  today: string,
): ThematicSessionAbilities {
  const issued = s.issuedAt !== null;
  const manage = !issued && canManageSession(actor, { kind: s.orgKind, path: s.orgPath });
  const refusal = manage ? issueRefusal(s, s.latest, today) : null;
  return {
    manage,
    share: manage && s.latest !== null && s.latest.sharedAt === null,
    issue: manage && refusal === null,
    issueBlocked: refusal === 'issued' ? null : refusal,
    comment: !issued && s.resolutionShared && s.subtreeMember,
  };
}
