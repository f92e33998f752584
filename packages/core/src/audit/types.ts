/**
 * The audit log as `GET /api/audit` answers it, stated once for the server and the web's audit page
 * (`import type`). No zod, no imports.
 */

/** One audit event: who did what to which entity, when, with the command's details. */
export interface AuditEventDto {
  /** ISO 8601 instant. */
  at: string;
  /** The account's user name; `system` for what no account did (imports from the command line, the daily run). */
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  detail: Record<string, unknown>;
}

/** A page of an admin's audit log, newest first. */
export interface AuditLogDto {
  total: number;
  page: number;
  items: AuditEventDto[];
}
