import type { AuditAction } from '@nennep/core';
/**
 * The commands of "Chi bộ bốn tốt" (domain.md §8): register a cell for a year, withdraw it, assess a manual
 * criterion, record the final result. Each is one transaction: the cell read and locked (`FOR SHARE`), the
 * registration locked (`FOR UPDATE`), the actor's right and the state checked, then the row and an audit event
 * written. "Today" is the injected clock's day in Vietnam.
 */
import {
  CELL_KINDS,
  type fourGoodAssessSchema,
  type fourGoodRegisterSchema,
  type fourGoodResultSchema,
  type fourGoodWithdrawSchema,
  isoDateInVietnam,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, invalidField } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { assertMay, mayDecide, mayRegister } from './policy.ts';
import {
  assessmentsFor,
  evaluate,
  factsFor,
  fourGoodRulesAt,
  type RegistrationRow,
  registrationRows,
  yearEnded,
} from './queries.ts';

/** Cells take part in the model: a cell under a grassroots committee, or a grassroots cell (domain.md §1). */
const CELLS = CELL_KINDS.filter((k) => k !== 'party_group') as readonly string[];

const auditOf = (
  r: { id: number; orgPath: string },
  org: OrgRow,
  year: number,
  action: AuditAction,
  detail = {},
) => ({
  action,
  entityType: 'four_good',
  entityId: r.id,
  orgPath: r.orgPath,
  detail: { org: org.code, year, ...detail },
});

/** The cell (404 unseen), locked for share, and its registration for the year locked for update. */
async function lockRegistration(tx: Db, actor: Actor, code: string, year: number) {
  const org = await lockReadableOrg(tx, actor, code, 'share');
  assertMay(mayDecide(actor, org.path));
  const [row] = await registrationRows(tx, sql`g.org_id = ${org.id} AND g.year = ${year}`, true);
  if (!row) {
    throw conflict(
      {
        vi: `Chi bộ chưa đăng ký "Chi bộ bốn tốt" năm ${year}.`,
        en: `The cell has not registered for ${year}.`,
      },
      'org',
    );
  }
  if (row.status !== 'registered') {
    throw conflict({ vi: 'Đăng ký này đã được rút.', en: 'This registration was withdrawn.' }, 'org');
  }
  return { org, row };
}

const resultRecorded = (row: RegistrationRow) => {
  if (row.result) {
    throw conflict({
      vi: 'Cấp ủy đã ghi kết quả: ghi lại kết quả nếu cần thay đổi.',
      en: 'The committee has recorded the result: record it again to change it.',
    });
  }
};

/**
 * Registers a cell for the model for a year (local practice, at the start of the year): its secretary, the
 * committee or an administrator; once per cell and year; not for a year already over.
 */
export function register(db: Db, actor: Actor, input: z.output<typeof fourGoodRegisterSchema>, now: Date) {
  return db.transaction(async (tx) => {
    const org = await lockReadableOrg(tx, actor, input.org, 'share');
    assertMay(mayRegister(actor, org.path));
    if (!CELLS.includes(org.kind) || org.status !== 'active') {
      throw invalidField('org', {
        vi: 'Chỉ chi bộ đang hoạt động đăng ký "Chi bộ bốn tốt".',
        en: 'Only an active cell registers for the four-good model.',
      });
    }
    const thisYear = Number(isoDateInVietnam(now).slice(0, 4));
    if (input.year < thisYear) {
      throw invalidField('year', {
        vi: `Năm ${input.year} đã kết thúc: không đăng ký được nữa.`,
        en: `The year ${input.year} is over: registration is closed.`,
      });
    }
    if (input.year > thisYear + 1) {
      throw invalidField('year', {
        vi: 'Chỉ đăng ký cho năm nay hoặc năm sau.',
        en: 'Register for this year or the next only.',
      });
    }
    const [made] = await rows<{ id: number }>(
      tx,
      sql`INSERT INTO four_good_registrations (year, org_id, org_path, note, registered_by, registered_by_name,
            registered_at, created_at, updated_at)
          VALUES (${input.year}, ${org.id}, ${org.path}, ${input.note || null}, ${actor.id}, ${actor.displayName},
            ${now.toISOString()}, ${now.toISOString()}, ${now.toISOString()})
          ON CONFLICT (org_id, year) DO NOTHING RETURNING id::int AS id`,
    );
    if (!made) {
      throw conflict(
        {
          vi: `${org.name} đã đăng ký "Chi bộ bốn tốt" năm ${input.year}.`,
          en: `${org.name} has already registered for ${input.year}.`,
        },
        'year',
      );
    }
    await audit(
      tx,
      actor,
      auditOf({ id: made.id, orgPath: org.path }, org, input.year, 'four_good.registered'),
    );
    return org.code;
  });
}

