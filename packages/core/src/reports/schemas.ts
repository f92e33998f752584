import { z } from 'zod';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { periodKeySchema } from '../supervision/schemas.ts';
import { REPORT_LIMITS, REPORT_WORD_FIELDS, type ReportWordField } from './types.ts';

/**
 * Request schemas of the reports API. The period key has the supervision format; the server then
 * refuses months, whole years and periods not yet begun, naming the field.
 */
const word = (field: ReportWordField) => z.string().trim().max(REPORT_LIMITS[field]).nullable();

/** The words of a draft; null or blank = the default drafted from the figures. */
export const reportWordsSchema = z.object(
  Object.fromEntries(REPORT_WORD_FIELDS.map((field) => [field, word(field)])) as {
    [K in ReportWordField]: ReturnType<typeof word>;
  },
);

export const reportQuerySchema = z.object({ committee: orgCodeSchema, period: periodKeySchema });

export const reportDocumentQuerySchema = reportQuerySchema.extend({ format: z.enum(['docx', 'xlsx']) });

export const reportStatusQuerySchema = z.object({ org: orgCodeSchema, period: periodKeySchema });

export const saveReportWordsSchema = z.object({
  committeeCode: orgCodeSchema,
  periodKey: periodKeySchema,
  words: reportWordsSchema,
});

export const issueReportSchema = z.object({ committeeCode: orgCodeSchema, periodKey: periodKeySchema });
