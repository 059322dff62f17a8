import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.js';
import {
  ZPortalLanguage, ZPortalLink, ZPortalLinkRevoked, ZPortalMe, ZPortalMessages, ZPortalPulse, ZPortalPulseResult, ZPortalQuestion,
  ZPortalQuestionResult,
} from '../../contracts/portal.js';
import type { Deps } from '../../services/deps.js';
import { askPortalQuestion } from '../../services/portal/ask-question.js';
import { getPortalWelcome } from '../../services/portal/get-welcome.js';
import { listPortalMessages } from '../../services/portal/list-messages.js';
import { issuePortalLink, revokePortalLinks } from '../../services/portal/portal-links.js';
import { recordPortalPulse, setPortalLanguage } from '../../services/portal/record-pulse.js';
import { requestContext, requirePrincipal } from '../auth.js';
import { guardPortalRoutes, portalWho } from '../portal-guard.js';

/** Staff side: HR issue (rotate) and revoke a candidate's magic link. */
export function portalLinkRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    app.post('/candidates/:id/portal-link', {
      schema: { tags, summary: 'Issue a new portal magic link (older links are revoked); the URL is shown only in this answer', params: ZIdParams, response: { 201: ZPortalLink } },
    }, async (req, reply) => reply.status(201).send(await issuePortalLink(deps, requirePrincipal(req), req.params.id, requestContext(req))));

    app.delete('/candidates/:id/portal-link', {
      schema: { tags, summary: 'Revoke the candidate’s portal links', params: ZIdParams, response: { 200: ZPortalLinkRevoked } },
    }, async (req) => revokePortalLinks(deps, requirePrincipal(req), req.params.id, requestContext(req)));
  };
}

/**
 * Candidate side, authenticated by `Authorization: Portal <credential>` only (no cookie,
 * so no CSRF surface). No route takes an id: the link names the one candidate.
 * Requests are limited per link (per IP without one) before the link is even looked up.
 */
export function portalRoutes(deps: Deps, opts: { rateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const { config, tags, security } = guardPortalRoutes(app, deps, opts.rateLimit);

    app.get('/portal/me', { config, schema: { tags, security, summary: 'Welcome: role, start date, where and when to arrive, who meets the candidate', response: { 200: ZPortalMe } } },
      async (req) => getPortalWelcome(deps, portalWho(req)));

    app.get('/portal/messages', { config, schema: { tags, security, summary: 'Everything sent to the candidate, staff answers and their questions, newest first', response: { 200: ZPortalMessages } } },
      async (req) => listPortalMessages(deps, portalWho(req)));

    app.post('/portal/questions', { config, schema: { tags, security, summary: 'Ask HR a question (timeline touch + HR task due in one business day)', body: ZPortalQuestion, response: { 201: ZPortalQuestionResult } } },
      async (req, reply) => reply.status(201).send(await askPortalQuestion(deps, portalWho(req), req.body, requestContext(req))));

    app.post('/portal/pulse', { config, schema: { tags, security, summary: 'How do you feel about joining? (1–5, optional comment)', body: ZPortalPulse, response: { 201: ZPortalPulseResult } } },
      async (req, reply) => reply.status(201).send(await recordPortalPulse(deps, portalWho(req), req.body, requestContext(req))));

    app.post('/portal/language', { config, schema: { tags, security, summary: 'Set the candidate’s language', body: ZPortalLanguage, response: { 200: ZPortalLanguage } } },
      async (req) => setPortalLanguage(deps, portalWho(req), req.body, requestContext(req)));
  };
}
