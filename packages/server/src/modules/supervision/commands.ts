/**
 * The committee's commands of supervision (domain.md §4): working groups, assignments, the period's plan,
 * its publication, the quarterly report. Each owns its transaction and holds the committee's row locked for
 * it (`managedCommittee` with a lock), so two writers of one committee's supervision never interleave (a
 * plan made while another is published, a report issued twice); the actor's rights are checked there (404,
 * 403), then the rows and the audit are written together.
 */
import type {
  createAssignmentSchema,
  createGroupSchema,
  issueSupervisionReportSchema,
  updateGroupSchema,
} from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { visitPlans } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { findOrgById } from '../orgs/queries.ts';
import { createAssignment, createGroup, endAssignment, findGroup, updateGroup } from './groups.ts';
import { periodFor } from './planner-input.ts';
import { findPlan, makePlan, publishPlan } from './plans.ts';
import { managedCommittee } from './policy.ts';
import { issueReport } from './report-issue.ts';

/** The committee, locked for the command, that the actor manages (404, 403; 400 naming `field` for a cell). */
const lockManaged = (tx: Db, actor: Actor, code: string, field?: string) =>
  managedCommittee(tx, actor, code, field, 'update');

/** A row of a committee the actor may not manage is not found (ids do not leak), its committee locked. */
const lockOwner = async (
  tx: Db,
  actor: Actor,
  committeeOrgId: number,
  entity: 'working_group' | 'visit_plan',
) => {
  const owner = await findOrgById(tx, committeeOrgId);
  if (!owner) throw notFound(entity);
  return lockManaged(tx, actor, owner.code).catch(() => {
    throw notFound(entity);
  });
};

export function addWorkingGroup(db: Db, actor: Actor, input: z.output<typeof createGroupSchema>) {
  return db.transaction(async (tx) =>
    createGroup(tx, actor, await lockManaged(tx, actor, input.committeeCode), input),
  );
}

export function changeWorkingGroup(
  db: Db,
  actor: Actor,
  id: number,
  patch: z.output<typeof updateGroupSchema>,
) {
  return db.transaction(async (tx) => {
    const group = await findGroup(tx, id);
    if (!group) throw notFound('working_group');
    const committee = await lockOwner(tx, actor, group.committeeOrgId, 'working_group');
    await updateGroup(tx, actor, committee, group.id, patch);
  });
}

export function addAssignment(db: Db, actor: Actor, input: z.output<typeof createAssignmentSchema>) {
  return db.transaction(async (tx) =>
    createAssignment(tx, actor, await lockManaged(tx, actor, input.committeeCode), input),
  );
}

/** Ends an assignment of the committee named (kept for the record, no longer in force). */
export function finishAssignment(db: Db, actor: Actor, committeeCode: string, id: number, now: Date) {
  return db.transaction(async (tx) =>
    endAssignment(tx, actor, await lockManaged(tx, actor, committeeCode, 'committee'), id, now),
  );
}

/** Plans (or re-plans) a period's rotation (plans.ts `makePlan`). Returns the committee for the answer. */
export function planVisits(db: Db, actor: Actor, committeeCode: string, periodKey: string, now: Date) {
  return db.transaction(async (tx) => {
    const committee = await lockManaged(tx, actor, committeeCode);
    await makePlan(tx, actor, committee, periodKey, now);
    return committee;
  });
}

/** Publishes a plan: its visitors are told. Returns the committee and the period for the answer. */
export function publishVisitPlan(db: Db, actor: Actor, planId: number, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(visitPlans).where(eq(visitPlans.id, planId));
    if (!row) throw notFound('visit_plan');
    const committee = await lockOwner(tx, actor, row.committeeOrgId, 'visit_plan');
    // Read again under the committee's lock: a plan published meanwhile answers 409.
    const plan = await findPlan(tx, committee.id, row.periodKey);
    if (!plan) throw notFound('visit_plan');
    await publishPlan(tx, actor, committee, plan, now);
    return { committee, periodKey: plan.periodKey };
  });
}

/** Issues the quarterly report (report-issue.ts), numbered and frozen; once per period. */
export function issueSupervisionReport(
  db: Db,
  actor: Actor,
  input: z.output<typeof issueSupervisionReportSchema>,
  today: string,
) {
  return db.transaction(async (tx) => {
    const committee = await lockManaged(tx, actor, input.committeeCode);
    const { period, rules } = await periodFor(tx, committee, input.periodKey);
    const signer = { title: input.signerTitle ?? undefined, name: input.signerName ?? undefined };
    return issueReport(tx, actor, committee, period, rules, today, signer);
  });
}
