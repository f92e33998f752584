import type {
  AssignmentDto,
  createAssignmentSchema,
  createGroupSchema,
  updateGroupSchema,
  WorkingGroupDto,
} from '@nennep/core';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { visitAssignments, workingGroupMembers, workingGroups } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { orgUnder } from './policy.ts';

/** Accounts among `ids` that may not be sent by the committee (no visitor/committee-member grant on it or above). */
async function notVisitors(tx: Db, committeePath: string, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const ok = await rows<{ id: number }>(
    tx,
    sql`SELECT DISTINCT g.account_id::int AS id FROM grants g JOIN orgs o ON o.id = g.org_id
        JOIN accounts a ON a.id = g.account_id
        WHERE g.account_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) AND g.role IN ('visitor', 'committee_member') AND NOT a.disabled
          AND ${committeePath} LIKE o.path || '%'`,
  );
  const allowed = new Set(ok.map((r) => r.id));
  return ids.filter((id) => !allowed.has(id));
}

async function assertVisitors(tx: Db, committee: OrgRow, ids: number[], field: string) {
  const wrong = await notVisitors(tx, committee.path, ids);
  if (wrong.length > 0) {
    throw invalidField(field, {
      vi: `Tài khoản ${wrong.join(', ')} không có quyền dự sinh hoạt (người dự hoặc cấp ủy viên) tại ${committee.name}.`,
      en: `Account ${wrong.join(', ')} holds no visitor or committee-member grant on ${committee.name}.`,
    });
  }
}

export async function listGroups(db: Db, committee: OrgRow): Promise<WorkingGroupDto[]> {
  const groups = await rows<{ id: number; name: string; leaderAccountId: number | null; active: boolean }>(
    db,
    sql`SELECT id::int AS id, name, leader_account_id::int AS "leaderAccountId", active FROM working_groups
        WHERE committee_org_id = ${committee.id} ORDER BY active DESC, name, id`,
  );
  const members = await rows<{ groupId: number; accountId: number; displayName: string }>(
    db,
    sql`SELECT m.group_id::int AS "groupId", a.id::int AS "accountId", a.display_name AS "displayName"
        FROM working_group_members m JOIN accounts a ON a.id = m.account_id
        JOIN working_groups g ON g.id = m.group_id WHERE g.committee_org_id = ${committee.id}
        ORDER BY a.display_name, a.id`,
  );
  const assignments = await listAssignments(db, committee);
  return groups.map((g) => ({
    id: g.id,
    committeeCode: committee.code,
    name: g.name,
    leaderAccountId: g.leaderAccountId,
    active: g.active,
    members: members
      .filter((m) => m.groupId === g.id)
      .map((m) => ({
        accountId: m.accountId,
        displayName: m.displayName,
        leader: m.accountId === g.leaderAccountId,
      })),
    assignments: assignments.filter((a) => a.groupId === g.id),
  }));
}

type GroupInput = z.infer<typeof createGroupSchema>;
type GroupPatch = z.infer<typeof updateGroupSchema>;

async function setMembers(tx: Db, groupId: number, ids: number[]) {
  await tx.delete(workingGroupMembers).where(eq(workingGroupMembers.groupId, groupId));
  if (ids.length > 0) {
    await tx
      .insert(workingGroupMembers)
      .values([...new Set(ids)].map((accountId) => ({ groupId, accountId })));
  }
}

function assertLeaderIsMember(leader: number | null | undefined, memberIds: number[]) {
  if (leader && !memberIds.includes(leader)) {
    throw invalidField('leaderAccountId', {
      vi: 'Tổ trưởng phải là thành viên của tổ.',
      en: 'The leader must be a member of the group.',
    });
  }
}

export async function createGroup(
  tx: Db,
  actor: Actor | null,
  committee: OrgRow,
  input: GroupInput,
): Promise<number> {
  await assertVisitors(tx, committee, input.memberAccountIds, 'memberAccountIds');
  assertLeaderIsMember(input.leaderAccountId, input.memberAccountIds);
  const row = await insertOne(
    tx
      .insert(workingGroups)
      .values({
        committeeOrgId: committee.id,
        committeePath: committee.path,
        name: input.name,
        leaderAccountId: input.leaderAccountId ?? null,
      })
      .returning({ id: workingGroups.id }),
    'working group',
  );
  await setMembers(tx, row.id, input.memberAccountIds);
  await audit(tx, actor, {
    action: 'supervision.group_created',
    entityType: 'working_group',
    entityId: row.id,
    orgPath: committee.path,
    detail: { name: input.name, members: input.memberAccountIds, leader: input.leaderAccountId ?? null },
  });
  return row.id;
}

export async function findGroup(db: Db, id: number) {
  const [row] = await db.select().from(workingGroups).where(eq(workingGroups.id, id));
  return row ?? null;
}

