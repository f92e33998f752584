/**
 * Fingerprints of documents loaded in bulk. Adoption renders the minutes and the resolution and stores the
 * SHA-256 of their DOCX in the same transaction; history loaded in bulk (the demo's year, ~3,000 documents
 * at ~30 ms each) is stored with its frozen models and no fingerprint, and this pass renders them
 * afterwards. The models are frozen and the renderers deterministic, so the fingerprint is the one adoption
 * would have stored. Rendering happens outside any transaction, one document at a time, yielding between
 * them so requests are served meanwhile; the DOCX bytes are kept with their fingerprint, as adoption keeps them; each update only fills a missing value, so two processes running
 * the pass at once store the same thing.
 */
import { setImmediate as yieldToRequests } from 'node:timers/promises';
import type { MinutesModel, ResolutionModel } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { renderMinutesDocx, renderResolutionDocx } from './index.ts';
import { sha256 } from './numbering.ts';

interface Pending {
  id: number;
  meetingId: number;
  docType: 'BB' | 'NQ';
  model: MinutesModel | ResolutionModel;
}

/** How many issued documents still wait for their fingerprint. */
export async function pendingFingerprints(db: Db): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM issued_documents WHERE sha256 IS NULL`,
  );
  return row?.n ?? 0;
}

/**
 * Renders and stores the missing fingerprints, oldest first, `batch` documents per read. Stops when none
 * is left, or early when `signal` is aborted (the server is closing). Returns how many it stored.
 */
export async function fillFingerprints(
  db: Db,
  options: { batch?: number; signal?: AbortSignal; limit?: number } = {},
): Promise<number> {
  const batch = options.batch ?? 20;
  let stored = 0;
  for (;;) {
    if (options.signal?.aborted || (options.limit !== undefined && stored >= options.limit)) return stored;
    const pending = await rows<Pending>(
      db,
      sql`SELECT id::int AS id, meeting_id::int AS "meetingId", doc_type AS "docType", model
          FROM issued_documents WHERE sha256 IS NULL ORDER BY id LIMIT ${batch}`,
    );
    if (pending.length === 0) return stored;
    for (const doc of pending) {
      if (options.signal?.aborted) return stored;
      const bytes =
        doc.docType === 'BB'
          ? await renderMinutesDocx(doc.model as MinutesModel)
          : await renderResolutionDocx(doc.model as ResolutionModel);
      const hash = sha256(bytes);
      await db.execute(
        sql`UPDATE issued_documents SET sha256 = ${hash}, docx = ${bytes} WHERE id = ${doc.id} AND sha256 IS NULL`,
      );
      if (doc.docType === 'BB') {
        await db.execute(
          sql`UPDATE meetings SET content_hash = ${hash} WHERE id = ${doc.meetingId} AND content_hash IS NULL`,
        );
      }
      stored += 1;
      await yieldToRequests();
    }
  }
}
