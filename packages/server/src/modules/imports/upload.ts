/**
 * The one spreadsheet of a multipart upload (members, ratings, portal statements …), read within the size
 * limit: 413 past it (limits.ts), 400 naming `file` when none was sent.
 */
import type { FastifyRequest } from 'fastify';
import { invalidField } from '../../http/errors.ts';
import { uploadTooLarge } from './limits.ts';

export async function uploadedSheet(request: FastifyRequest, maxFileBytes: number, fallbackName: string) {
  const file = request.isMultipart()
    ? await request.file({ limits: { fileSize: maxFileBytes, files: 1 } })
    : undefined;
  if (!file)
    throw invalidField('file', {
      vi: 'Hãy chọn một tệp .xlsx hoặc .csv.',
      en: 'Choose an .xlsx or .csv file.',
    });
  const buffer = await file.toBuffer().catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    throw code === 'FST_REQ_FILE_TOO_LARGE' ? uploadTooLarge(maxFileBytes) : error;
  });
  return { buffer, fileName: file.filename || fallbackName };
}
