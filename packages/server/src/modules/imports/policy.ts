/** Who may import what; row scopes are checked per row by the validation (validate-*.ts). */
import type { Role } from '@nennep/core';
import type { Actor, ActorGrant } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { MEMBER_WRITERS } from '../members/policy.ts';
import type { ImportKind } from './columns.ts';

export const IMPORTERS: Record<ImportKind, readonly Role[]> = { orgs: ['admin'], members: MEMBER_WRITERS };

/** The actor's grants that allow importing this kind, highest node first. */
export function importerGrants(actor: Actor, kind: ImportKind): ActorGrant[] {
  return actor.grants
    .filter((g) => IMPORTERS[kind].includes(g.role))
    .sort((a, b) => a.path.length - b.path.length || a.path.localeCompare(b.path));
}

export function assertMayImport(actor: Actor, kind: ImportKind) {
  if (importerGrants(actor, kind).length === 0) throw forbidden();
}