/** The committee withdraws a registration (with the reason), until the result is recorded. */
export function withdraw(db: Db, actor: Actor, input: z.output<typeof fourGoodWithdrawSchema>, now: Date) {
  return db.transaction(async (tx) => {
    const { org, row } = await lockRegistration(tx, actor, input.org, input.year);
    resultRecorded(row);
    await tx.execute(
      sql`UPDATE four_good_registrations SET status = 'withdrawn', withdrawn_reason = ${input.reason},
            withdrawn_by = ${actor.id}, withdrawn_by_name = ${actor.displayName}, withdrawn_at = ${now.toISOString()},
            updated_at = ${now.toISOString()}
          WHERE id = ${row.id}`,
    );
    await audit(tx, actor, auditOf(row, org, input.year, 'four_good.withdrawn', { reason: input.reason }));
    return org.code;
  });
}

/** The committee's assessment of a manual criterion (a later one replaces it; the audit keeps the earlier). */
export function assess(db: Db, actor: Actor, input: z.output<typeof fourGoodAssessSchema>, now: Date) {
  return db.transaction(async (tx) => {
    const { org, row } = await lockRegistration(tx, actor, input.org, input.year);
    resultRecorded(row);
    const rules = await fourGoodRulesAt(tx, row.orgPath, row.year);
    const criterion = rules.criteria.find((c) => c.id === input.criterion);
    if (!criterion?.manual) {
      throw invalidField('criterion', {
        vi: 'Tiêu chí này không do cấp ủy đánh giá trực tiếp.',
        en: 'This criterion is not assessed by the committee.',
      });
    }
    const previous = (await assessmentsFor(tx, [row.id])).get(row.id)?.get(criterion.id) ?? null;
    await tx.execute(
      sql`INSERT INTO four_good_assessments (registration_id, criterion_id, met, note, assessed_by, assessed_by_name,
            assessed_at)
          VALUES (${row.id}, ${criterion.id}, ${input.met}, ${input.note || null}, ${actor.id}, ${actor.displayName},
            ${now.toISOString()})
          ON CONFLICT (registration_id, criterion_id) DO UPDATE SET met = excluded.met, note = excluded.note,
            assessed_by = excluded.assessed_by, assessed_by_name = excluded.assessed_by_name,
            assessed_at = excluded.assessed_at`,
    );
    await tx.execute(
      sql`UPDATE four_good_registrations SET updated_at = ${now.toISOString()} WHERE id = ${row.id}`,
    );
    await audit(
      tx,
      actor,
      auditOf(row, org, input.year, 'four_good.assessed', {
        criterion: criterion.id,
        met: input.met,
        previous: previous?.met ?? null,
      }),
    );
    return org.code;
  });
}

/**
 * The committee's final result once the year is over: the computed one kept beside it, and the reason
 * required when they differ. Recording again replaces it (the audit keeps the earlier).
 */
export function recordResult(db: Db, actor: Actor, input: z.output<typeof fourGoodResultSchema>, now: Date) {
  return db.transaction(async (tx) => {
    const { org, row } = await lockRegistration(tx, actor, input.org, input.year);
    if (!yearEnded(row.year, now)) {
      throw invalidField('year', {
        vi: `Năm ${row.year} chưa kết thúc: kết quả ghi sau khi hết năm.`,
        en: `The year ${row.year} is not over: the result is recorded after it.`,
      });
    }
    const rules = await fourGoodRulesAt(tx, row.orgPath, row.year);
    const facts = (await factsFor(tx, [row.orgId], row.year)).get(row.orgId);
    const assessments = (await assessmentsFor(tx, [row.id])).get(row.id);
    const { computed } = evaluate(rules, facts, assessments, row.year, now);
    const reason = input.reason?.trim() || null;
    if (input.result !== computed && !reason) {
      throw invalidField('reason', {
        vi: 'Kết quả khác với kết quả tính theo tiêu chí: cần nêu lý do.',
        en: 'The result differs from the one the criteria give: give the reason.',
      });
    }
    await tx.execute(
      sql`UPDATE four_good_registrations SET result = ${input.result}, result_computed = ${computed},
            result_reason = ${reason}, result_by = ${actor.id}, result_by_name = ${actor.displayName},
            result_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
          WHERE id = ${row.id}`,
    );
    await audit(
      tx,
      actor,
      auditOf(row, org, input.year, 'four_good.result', {
        result: input.result,
        computed,
        reason,
        previous: row.result,
      }),
    );
    return org.code;
  });
}
