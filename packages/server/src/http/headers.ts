/**
 * Security headers on every answer, and a safe type for every file the API hands back: a file someone
 * uploaded (meeting materials, recommendation attachments) is never served as a page, an image that
 * runs script (SVG) or a script, whatever type its uploader claimed.
 */
import type { FastifyInstance } from 'fastify';

/**
 * The web app's policy: its own scripts only (Vite's build has no inline script), inline styles (Ant
 * Design injects its CSS at run time), images and fonts from itself or data/blob URLs, its service worker
 * and manifest from itself, never framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  // The installable app (issue 18): its service worker and web manifest, from the site itself.
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Media types a browser would run or show as a document of the site. */
const ACTIVE =
  /^\s*(text\/html|application\/xhtml\+xml|image\/svg\+xml|(text|application)\/(xml|xsl|xslt\+xml|rdf\+xml|x-javascript|javascript|ecmascript)|text\/(javascript|ecmascript|jscript|vbscript|cache-manifest)|application\/(x-shockwave-flash|vnd\.wap\.xhtml\+xml)|multipart\/x-mixed-replace)\b/i;

/** Whether a content type could run in the site's origin if a browser opened it. */
export const isActiveType = (type: string) => ACTIVE.test(type) || !/^[\w.+-]+\/[\w.+-]+/.test(type.trim());

/** The API's own pages (the OpenAPI viewer) are the only HTML it serves on purpose. */
const servesFiles = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    const type = reply.getHeader('content-type');
    if (servesFiles(request.url) && typeof type === 'string' && isActiveType(type)) {
      // Downloaded, never shown: as bytes, as an attachment (the file name kept).
      reply.header('content-type', 'application/octet-stream');
      const disposition = String(reply.getHeader('content-disposition') ?? '');
      const params = disposition.replace(/^\s*(inline|attachment)\s*;?\s*/i, '');
      reply.header('content-disposition', params ? `attachment; ${params}` : 'attachment');
    }
    return payload;
  });
}
