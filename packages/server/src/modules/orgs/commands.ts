import type { AuditKind } from '@nennep/core';
import {
  type CreateOrg,
  collationKey,
  isAllowedParent,
  isoDateInVietnam,
  ORG_KIND_LABELS,
  type OrgCategory,
  type OrgKind,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { orgEvents, orgs } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, invalidField, notFound } from '../../http/errors.ts';
import { assertCanWrite, lockWritableOrg } from './policy.ts';
import { findOrg, lockOrgById, type OrgRow } from './queries.ts';

const kindLabel = (kind: OrgKind) => ORG_KIND_LABELS[kind];

export function assertParentKind(kind: OrgKind, parent: OrgRow | null, field = 'parentCode') {
  const parentKind = (parent?.kind ?? null) as OrgKind | null;
  if (!isAllowedParent(kind, parentKind)) {
    const p = parentKind ? kindLabel(parentKind) : { vi: 'gốc', en: 'root' };
    throw invalidField(field, {
      vi: `${kindLabel(kind).vi} không thể trực thuộc ${p.vi.toLowerCase()}.`,
      en: `A ${kindLabel(kind).en.toLowerCase()} cannot stand under a ${p.en.toLowerCase()}.`,
    });
  }
}

export function assertActive(org: OrgRow, field: string) {
  if (org.status !== 'active') {
    throw invalidField(field, {
      vi: `Tổ chức ${org.code} đã giải thể hoặc sáp nhập.`,
      en: `Organisation ${org.code} has been dissolved or merged.`,
    });
  }
}

export async function recordOrgEvent(
  tx: Db,
  actor: Actor | null,
  org: OrgRow,
  kind: AuditKind<'org'>,
  data: Record<string, unknown>,
) {
  await tx.insert(orgEvents).values({ orgId: org.id, kind, data, actorId: actor?.id ?? null });
  await audit(tx, actor, {
    action: `org.${kind}`,
    entityType: 'org',
    entityId: org.code,
    orgPath: org.path,
    detail: data,
  });
}

/** Inserts a node under its parent; its path ends with its own id. */
export async function insertOrg(
  tx: Db,
  actor: Actor | null,
  input: { code: string; name: string; kind: OrgKind; category: OrgCategory | null },
  parent: OrgRow | null,
): Promise<OrgRow> {
  if (await findOrg(tx, input.code)) {
    throw conflict(
      { vi: `Mã tổ chức ${input.code} đã tồn tại.`, en: `Organisation code ${input.code} already exists.` },
      'code',
    );
  }
  const inserted = await insertOne(
    tx
      .insert(orgs)
      .values({
        code: input.code,
        name: input.name,
        kind: input.kind,
        category: input.category,
        parentId: parent?.id ?? null,
        path: '/',
        depth: (parent?.depth ?? -1) + 1,
        sortKey: collationKey(input.name),
      })
      .returning(),
    'organisation',
  );
  const path = `${parent?.path ?? '/'}${inserted.id}/`;
  const [row] = await tx.update(orgs).set({ path }).where(eq(orgs.id, inserted.id)).returning();
  if (!row) throw new Error('update returned nothing');
  await recordOrgEvent(tx, actor, row, 'created', {
    code: row.code,
    name: row.name,
    parentCode: parent?.code ?? null,
  });
  return row;
}

/*
 * The commands that change the tree. Each runs in one transaction of its own: the nodes it depends on are
 * read and locked inside it (the node changed `FOR UPDATE`, a parent or target only read `FOR SHARE`), the
 * actor's rights (admin of a subtree holding each node: 404 when unseen, 403 when not admin) and the nodes'
 * state are checked there, then the change, its history row and its audit event are written together.
 */

export async function createOrg(db: Db, actor: Actor, input: CreateOrg) {
  return db.transaction(async (tx) => {
    const parent = await lockWritableOrg(tx, actor, input.parentCode, 'share');
    assertActive(parent, 'parentCode');
    assertParentKind(input.kind, parent);
    return insertOrg(tx, actor, { ...input, category: input.category ?? null }, parent);
  });
}

export async function renameOrg(db: Db, actor: Actor, code: string, name: string, note?: string) {
  await db.transaction(async (tx) => {
    const org = await lockWritableOrg(tx, actor, code, 'update');
    assertActive(org, 'code');
    await tx
      .update(orgs)
      .set({ name, sortKey: collationKey(name) })
      .where(eq(orgs.id, org.id));
    await recordOrgEvent(tx, actor, org, 'renamed', { from: org.name, to: name, note: note ?? null });
  });
}

/** Rewrites the paths of a subtree (orgs, members, audit trail) after it moved. */
/**
 * Every column that stores a node's materialised path, besides `orgs.path`: a move rewrites them all in the
 * same transaction, so a subtree's meetings, tasks, rule sets, recommendations, plans and visits follow it
 * (orgs.test.ts checks this list against the catalog, so a new table cannot be left out).
 */
