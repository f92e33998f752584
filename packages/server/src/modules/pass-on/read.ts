/**
 * The reads of passing documents on: a document and its status as the actor may see them, the lists of a
 * committee and of a cell, and what a meeting has to pass on. Access as policy.ts says: 404 when unseen.
 */
import {
  type AgendaItem,
  type MeetingPassOnItemDto,
  type PassOnDocumentDto,
  type PassOnStatusDto,
  passOnReason,
  superiorDocumentsIndex,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import type { MeetingRow } from '../meetings/queries.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg, findOrgById } from '../orgs/queries.ts';
import { cellScopesFor, isCellKind, staffInside } from './policy.ts';
import {
  addressedCells,
  documentsForCell,
  documentsWhere,
  findDocument,
  nextMeetings,
  type PassOnDocRow,
  presentDocument,
  recordsOf,
} from './queries.ts';

/** The document with the scopes its cells are seen in, or 404 for an actor who sees none of it. */
export async function visibleDocument(db: Db, actor: Actor, id: number) {
  const doc = await findDocument(db, id);
  if (!doc) throw notFound('pass_on_document');
  const scopes = cellScopesFor(actor, doc);
  if (scopes === null || staffInside(actor, doc)) return { doc, scopes };
  // A cell's secretary or member: only a document addressed to that cell.
  if ((await addressedCells(db, doc, scopes)).length === 0) throw notFound('pass_on_document');
  return { doc, scopes };
}

/** Which addressed cells passed it on (with the day, the meeting, by whom), which are pending (next meeting). */
export async function documentStatus(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
): Promise<PassOnStatusDto> {
  const { doc, scopes } = await visibleDocument(db, actor, id);
  const cells = await addressedCells(db, doc, scopes);
  const records = await recordsOf(db, [doc.id]);
  const next = await nextMeetings(
    db,
    cells.map((c) => c.id),
    today,
  );
  const passed: PassOnStatusDto['passed'] = [];
  const pending: PassOnStatusDto['pending'] = [];
  for (const cell of cells) {
    const record = records.get(`${doc.id}:${cell.id}`);
    if (record) passed.push({ orgCode: cell.code, orgName: cell.name, ...record });
    else pending.push({ orgCode: cell.code, orgName: cell.name, nextMeeting: next.get(cell.id) ?? null });
  }
  return { cells: cells.length, passedOn: passed.length, passed, pending };
}

/**
 * `?org=CODE`: for a cell, the documents addressed to it, each with whether it passed it on; for a committee,
 * those it or a committee below registered, and those from above reaching its subtree.
 */
export async function listDocuments(db: Db, actor: Actor, orgCode: string): Promise<PassOnDocumentDto[]> {
  const org = assertCanRead(actor, await findOrg(db, orgCode));
  if (isCellKind(org.kind)) {
    const docs = await documentsForCell(db, org);
    const records = await recordsOf(
      db,
      docs.map((d) => d.id),
    );
    return docs.map((d) => presentDocument(d, records.get(`${d.id}:${org.id}`) ?? null));
  }
  const docs = await documentsWhere(
    db,
    sql`(d.org_path LIKE ${`${org.path}%`} OR ${org.path} LIKE d.org_path || '%')`,
  );
  return docs.map((d) => presentDocument(d));
}

/**
 * What a meeting passes on, under its agenda's superior-documents item with the reason (HD 12-HD/BTCTW point
 * 2.2): while the minutes are open, every document addressed to the cell and not yet passed on (so the
 * cell's next planned meeting shows it), with those this meeting passed on; once adopted, only the latter.
 */
export async function meetingItems(db: Db, meeting: MeetingRow): Promise<MeetingPassOnItemDto[]> {
  const cell = await findOrgById(db, meeting.orgId);
  if (!cell) return [];
  const docs = (await documentsForCell(db, cell)).filter((d) => d.issuedOn <= meeting.scheduledDate);
  const records = await recordsOf(
    db,
    docs.map((d) => d.id),
  );
  const open = meeting.status !== 'adopted' && meeting.status !== 'cancelled';
  const agendaIndex = superiorDocumentsIndex(meeting.agenda as AgendaItem[]);
  const items: MeetingPassOnItemDto[] = [];
  for (const doc of docs as PassOnDocRow[]) {
    const passed = records.get(`${doc.id}:${cell.id}`) ?? null;
    const here = passed?.meetingId === meeting.id;
    if (!(here || (open && !passed))) continue;
    items.push({
      documentId: doc.id,
      number: doc.number,
      title: doc.title,
      issuedOn: doc.issuedOn,
      passOnBy: doc.passOnBy,
      orgName: doc.orgName,
      agendaIndex,
      reason: passOnReason(doc, meeting.scheduledDate),
      passed: here ? passed : null,
    });
  }
  return items;
}
