import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPortalOffer, ZPortalOfferAccept, ZPortalOfferAccepted } from '../../contracts/exception-flows.js';
import type { Deps } from '../../services/deps.js';
import { acceptPortalOffer, getPortalOffer } from '../../services/exceptions/portal-offer.js';
import { authenticatePortalLink } from '../../services/portal/portal-links.js';
import { invalidPortalLink, type PortalPrincipal } from '../../services/portal/portal-principal.js';
import { PORTAL_AUTH_SCHEME, requestContext } from '../auth.js';

const rawCredential = (req: FastifyRequest) => {
  const header = req.headers.authorization;
  return header?.startsWith(PORTAL_AUTH_SCHEME) ? header.slice(PORTAL_AUTH_SCHEME.length).trim() : undefined;
};

const who = (req: FastifyRequest): PortalPrincipal => {
  if (!req.portal) throw invalidPortalLink();
  return req.portal;
};

/** Candidate side of a changed offer, authenticated like every portal route (magic link only, rate-limited per link). */
export function portalOfferRoutes(deps: Deps, opts: { rateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preValidation', async (req) => {
      const principal = await authenticatePortalLink(deps, rawCredential(req));
      if (!principal) throw invalidPortalLink();
      req.portal = principal;
    });
    const config = {
      rateLimit: {
        max: opts.rateLimit, timeWindow: '1 minute',
        keyGenerator: (req: FastifyRequest) => {
          const raw = rawCredential(req);
          return raw ? `portal:${createHash('sha256').update(raw).digest('hex').slice(0, 32)}` : `portal-ip:${req.ip}`;
        },
      },
    };
    const tags = ['portal'];
    const security = [{ portal: [] }];

    app.get('/portal/offer', { config, schema: { tags, security, summary: 'A changed offer waiting for the candidate’s acceptance, beside the one they accepted', response: { 200: ZPortalOffer } } },
      async (req) => getPortalOffer(deps, who(req)));

    app.post('/portal/offer/accept', { config, schema: { tags, security, summary: 'Accept the changed offer (the version read)', body: ZPortalOfferAccept, response: { 200: ZPortalOfferAccepted } } },
      async (req) => acceptPortalOffer(deps, who(req), req.body, requestContext(req)));
  };
}
