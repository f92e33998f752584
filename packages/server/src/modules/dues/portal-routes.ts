/**
 * The portal statement import's three steps over HTTP (issue 16 point 3; QĐ 01-QĐ/TW: dues paid through the
 * National Public Service Portal). Each step takes the file again (multipart field `file`), so nothing is kept
 * between them: `POST /api/dues/portal/headers?org=CODE` (headers and the suggested mapping),
 * `POST /api/dues/portal/preview?org=CODE&columns=…` (rows matched and not), and
 * `POST /api/dues/portal/commit?org=CODE&columns=…` (the matched rows written, all or none). The cell's
 * keepers (its secretary, the subtree's administrators) import for their subtree only (domain.md §10).
 */
import {
  isoDateInVietnam,
  type Locale,
  orgCodeSchema,
  PORTAL_FIELD_LABELS,
  PORTAL_FIELDS,
  type PortalCommitDto,
  type PortalHeadersDto,
  type PortalMapping,
  type PortalPreviewDto,
  portalMappingErrors,
  suggestPortalMapping,
} from '@nennep/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { type Deps, nowOf } from '../../deps.ts';
import { type Actor, assertCan, requireActor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { invalidField, localeOf } from '../../http/errors.ts';
import { DEFAULT_IMPORT_LIMITS } from '../imports/limits.ts';
import type { Sheet } from '../imports/parse.ts';
import { uploadedSheet } from '../imports/upload.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { DUES_KEEPERS } from './policy.ts';
import { mappingOf, matchPortal, portalNote, previewOf, readPortalSheet } from './portal.ts';
import { insertPayment } from './writes.ts';

const tags = ['dues'];
const query = z.object({ org: orgCodeSchema, columns: z.string().max(4000).optional() });

/** The mapping given (`columns`) or, without one, the suggested; 400 naming the field when unusable. */
function chosenMapping(columns: string | undefined, header: string[]): PortalMapping {
  if (columns !== undefined) return mappingOf(columns, header);
  const mapping = suggestPortalMapping(header);
  const [first] = portalMappingErrors(mapping);
  if (first) throw invalidField(first.field, first.message);
  return mapping;
}

/** Step 3: the matched rows written as `portal` payments in one transaction, with one audit event. */
export async function commitPortal(
  database: Database,
  actor: Actor | null,
  orgPath: string,
  sheet: Sheet,
  mapping: PortalMapping,
  fileName: string,
  now: Date,
  locale: Locale,
): Promise<PortalCommitDto> {
  const today = isoDateInVietnam(now);
  return database.db.transaction(async (tx) => {
    // The members named are locked first: the duplicate check then sees every earlier import's payments.
    const { planned, unmatched } = await matchPortal(tx, orgPath, sheet, mapping, today, locale, true);
    for (const p of planned)
      await insertPayment(tx, actor, p.member, {
        month: p.month,
        paidVnd: p.paidVnd,
        paidOn: p.paidOn,
        channel: 'portal',
        note: portalNote(p.transactionId),
      });
    if (planned.length > 0)
      await audit(tx, actor, {
        action: 'dues.portal_import',
        entityType: 'import',
        entityId: fileName,
        orgPath,
        // Counts only: no names, codes or ID numbers in the trail.
        detail: { fileName, rows: sheet.rows.length, written: planned.length, unmatched: unmatched.length },
      });
    return { ...previewOf(fileName, sheet.rows.length, planned, unmatched), written: planned.length };
  });
}

/** Registered by the dues module (routes.ts). */
export function portalRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;
  const limits = () => deps.config.importLimits ?? DEFAULT_IMPORT_LIMITS;

  /** The org the actor keeps (404 when unseen, 403 when only read), the file and its sheet. */
  async function begin(request: FastifyRequest, code: string) {
    const actor = requireActor(request.actor);
    const org = assertCanRead(actor, await findOrg(database.db, code));
    assertCan(actor, DUES_KEEPERS, org.path);
    const { buffer, fileName } = await uploadedSheet(request, limits().maxFileBytes, 'sao-ke.xlsx');
    const sheet = await readPortalSheet(buffer, fileName, limits());
    return { actor, org, fileName, sheet };
  }

  app.post('/dues/portal/headers', { schema: { tags, querystring: query } }, async (request) => {
    const { fileName, sheet } = await begin(request, request.query.org);
    const locale = localeOf(request);
    const answer: PortalHeadersDto = {
      fileName,
      total: sheet.rows.length,
      header: sheet.header,
      mapping: suggestPortalMapping(sheet.header),
      fields: PORTAL_FIELDS.map((key) => ({ key, label: PORTAL_FIELD_LABELS[key][locale] })),
    };
    return answer;
  });

  app.post('/dues/portal/preview', { schema: { tags, querystring: query } }, async (request) => {
    const { org, fileName, sheet } = await begin(request, request.query.org);
    const mapping = chosenMapping(request.query.columns, sheet.header);
    const today = isoDateInVietnam(nowOf(deps));
    const { planned, unmatched } = await matchPortal(
      database.db,
      org.path,
      sheet,
      mapping,
      today,
      localeOf(request),
      false,
    );
    const answer: PortalPreviewDto = previewOf(fileName, sheet.rows.length, planned, unmatched);
    return answer;
  });

  app.post('/dues/portal/commit', { schema: { tags, querystring: query } }, async (request) => {
    const { actor, org, fileName, sheet } = await begin(request, request.query.org);
    const mapping = chosenMapping(request.query.columns, sheet.header);
    return commitPortal(database, actor, org.path, sheet, mapping, fileName, nowOf(deps), localeOf(request));
  });
}
