import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCandidate, ZCandidateList, ZCandidateListQuery, ZCreateCandidate, ZCreateOfferVersion, ZCreateTouch,
  ZOffer, ZTimeline, ZTouch, ZUpdateCandidate,
} from '../../contracts/candidates.js';
import { ZIdParams, ZPageQuery } from '../../contracts/common.js';
import { createCandidate, getCandidate, listCandidates, updateCandidate } from '../../services/candidates/candidates.js';
import { createOfferVersion, listOffers } from '../../services/candidates/offers.js';
import { listTimeline, recordTouch } from '../../services/candidates/touches.js';
import type { Deps } from '../../services/deps.js';
import { requestContext, requirePrincipal } from '../auth.js';

export function candidateRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['candidates'];
    app.get('/candidates', { schema: { tags, summary: 'Candidates you may see, filtered and paged', querystring: ZCandidateListQuery, response: { 200: ZCandidateList } } },
      async (req) => listCandidates(deps, requirePrincipal(req), req.query, requestContext(req)));

    app.post('/candidates', { schema: { tags, summary: 'Create a candidate with offer version 1', body: ZCreateCandidate, response: { 201: ZCandidate } } },
      async (req, reply) => reply.status(201).send(await createCandidate(deps, requirePrincipal(req), req.body, requestContext(req))));

    app.get('/candidates/:id', { schema: { tags, summary: 'One candidate (read is audited)', params: ZIdParams, response: { 200: ZCandidate } } },
      async (req) => getCandidate(deps, requirePrincipal(req), req.params.id, requestContext(req)));

    app.patch('/candidates/:id', { schema: { tags, summary: 'Edit key facts (audited with old and new values)', params: ZIdParams, body: ZUpdateCandidate, response: { 200: ZCandidate } } },
      async (req) => updateCandidate(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req)));

    app.get('/candidates/:id/offers', { schema: { tags: ['offers'], summary: 'Offer versions, newest first', params: ZIdParams, response: { 200: z.object({ items: z.array(ZOffer) }) } } },
      async (req) => ({ items: await listOffers(deps, requirePrincipal(req), req.params.id) }));

    app.post('/candidates/:id/offers', { schema: { tags: ['offers'], summary: 'Issue a new offer version', params: ZIdParams, body: ZCreateOfferVersion, response: { 201: ZOffer } } },
      async (req, reply) => reply.status(201).send(await createOfferVersion(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req))));

    app.get('/candidates/:id/timeline', { schema: { tags: ['timeline'], summary: 'Every touch, newest first', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZTimeline } } },
      async (req) => listTimeline(deps, requirePrincipal(req), req.params.id, req.query, requestContext(req)));

    app.post('/candidates/:id/touches', { schema: { tags: ['timeline'], summary: 'Record a touch on the timeline', params: ZIdParams, body: ZCreateTouch, response: { 201: ZTouch } } },
      async (req, reply) => reply.status(201).send(await recordTouch(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req))));
  };
}
