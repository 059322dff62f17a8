import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../contracts/common.js';
import {
  ZAnswerParams, ZAnswerQuestion, ZAnswerResult, ZBackgroundCheckAuthorize, ZCalendarParams, ZChangeResult, ZDeclineRequest, ZDelayRequest,
  ZLogisticsConfirm, ZLogisticsConfirmation, ZLostLinkIssued, ZLostLinkRequest, ZLostLinkRequested, ZLostLinkVerify, ZPortalBackgroundCheck,
  ZPortalCalendarList, ZPortalChanges, ZPortalFaq, ZPortalLogistics, ZStaffConsents, ZStaffLogistics, ZStaffQuestions,
} from '../../contracts/portal-extras.js';
import type { Deps } from '../../services/deps.js';
import { AppError } from '../../services/errors.js';
import { answerPortalQuestion, listStaffQuestions } from '../../services/portal/answer-question.js';
import { authorizeBackgroundCheck, getPortalBackgroundCheck, listStaffConsents, withdrawBackgroundCheck } from '../../services/portal/background-check.js';
import { buildPortalCalendar, listPortalCalendars } from '../../services/portal/calendar-files.js';
import { declinePortalOffer, getPortalChanges, requestPortalDelay } from '../../services/portal/change-plans.js';
import { getPortalFaq } from '../../services/portal/faq.js';
import { confirmLogistics, getPortalLogistics, getStaffLogistics } from '../../services/portal/logistics.js';
import { parseContact, requestLoginCode, verifyLoginCode } from '../../services/portal/lost-link.js';
import { requestContext, requirePrincipal } from '../auth.js';
import { guardPortalRoutes, portalWho } from '../portal-guard.js';

/** Staff side: logistics (HR, HRBP, manager, admin staff), consents and answers (HR, HRBP, org admins). */
export function portalExtrasStaffRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    app.get('/candidates/:id/logistics', {
      schema: { tags, summary: 'How the candidate will come on the first day (admin staff prepare parking and badges from it)', params: ZIdParams, response: { 200: ZStaffLogistics } },
    }, async (req) => getStaffLogistics(deps, requirePrincipal(req), req.params.id, requestContext(req)));

    app.get('/candidates/:id/consents', {
      schema: { tags, summary: 'Consent records with status and the exact wording agreed (background check, talent pool, sensitive data)', params: ZIdParams, response: { 200: ZStaffConsents } },
    }, async (req) => listStaffConsents(deps, requirePrincipal(req), req.params.id, requestContext(req)));

    app.get('/candidates/:id/questions', {
      schema: { tags, summary: 'The candidate’s portal questions, each with the answers given', params: ZIdParams, response: { 200: ZStaffQuestions } },
    }, async (req) => listStaffQuestions(deps, requirePrincipal(req), req.params.id, requestContext(req)));

    app.post('/candidates/:id/questions/:touchId/answer', {
      schema: { tags, summary: 'Answer a portal question: shown in the portal, completes its HR task, notifies the candidate', params: ZAnswerParams, body: ZAnswerQuestion, response: { 201: ZAnswerResult } },
    }, async (req, reply) => reply.status(201).send(await answerPortalQuestion(deps, requirePrincipal(req), req.params.id, req.params.touchId, req.body, requestContext(req))));
  };
}

const ZOk = z.object({ ok: z.literal(true), givenAt: z.string(), wordingVersion: z.string() });
const ZWithdrawn = z.object({ ok: z.literal(true), withdrawn: z.boolean() });

