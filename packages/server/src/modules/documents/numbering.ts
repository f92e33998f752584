import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { termLabelOf } from '../orgs/queries.ts';

/**
 * Numbers and fingerprints of the documents a cell or a committee issues (minutes BB, resolutions NQ,
 * reports BC): shared by meetings (adoption), supervision and reports (issue), documents (fingerprints).
 */

/** The SHA-256 fingerprint of a document's bytes, in hex. */
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The term of office (nhiệm kỳ) a date falls in; numbers restart at 01 in each term. */
async function termOf(tx: Db, orgId: number, date: string): Promise<string> {
  return (await termLabelOf(tx, orgId, date)) ?? 'default';
}

/**
 * The next number of a document type for the node in the term (01, 02, …; core `documentNumber`, layout
 * HD 36-HD/VPTW), taken inside the transaction: the counter's row stays locked until it ends.
 */
export async function nextNumber(tx: Db, orgId: number, date: string, docType: string): Promise<number> {
  const term = await termOf(tx, orgId, date);
  const row = await insertOne(
    rows<{ last: number }>(
      tx,
      sql`INSERT INTO document_counters (org_id, term, doc_type, last) VALUES (${orgId}, ${term}, ${docType}, 1)
          ON CONFLICT (org_id, term, doc_type) DO UPDATE SET last = document_counters.last + 1 RETURNING last`,
    ),
    'document counter',
  );
  return row.last;
}