export const PATH_COLUMNS = [
  ['members', 'org_path'],
  ['audit_events', 'org_path'],
  ['rule_sets', 'org_path'],
  ['meetings', 'org_path'],
  ['tasks', 'org_path'],
  ['recommendations', 'org_path'],
  ['recommendations', 'handler_path'],
  ['ratings', 'org_path'],
  ['four_good_registrations', 'org_path'],
  ['dues_payments', 'org_path'],
  ['pass_on_documents', 'org_path'],
  ['thematic_topics', 'org_path'],
  ['thematic_registrations', 'org_path'],
  ['thematic_sessions', 'org_path'],
  ['working_groups', 'committee_path'],
  ['visit_assignments', 'committee_path'],
  ['visit_plans', 'committee_path'],
  ['visits', 'committee_path'],
  ['visits', 'cell_path'],
] as const;

async function rewritePaths(tx: Db, oldPrefix: string, newPrefix: string, depthDelta: number) {
  const pattern = `${oldPrefix}%`;
  const cut = oldPrefix.length + 1;
  await tx.execute(sql`UPDATE orgs SET path = ${newPrefix} || substr(path, ${cut}), depth = depth + ${depthDelta}
    WHERE path LIKE ${pattern}`);
  for (const [table, column] of PATH_COLUMNS) {
    const col = sql.identifier(column);
    await tx.execute(sql`UPDATE ${sql.identifier(table)} SET ${col} = ${newPrefix} || substr(${col}, ${cut})
      WHERE ${col} LIKE ${pattern}`);
  }
}

/** Moves a node and its whole subtree under another parent. */
export async function moveOrg(
  db: Db,
  actor: Actor,
  code: string,
  input: { parentCode: string; note?: string },
) {
  await db.transaction(async (tx) => {
    const org = await lockWritableOrg(tx, actor, code, 'update');
    const parent = await lockWritableOrg(tx, actor, input.parentCode, 'share');
    await moveSubtree(tx, actor, org, parent, input.note);
  });
}

async function moveSubtree(tx: Db, actor: Actor, org: OrgRow, parent: OrgRow, note?: string) {
  assertActive(org, 'code');
  assertActive(parent, 'parentCode');
  if (parent.path.startsWith(org.path)) {
    throw invalidField('parentCode', {
      vi: 'Không thể chuyển một tổ chức vào chính nó hoặc tổ chức trực thuộc nó.',
      en: 'An organisation cannot move under itself or its own subtree.',
    });
  }
  assertParentKind(org.kind as OrgKind, parent);
  const oldParentId = org.parentId;
  const newPath = `${parent.path}${org.id}/`;
  await tx.update(orgs).set({ parentId: parent.id }).where(eq(orgs.id, org.id));
  await rewritePaths(tx, org.path, newPath, parent.depth + 1 - org.depth);
  const moved = { ...org, path: newPath };
  await recordOrgEvent(tx, actor, moved, 'moved', {
    fromParentId: oldParentId,
    toParentCode: parent.code,
    note: note ?? null,
  });
}

/** Ends a node: its members are transferred and its children moved to `into`; nothing is deleted. */
export async function mergeOrg(
  db: Db,
  actor: Actor,
  code: string,
  input: { intoCode: string; note?: string },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const org = await lockWritableOrg(tx, actor, code, 'update');
    const into = await lockWritableOrg(tx, actor, input.intoCode, 'update');
    await mergeInto(tx, actor, org, into, now, input.note);
  });
}

async function mergeInto(tx: Db, actor: Actor, org: OrgRow, into: OrgRow, now: Date, note?: string) {
  assertActive(org, 'code');
  assertActive(into, 'intoCode');
  if (org.id === into.id || into.path.startsWith(org.path)) {
    throw invalidField('intoCode', {
      vi: 'Không thể sáp nhập vào chính nó hoặc tổ chức trực thuộc nó.',
      en: 'Cannot merge into itself or its own subtree.',
    });
  }
  if (org.kind !== into.kind) {
    throw invalidField('intoCode', {
      vi: `Chỉ sáp nhập được vào tổ chức cùng loại (${kindLabel(org.kind as OrgKind).vi}).`,
      en: `Can only merge into an organisation of the same kind (${kindLabel(org.kind as OrgKind).en}).`,
    });
  }
  const children = await tx.select().from(orgs).where(eq(orgs.parentId, org.id));
  for (const child of children)
    if (child.status === 'active') await moveSubtree(tx, actor, child, into, `merge ${org.code}`);
  const moved = await transferAllMembers(tx, actor, org, into, isoDateInVietnam(now), 'merged');
  await tx
    .update(orgs)
    .set({ status: 'merged', mergedIntoId: into.id, endedAt: now })
    .where(eq(orgs.id, org.id));
  await recordOrgEvent(tx, actor, org, 'merged', { intoCode: into.code, members: moved, note: note ?? null });
  await recordOrgEvent(tx, actor, into, 'absorbed', { fromCode: org.code, members: moved });
}

