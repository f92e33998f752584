import { ALERT_KINDS } from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { type AlertRun, runAlerts } from './service.ts';

/** Adds one scope's run to the total. */
export function addRuns(total: AlertRun, run: AlertRun): AlertRun {
  const byKind = { ...total.byKind };
  for (const [kind, n] of Object.entries(run.byKind) as [keyof AlertRun['byKind'], number][])
    byKind[kind] += n;
  return { raised: total.raised + run.raised, notified: total.notified + run.notified, byKind };
}

/** Advisory lock class of the alerts run (4242 is the migrations', 4243 an import commit's). */
const ALERTS_LOCK = 4244;

/**
 * Makes runs of the day's alerts wait for each other, until the end of the caller's transaction: with several
 * server hosts, a timer on each (`nennep alerts`) or two admins at once would otherwise both read the same
 * overdue recommendations before either commits and escalate them twice (two `escalated` events). The
 * second run then finds the first's work done (new due dates, notices deduplicated by key).
 */
export async function serializeAlertRuns(tx: Db) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${ALERTS_LOCK})`);
}

/**
 * The command of an admin raising the day's alerts on demand, in one transaction: one run and one audit
 * event per subtree administered, so each subtree's log shows its own counts. Returns the total.
 */
export function runAlertsFor(db: Db, actor: Actor, scopes: string[], today: string): Promise<AlertRun> {
  return db.transaction(async (tx) => {
    await serializeAlertRuns(tx);
    let sum: AlertRun = {
      raised: 0,
      notified: 0,
      byKind: Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as AlertRun['byKind'],
    };
    for (const scope of scopes) {
      const run = await runAlerts(tx, today, [scope]);
      await audit(tx, actor, {
        action: 'alerts.run',
        entityType: 'alerts',
        entityId: today,
        orgPath: scope,
        detail: { date: today, raised: run.raised, notified: run.notified, byKind: run.byKind },
      });
      sum = addRuns(sum, run);
    }
    return sum;
  });
}
