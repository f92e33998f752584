/**
 * The words of a node (`core/org-naming.ts`) read from the database: the node's overrides, its ancestors'
 * (for the place of the date line) and whether a cell has elected a chi ủy. Every document and screen
 * that names an organisation or its leading body reads them from here.
 */
import {
  documentHeading,
  normaliseOverrides,
  type OrgNaming,
  type OrgNamingDto,
  type OrgNamingOverrides,
  resolveNaming,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { orgs } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { assertActive, recordOrgEvent } from './commands.ts';
import { lockWritableOrg } from './policy.ts';
import type { OrgRow } from './queries.ts';

interface NamingRow {
  id: number;
  kind: string;
  name: string;
  naming: OrgNamingOverrides | null;
  hasCommittee: boolean;
}

const idsOf = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The nodes of a path, root first, with what naming needs. */
async function chainOf(db: Db, path: string): Promise<NamingRow[]> {
  const ids = idsOf(path);
  if (ids.length === 0) return [];
  const list = await rows<NamingRow>(
    db,
    sql`SELECT o.id::int AS id, o.kind, o.name, o.naming,
          EXISTS (SELECT 1 FROM members m WHERE m.org_id = o.id AND m.position = 'committee_member'
                    AND m.status IN ('official', 'probationary')) AS "hasCommittee"
        FROM orgs o WHERE o.id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  const byId = new Map(list.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function resolveChain(chain: NamingRow[]): OrgNamingDto | null {
  const node = chain[chain.length - 1];
  if (!node) return null;
  return resolveNaming(node, chain.slice(0, -1), { hasCellCommittee: node.hasCommittee });
}

/** The words of a node with their defaults and overrides (the organisation page). */
export async function namingOf(db: Db, org: Pick<OrgRow, 'path'>): Promise<OrgNamingDto> {
  const dto = resolveChain(await chainOf(db, org.path));
  if (!dto) throw new Error(`no organisation at ${org.path}`);
  return dto;
}

/** What a document issued by `org` prints of it and of its superior organisation. */
export async function issuerOf(
  db: Db,
  org: Pick<OrgRow, 'path'>,
): Promise<{ own: OrgNaming; superior: OrgNaming | null; heading: { superior: string; issuer: string } }> {
  const chain = await chainOf(db, org.path);
  const own = resolveChain(chain)?.resolved;
  if (!own) throw new Error(`no organisation at ${org.path}`);
  const superior = chain.length > 1 ? (resolveChain(chain.slice(0, -1))?.resolved ?? null) : null;
  return { own, superior, heading: documentHeading(own, superior) };
}

const sameOverrides = (a: OrgNamingOverrides, b: OrgNamingOverrides) =>
  JSON.stringify(normaliseOverrides(a)) === JSON.stringify(normaliseOverrides(b));

/**
 * Sets the node's overrides (blank = back to the default), with the change in its history. Documents
 * already issued keep the words they were issued with (their models are frozen).
 */
export async function setNaming(
  db: Db,
  actor: Actor,
  code: string,
  input: OrgNamingOverrides,
  note?: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // The node locked and checked inside the transaction: admin of a subtree holding it (404, then 403).
    const locked = await lockWritableOrg(tx, actor, code, 'update');
    assertActive(locked, 'code');
    const before = normaliseOverrides(locked.naming);
    const after = normaliseOverrides(input);
    if (sameOverrides(before, after)) return false;
    await tx.update(orgs).set({ naming: after }).where(eq(orgs.id, locked.id));
    await recordOrgEvent(tx, actor, locked, 'naming_changed', {
      from: before,
      to: after,
      note: note ?? null,
    });
    return true;
  });
}