/** Moves every active member of a cell to another, each with a transfer event. Returns how many. */
export async function transferAllMembers(
  tx: Db,
  actor: Actor,
  from: OrgRow,
  to: OrgRow,
  date: string,
  reason: string,
) {
  const moved = await rows<{ member_id: number }>(
    tx,
    sql`
    WITH moved AS (
      UPDATE members SET org_id = ${to.id}, org_path = ${to.path}, updated_at = now()
      WHERE org_id = ${from.id} RETURNING id)
    INSERT INTO member_events (member_id, kind, date, from_org_id, to_org_id, data, actor_id)
    SELECT id, 'transferred', ${date}, ${from.id}, ${to.id}, ${JSON.stringify({ reason })}::jsonb, ${actor.id} FROM moved
    RETURNING member_id`,
  );
  return moved.length;
}

export async function dissolveOrg(db: Db, actor: Actor, code: string, now: Date, note?: string) {
  await db.transaction(async (tx) => {
    const org = await lockWritableOrg(tx, actor, code, 'update');
    await endOrg(tx, actor, org, now, note);
  });
}

async function endOrg(tx: Db, actor: Actor, org: OrgRow, now: Date, note?: string) {
  assertActive(org, 'code');
  const [counts] = await rows<{ children: number; members: number }>(
    tx,
    sql`SELECT
      (SELECT count(*)::int FROM orgs WHERE parent_id = ${org.id} AND status = 'active') AS children,
      (SELECT count(*)::int FROM members WHERE org_id = ${org.id} AND status IN ('official', 'probationary')) AS members`,
  );
  if (counts && (counts.children > 0 || counts.members > 0)) {
    throw conflict({
      vi: `Không thể giải thể: còn ${counts.children} tổ chức trực thuộc và ${counts.members} đảng viên. Hãy chuyển hoặc sáp nhập trước.`,
      en: `Cannot dissolve: ${counts.children} child organisations and ${counts.members} members remain. Move or merge them first.`,
    });
  }
  await tx.update(orgs).set({ status: 'dissolved', endedAt: now }).where(eq(orgs.id, org.id));
  await recordOrgEvent(tx, actor, org, 'dissolved', { note: note ?? null });
}

interface Split {
  newOrg: { code: string; name: string; category?: OrgCategory | null };
  memberCodes: string[];
  childCodes: string[];
}

/**
 * Splits part of a node into a new sibling of the same kind: the listed members and children go along.
 * The new node stands under the same parent, so the actor must administer the parent too (403).
 */
export async function splitOrg(db: Db, actor: Actor, code: string, input: Split, today: string) {
  return db.transaction(async (tx) => {
    const org = await lockWritableOrg(tx, actor, code, 'update');
    const parent = org.parentId ? await lockOrgById(tx, org.parentId, 'share') : null;
    if (!parent) throw notFound('org');
    assertCanWrite(actor, parent);
    return splitOff(tx, actor, org, parent, input, today);
  });
}

async function splitOff(tx: Db, actor: Actor, org: OrgRow, parent: OrgRow, input: Split, today: string) {
  assertActive(org, 'code');
  const created = await insertOrg(
    tx,
    actor,
    {
      ...input.newOrg,
      kind: org.kind as OrgKind,
      category: input.newOrg.category ?? (org.category as OrgCategory | null),
    },
    parent,
  );
  for (const [index, code] of input.childCodes.entries()) {
    const child = await findOrg(tx, code);
    if (!child || child.parentId !== org.id) {
      throw invalidField(`childCodes.${index}`, {
        vi: `${code} không trực thuộc ${org.code}.`,
        en: `${code} is not a child of ${org.code}.`,
      });
    }
    await moveSubtree(tx, actor, child, created, `split ${org.code}`);
  }
  if (input.memberCodes.length > 0) {
    const moved = await rows<{ member_id: number }>(
      tx,
      sql`
      WITH moved AS (
        UPDATE members SET org_id = ${created.id}, org_path = ${created.path}, updated_at = now()
        WHERE org_id = ${org.id} AND member_code IN (${sql.join(
          input.memberCodes.map((c) => sql`${c}`),
          sql`, `,
        )})
        RETURNING id, member_code)
      INSERT INTO member_events (member_id, kind, date, from_org_id, to_org_id, data, actor_id)
      SELECT id, 'transferred', ${today}, ${org.id}, ${created.id}, '{"reason":"split"}'::jsonb, ${actor.id} FROM moved
      RETURNING member_id`,
    );
    const count = moved.length;
    if (count !== new Set(input.memberCodes).size) {
      throw invalidField('memberCodes', {
        vi: `Có mã đảng viên không thuộc ${org.code}.`,
        en: `Some member codes do not belong to ${org.code}.`,
      });
    }
  }
  await recordOrgEvent(tx, actor, org, 'split', {
    newCode: created.code,
    members: input.memberCodes.length,
    children: input.childCodes,
  });
  return created;
}
