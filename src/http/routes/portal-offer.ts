import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPortalOffer, ZPortalOfferAccept, ZPortalOfferAccepted } from '../../contracts/exception-flows.js';
import type { Deps } from '../../services/deps.js';
import { acceptPortalOffer, getPortalOffer } from '../../services/exceptions/portal-offer.js';
import { requestContext } from '../auth.js';
import { guardPortalRoutes, portalWho } from '../portal-guard.js';

/** Candidate side of a changed offer, authenticated like every portal route (magic link only, rate-limited per link). */
export function portalOfferRoutes(deps: Deps, opts: { rateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const { config, tags, security } = guardPortalRoutes(app, deps, opts.rateLimit);

    app.get('/portal/offer', { config, schema: { tags, security, summary: 'A changed offer waiting for the candidate’s acceptance, beside the one they accepted', response: { 200: ZPortalOffer } } },
      async (req) => getPortalOffer(deps, portalWho(req)));

    app.post('/portal/offer/accept', { config, schema: { tags, security, summary: 'Accept the changed offer (the version read)', body: ZPortalOfferAccept, response: { 200: ZPortalOfferAccepted } } },
      async (req) => acceptPortalOffer(deps, portalWho(req), req.body, requestContext(req)));
  };
}