export async function updateGroup(
  tx: Db,
  actor: Actor,
  committee: OrgRow,
  groupId: number,
  patch: GroupPatch,
) {
  const current = await rows<{ accountId: number }>(
    tx,
    sql`SELECT account_id::int AS "accountId" FROM working_group_members WHERE group_id = ${groupId}`,
  );
  const memberIds = patch.memberAccountIds ?? current.map((m) => m.accountId);
  if (patch.memberAccountIds) await assertVisitors(tx, committee, patch.memberAccountIds, 'memberAccountIds');
  const group = await findGroup(tx, groupId);
  const leader = patch.leaderAccountId !== undefined ? patch.leaderAccountId : group?.leaderAccountId;
  assertLeaderIsMember(leader, memberIds);
  const values: Partial<typeof workingGroups.$inferInsert> = {};
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.leaderAccountId !== undefined) values.leaderAccountId = patch.leaderAccountId ?? null;
  if (patch.active !== undefined) values.active = patch.active;
  if (Object.keys(values).length > 0)
    await tx.update(workingGroups).set(values).where(eq(workingGroups.id, groupId));
  if (patch.memberAccountIds) await setMembers(tx, groupId, patch.memberAccountIds);
  await audit(tx, actor, {
    action: 'supervision.group_updated',
    entityType: 'working_group',
    entityId: groupId,
    orgPath: committee.path,
    detail: { ...patch },
  });
}

export async function listAssignments(db: Db, committee: OrgRow): Promise<AssignmentDto[]> {
  return rows<AssignmentDto>(
    db,
    sql`SELECT a.id::int AS id, ${committee.code} AS "committeeCode", o.code AS "orgCode", o.name AS "orgName",
          a.account_id::int AS "accountId", ac.display_name AS "accountName", a.group_id::int AS "groupId",
          g.name AS "groupName", a.from_date::text AS "from", a.to_date::text AS "to"
        FROM visit_assignments a JOIN orgs o ON o.id = a.org_id
        LEFT JOIN accounts ac ON ac.id = a.account_id LEFT JOIN working_groups g ON g.id = a.group_id
        WHERE a.committee_org_id = ${committee.id} AND a.ended_at IS NULL
        ORDER BY o.sort_key, a.id`,
  );
}

export async function createAssignment(
  tx: Db,
  actor: Actor | null,
  committee: OrgRow,
  input: z.infer<typeof createAssignmentSchema>,
): Promise<number> {
  const org = await orgUnder(tx, committee, input.orgCode, 'orgCode');
  if (input.accountId) await assertVisitors(tx, committee, [input.accountId], 'accountId');
  if (input.groupId) {
    const group = await findGroup(tx, input.groupId);
    if (!group || group.committeeOrgId !== committee.id) {
      throw invalidField('groupId', {
        vi: `Tổ công tác đã chọn không thuộc ${committee.name}.`,
        en: `The chosen working group is not one of ${committee.name}.`,
      });
    }
    if (!group.active) {
      throw invalidField('groupId', {
        vi: `Tổ công tác "${group.name}" đã ngừng hoạt động: hãy chọn tổ khác hoặc cho tổ hoạt động lại.`,
        en: `The working group "${group.name}" is no longer active: choose another or make it active again.`,
      });
    }
  }
  const row = await insertOne(
    tx
      .insert(visitAssignments)
      .values({
        committeeOrgId: committee.id,
        committeePath: committee.path,
        orgId: org.id,
        accountId: input.accountId ?? null,
        groupId: input.groupId ?? null,
        fromDate: input.from ?? null,
        toDate: input.to ?? null,
        createdBy: actor?.id ?? null,
      })
      .returning({ id: visitAssignments.id }),
    'visit assignment',
  );
  await audit(tx, actor, {
    action: 'supervision.assignment_created',
    entityType: 'assignment',
    entityId: row.id,
    orgPath: org.path,
    detail: {
      org: org.code,
      accountId: input.accountId ?? null,
      groupId: input.groupId ?? null,
      from: input.from ?? null,
      to: input.to ?? null,
    },
  });
  return row.id;
}

/** Ends an assignment (kept for the record, no longer in force). */
export async function endAssignment(tx: Db, actor: Actor, committee: OrgRow, id: number, now: Date) {
  const [row] = await tx
    .update(visitAssignments)
    .set({ endedAt: now })
    .where(and(eq(visitAssignments.id, id), eq(visitAssignments.committeeOrgId, committee.id)))
    .returning({ id: visitAssignments.id });
  if (!row) throw notFound('assignment');
  await audit(tx, actor, {
    action: 'supervision.assignment_ended',
    entityType: 'assignment',
    entityId: id,
    orgPath: committee.path,
  });
}
