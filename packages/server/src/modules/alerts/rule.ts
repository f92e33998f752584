import type { AlertKind, Role, RuleSetContent } from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * What an alert rule of the daily run is handed (alerts/service.ts `runAlerts`): the modules that add
 * rules of their own (supervision/alerts.ts, recommendations/escalate.ts) import it from here, and the run
 * imports them, so no module imports back into the run.
 */

/** An active cell inside the run's scopes. */
export interface Cell {
  id: number;
  code: string;
  name: string;
  path: string;
}

export interface RuleContext {
  tx: Db;
  /** The day the run is for (ISO, Vietnam time): every rule reads the clock only through it. */
  today: string;
  scopes: readonly string[] | null;
  cells: Cell[];
  recipients: (path: string, roles: readonly Role[]) => number[];
  rulesOn: (cell: Cell, date: string) => RuleSetContent;
  raise: (
    kind: AlertKind,
    accounts: number[],
    notice: { title: string; body: string; link: string; key: string },
  ) => Promise<void>;
}

/** `path LIKE scope%` over the scopes; null scopes mean the whole database. */
export function within(column: SQL, scopes: readonly string[] | null): SQL {
  if (scopes === null) return sql`TRUE`;
  if (scopes.length === 0) return sql`FALSE`;
  return sql`(${sql.join(
    scopes.map((s) => sql`${column} LIKE ${`${s}%`}`),
    sql` OR `,
  )})`;
}
