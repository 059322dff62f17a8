import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../contracts/common.js';
import {
  ZCreateStaffDataRequest, ZDataRequest, ZDataRequestList, ZDataRequestQuery, ZExportFormatQuery, ZPortalConsentKindParams,
  ZPortalConsentWithdrawn, ZPortalContactCorrection, ZPortalDataRequest, ZPortalDataRequestResult, ZPortalMyData, ZResolveDataRequest,
  ZRetentionPreview,
} from '../../contracts/privacy.js';
import type { Deps } from '../../services/deps.js';
import { notFound } from '../../services/errors.js';
import { requirePermission } from '../../services/actor.js';
import { createStaffDataRequest, listDataRequests, resolveDataRequest } from '../../services/privacy/data-requests.js';
import {
  correctMyContact, exportCandidateData, exportMyData, getMyData, requestFromPortal, withdrawMyConsent,
} from '../../services/privacy/my-data.js';
import { previewRetention } from '../../services/privacy/retention.js';
import { requestContext, requirePrincipal } from '../auth.js';
import { guardPortalRoutes, portalWho } from '../portal-guard.js';

const ZExportAnswer = z.union([z.record(z.string(), z.unknown()), z.string()]);

/** Sends an export as a download: JSON, or the self-contained HTML page. */
function sendExport(reply: FastifyReply, result: { data: unknown } | { html: string }, day: string) {
  reply.header('cache-control', 'no-store');
  if ('html' in result) {
    return reply.type('text/html; charset=utf-8').header('content-disposition', `attachment; filename="my-data-${day}.html"`).send(result.html);
  }
  return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="my-data-${day}.json"`).send(result.data);
}

/** Staff side: data-subject requests (HR, org admins) and the retention preview (org admins). */
export function privacyRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['privacy'];
    app.get('/privacy/requests', {
      schema: { tags, summary: 'Data-subject requests (export, correction, deletion) with their due time and an overdue flag', querystring: ZDataRequestQuery, response: { 200: ZDataRequestList } },
    }, async (req) => listDataRequests(deps, requirePrincipal(req), req.query));

    app.post('/privacy/requests/:id/resolve', {
      schema: { tags, summary: 'Approve (a deletion anonymises the person) or refuse with a reason; the candidate is told', params: ZIdParams, body: ZResolveDataRequest, response: { 200: ZDataRequest } },
    }, async (req) => resolveDataRequest(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req)));

    app.post('/privacy/candidates/:id/requests', {
      schema: { tags, summary: 'Record a request the person made to HR directly (an export is answered at once)', params: ZIdParams, body: ZCreateStaffDataRequest, response: { 201: ZDataRequest } },
    }, async (req, reply) => reply.status(201).send(await createStaffDataRequest(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req))));

    app.get('/privacy/candidates/:id/export', {
      schema: { tags, summary: 'Everything held about the person, as JSON or a readable HTML page (recorded as an export request)', params: ZIdParams, querystring: ZExportFormatQuery, response: { 200: ZExportAnswer } },
    }, async (req, reply) => sendExport(reply, await exportCandidateData(deps, requirePrincipal(req), req.params.id, req.query.format, requestContext(req)), deps.clock.now().toISOString().slice(0, 10)));

    app.get('/privacy/retention-preview', {
      schema: { tags, summary: 'Dry run of the retention job: who would be anonymised (or lose an expired talent-pool consent) and why', response: { 200: ZRetentionPreview } },
    }, async (req) => {
      const p = requirePrincipal(req);
      requirePermission(p, 'retention.manage');
      return previewRetention(deps, p.orgId);
    });
  };
}

/**
 * Candidate side, "My data": the same magic-link authentication and per-link rate limit
 * as the other portal routes; no route takes an id.
 */
export function portalPrivacyRoutes(deps: Deps, opts: { rateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const { config, tags, security } = guardPortalRoutes(app, deps, opts.rateLimit);

    app.get('/portal/my-data', { config, schema: { tags, security, summary: 'My data: contact details, what is held (counts), consents and requests', response: { 200: ZPortalMyData } } },
      async (req) => getMyData(deps, portalWho(req), requestContext(req)));

    app.get('/portal/my-data/export', {
      config, schema: { tags, security, summary: 'Download everything held, as JSON or a readable HTML page (recorded as an export request)', querystring: ZExportFormatQuery, response: { 200: ZExportAnswer } },
    }, async (req, reply) => sendExport(reply, await exportMyData(deps, portalWho(req), req.query.format, requestContext(req)), deps.clock.now().toISOString().slice(0, 10)));

    app.post('/portal/my-data/contact', {
      config, schema: {
        tags, security, summary: 'Correct name, email or phone (applied at once; later messages use them)', body: ZPortalContactCorrection,
        response: { 200: z.object({ fullName: z.string(), email: z.string(), phone: z.string(), changed: z.array(z.string()) }) },
      },
    }, async (req) => correctMyContact(deps, portalWho(req), req.body, requestContext(req)));

    app.post('/portal/my-data/requests', {
      config, schema: { tags, security, summary: 'Ask HR for a correction or for deletion (answered within the SLA)', body: ZPortalDataRequest, response: { 201: ZPortalDataRequestResult } },
    }, async (req, reply) => reply.status(201).send(await requestFromPortal(deps, portalWho(req), req.body, requestContext(req))));

    app.post('/portal/my-data/consents/:kind/withdraw', {
      config, schema: { tags, security, summary: 'Withdraw a consent (the processing that depended on it stops)', params: ZPortalConsentKindParams, response: { 200: ZPortalConsentWithdrawn } },
    }, async (req) => {
      const result = await withdrawMyConsent(deps, portalWho(req), req.params.kind, requestContext(req));
      if (!result) throw notFound('live consent');
      return result;
    });
  };
}