/** Candidate side, authenticated like the other portal routes (`Authorization: Portal …`, limited per link). */
export function portalExtrasRoutes(deps: Deps, opts: { rateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const { config, tags, security } = guardPortalRoutes(app, deps, opts.rateLimit);

    app.get('/portal/logistics', { config, schema: { tags, security, summary: 'Arrival time and place, map, reception, parking and transport, and the candidate’s confirmation', response: { 200: ZPortalLogistics } } },
      async (req) => getPortalLogistics(deps, portalWho(req)));
    app.post('/portal/logistics', { config, schema: { tags, security, summary: 'Confirm how and when the candidate will come on the first day', body: ZLogisticsConfirm, response: { 200: ZLogisticsConfirmation } } },
      async (req) => confirmLogistics(deps, portalWho(req), req.body, requestContext(req)));

    app.get('/portal/background-check', { config, schema: { tags, security, summary: 'Background check: vendor, items and the exact authorization wording', response: { 200: ZPortalBackgroundCheck } } },
      async (req) => getPortalBackgroundCheck(deps, portalWho(req)));
    app.post('/portal/background-check', { config, schema: { tags, security, summary: 'Authorize the background check (explicit agreement and typed full name)', body: ZBackgroundCheckAuthorize, response: { 201: ZOk } } },
      async (req, reply) => reply.status(201).send(await authorizeBackgroundCheck(deps, portalWho(req), req.body, requestContext(req))));
    app.delete('/portal/background-check', { config, schema: { tags, security, summary: 'Withdraw the background-check authorization (the check stops)', response: { 200: ZWithdrawn } } },
      async (req) => withdrawBackgroundCheck(deps, portalWho(req), requestContext(req)));

    app.get('/portal/calendar', { config, schema: { tags, security, summary: 'Calendar entries the candidate can add (first day, pre-onboarding meeting)', response: { 200: ZPortalCalendarList } } },
      async (req) => listPortalCalendars(deps, portalWho(req)));
    app.get('/portal/calendar/:kind', {
      config, schema: { tags, security, summary: 'One calendar entry as an .ics file (text/calendar)', params: ZCalendarParams, response: { 200: z.string().describe('text/calendar') } },
    }, async (req, reply) => {
      const file = await buildPortalCalendar(deps, portalWho(req), req.params.kind);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store').send(file.content);
    });

    app.get('/portal/faq', { config, schema: { tags, security, summary: 'Common questions (org settings) and the candidate’s own questions with HR’s answers', response: { 200: ZPortalFaq } } },
      async (req) => getPortalFaq(deps, portalWho(req)));

    app.get('/portal/changes', { config, schema: { tags, security, summary: '“Something changed”: what applies, an open delay request, the talent-pool wording', response: { 200: ZPortalChanges } } },
      async (req) => getPortalChanges(deps, portalWho(req)));
    app.post('/portal/changes/delay', { config, schema: { tags, security, summary: 'Ask for a later start date (reason from the list, proposed date)', body: ZDelayRequest, response: { 201: ZChangeResult } } },
      async (req, reply) => reply.status(201).send(await requestPortalDelay(deps, portalWho(req), req.body, requestContext(req))));
    app.post('/portal/changes/decline', { config, schema: { tags, security, summary: 'Tell us you will not join (reason from the list; optional talent-pool opt-in)', body: ZDeclineRequest, response: { 201: ZChangeResult } } },
      async (req, reply) => reply.status(201).send(await declinePortalOffer(deps, portalWho(req), req.body, requestContext(req))));
  };
}

export interface LostLinkLimits {
  /** Code requests per IP per 15 minutes. */
  perIp: number;
  /** Code requests per contact per 15 minutes. */
  perContact: number;
  /** Code checks per IP per 15 minutes. */
  verifyPerIp: number;
}

const contactKey = (req: FastifyRequest) => {
  const raw = (req.body as { contact?: unknown } | undefined)?.contact;
  try {
    const c = parseContact(typeof raw === 'string' ? raw : '');
    return `lost-link-contact:${createHash('sha256').update(`${c.kind}:${c.value}`).digest('hex').slice(0, 32)}`;
  } catch {
    return `lost-link-contact-ip:${req.ip}`;
  }
};

/**
 * The no-link page: a code to the email or mobile on file, then a fresh link. No
 * credential; limited per IP and per contact, and the answer never tells whether the
 * contact exists.
 */
export function lostLinkRoutes(deps: Deps, limits: LostLinkLimits): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['portal'];
    const window = 15 * 60_000;
    // The plugin runs one limiter hook per request, so the per-contact count is checked by hand after it.
    const perContact = app.createRateLimit({ max: limits.perContact, timeWindow: window, keyGenerator: contactKey });
    app.post('/portal-access/code', {
      preHandler: [
        app.rateLimit({ max: limits.perIp, timeWindow: window, keyGenerator: (req) => `lost-link-ip:${req.ip}` }),
        async (req) => {
          const limit = await perContact(req);
          if (!limit.isAllowed && limit.isExceeded) {
            throw new AppError(429, 'rate_limited', `too many codes asked for this contact: try again in ${Math.ceil(limit.ttlInSeconds / 60)} minutes`, 'contact');
          }
        },
      ],
      schema: { tags, security: [], summary: 'Lost link: send a one-time code to the email or mobile on file (same answer whether or not it exists)', body: ZLostLinkRequest, response: { 202: ZLostLinkRequested } },
    }, async (req, reply) => reply.status(202).send(await requestLoginCode(deps, req.body.contact, requestContext(req))));

    app.post('/portal-access/link', {
      preHandler: [app.rateLimit({ max: limits.verifyPerIp, timeWindow: window, keyGenerator: (req) => `lost-link-verify:${req.ip}` })],
      schema: { tags, security: [], summary: 'Lost link: exchange the code for a fresh magic link (older links are revoked)', body: ZLostLinkVerify, response: { 201: ZLostLinkIssued } },
    }, async (req, reply) => reply.status(201).send(await verifyLoginCode(deps, req.body, requestContext(req))));
  };
}
