import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZChecklistItemParams, ZChecklistView, ZGiveSensitiveConsent, ZMarkReady, ZReviewChecklistItem, ZSensitiveConsentView,
  ZStaffChecklistItemParams, ZStaffChecklistView, ZStaffDocumentParams, ZWithdrawResult,
} from '../../contracts/checklist.js';
import { ZIdParams } from '../../contracts/common.js';
import { MAX_UPLOAD_BYTES } from '../../core/checklist/index.js';
import { getPortalChecklist, setItemReady, uploadChecklistDocument, type UploadedFile } from '../../services/checklist/portal-checklist.js';
import { getSensitiveConsent, giveSensitiveConsent, withdrawSensitiveConsent } from '../../services/checklist/sensitive-consent.js';
import { getStaffChecklist, readChecklistDocument, reviewChecklistItem } from '../../services/checklist/staff-checklist.js';
import type { Deps } from '../../services/deps.js';
import { AppError, invalid } from '../../services/errors.js';
import { requestContext, requirePrincipal } from '../auth.js';
import { guardPortalRoutes, portalWho } from '../portal-guard.js';

/** Reads the one file part `file`; anything malformed is a 400 naming `file`, a file past the limit a 413. */
async function readUpload(req: FastifyRequest): Promise<UploadedFile> {
  if (!req.isMultipart()) throw invalid('file', 'send the file as multipart/form-data in a field named "file"');
  try {
    const part = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 1 }, throwFileSizeLimit: false });
    if (!part) throw invalid('file', 'no file was sent');
    if (part.fieldname !== 'file') throw invalid('file', `the file must be in a field named "file", not "${part.fieldname.slice(0, 40)}"`);
    const bytes = await part.toBuffer();
    return { fileName: part.filename ?? '', declaredType: part.mimetype ?? '', bytes, truncated: part.file.truncated };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid('file', 'the upload could not be read; please try again');
  }
}

/**
 * Candidate side, under the portal's own authentication (`Authorization: Portal …`, no
 * cookie, so no CSRF surface) and per-link rate limit. Uploads are multipart, parsed only
 * inside this plugin.
 */
export function portalChecklistRoutes(deps: Deps, opts: { rateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    const { config, tags, security } = guardPortalRoutes(app, deps, opts.rateLimit);

    app.get('/portal/checklist', {
      config, schema: { tags, security, summary: 'The candidate’s checklist: materials and process guide with notes, purpose, state and uploaded files', response: { 200: ZChecklistView } },
    }, async (req) => getPortalChecklist(deps, portalWho(req)));

    app.post('/portal/checklist/:itemId/ready', {
      config, schema: { tags, security, summary: 'Mark an item ready to bring on the first day (or take that back)', params: ZChecklistItemParams, body: ZMarkReady, response: { 200: ZChecklistView } },
    }, async (req) => setItemReady(deps, portalWho(req), req.params.itemId, req.body, requestContext(req)));

    app.post('/portal/checklist/:itemId/documents', {
      config,
      schema: {
        tags, security, consumes: ['multipart/form-data'], params: ZChecklistItemParams,
        summary: 'Upload a file for HR’s pre-review (multipart field `file`; PDF, JPEG, PNG or HEIC by content; size-limited; sensitive items need the sensitive-information consent)',
        response: { 201: z.object({ documentId: z.uuid(), duplicate: z.boolean(), checklist: ZChecklistView }) },
      },
    }, async (req, reply) => {
      const file = await readUpload(req);
      return reply.status(201).send(await uploadChecklistDocument(deps, portalWho(req), req.params.itemId, file, requestContext(req)));
    });

    app.get('/portal/checklist/consent', {
      config, schema: { tags, security, summary: 'The sensitive-information consent wording (exact text and version) and whether it is given', querystring: z.strictObject({ language: z.enum(['zh-CN', 'en-US']) }), response: { 200: ZSensitiveConsentView } },
    }, async (req) => getSensitiveConsent(deps, portalWho(req), req.query.language));

    app.post('/portal/checklist/consent', {
      config, schema: { tags, security, summary: 'Agree to the sensitive-information wording shown (version checked)', body: ZGiveSensitiveConsent, response: { 201: ZSensitiveConsentView } },
    }, async (req, reply) => reply.status(201).send(await giveSensitiveConsent(deps, portalWho(req), req.body, requestContext(req))));

    app.delete('/portal/checklist/consent', {
      config, schema: { tags, security, summary: 'Withdraw the sensitive-information consent: uploaded sensitive files are deleted and their items return to pending', response: { 200: ZWithdrawResult } },
    }, async (req) => withdrawSensitiveConsent(deps, portalWho(req), requestContext(req)));
  };
}

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Staff side: a candidate's checklist, its documents and the review. */
export function staffChecklistRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['checklist'];
    app.get('/candidates/:id/checklist', {
      schema: { tags, summary: 'A candidate’s checklist with states and document metadata (read audited)', params: ZIdParams, response: { 200: ZStaffChecklistView } },
    }, async (req) => getStaffChecklist(deps, requirePrincipal(req), req.params.id, requestContext(req)));

    app.get('/candidates/:id/checklist/documents/:documentId', {
      schema: {
        tags, params: ZStaffDocumentParams, produces: ['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif'],
        summary: 'Download a document (sensitive ones for HR and org admins only); every read is audited',
      },
    }, async (req, reply) => {
      const doc = await readChecklistDocument(deps, requirePrincipal(req), req.params.id, req.params.documentId, requestContext(req));
      return reply
        .header('content-type', doc.contentType)
        .header('content-disposition', contentDisposition(doc.fileName))
        .header('cache-control', 'private, no-store')
        // Served as a download in a sandbox, whatever a browser might make of it.
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(doc.bytes);
    });

    app.post('/candidates/:id/checklist/:itemId/review', {
      schema: { tags, summary: 'Approve an item, or send it back with a reason the candidate sees (the candidate is notified)', params: ZStaffChecklistItemParams, body: ZReviewChecklistItem, response: { 200: ZStaffChecklistView } },
    }, async (req) => reviewChecklistItem(deps, requirePrincipal(req), req.params.id, req.params.itemId, req.body, requestContext(req)));
  };
}
