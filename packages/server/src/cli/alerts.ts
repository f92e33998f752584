import { isoDateInVietnam, parseVietnameseDate } from '@nennep/core';
import type { Database } from '../db/client.ts';
import { audit } from '../http/audit.ts';
import { serializeAlertRuns } from '../modules/alerts/run.ts';
import { type AlertRun, runAlerts } from '../modules/alerts/service.ts';

/**
 * `nennep alerts [--date YYYY-MM-DD]`: raises the day's alerts over the whole database, in one transaction
 * with an audit event, and prints the counts. Meant for a daily timer (cron, systemd). Returns the exit code.
 */
export async function runAlertsCommand(database: Pick<Database, 'db'>, today?: string): Promise<number> {
  const date = today ?? isoDateInVietnam(new Date());
  if (parseVietnameseDate(date) !== date) {
    console.error(`--date: "${date}" không phải ngày dạng YYYY-MM-DD. / is not a YYYY-MM-DD date.`);
    return 2;
  }
  const run: AlertRun = await database.db.transaction(async (tx) => {
    await serializeAlertRuns(tx);
    const result = await runAlerts(tx, date, null);
    await audit(tx, null, {
      action: 'alerts.run',
      entityType: 'alerts',
      entityId: date,
      orgPath: '/',
      detail: { date, raised: result.raised, notified: result.notified, byKind: result.byKind, cli: true },
    });
    return result;
  });
  const kinds = Object.entries(run.byKind)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  console.log(
    `Cảnh báo ngày ${date}: ${run.raised} mới (${kinds}); ${run.notified} thông báo. / alerts raised.`,
  );
  return 0;
}
