import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPipeline, ZPipelineQuery } from '../../contracts/pipeline.js';
import { getPipeline } from '../../services/candidates/pipeline.js';
import type { Deps } from '../../services/deps.js';
import { requestContext, requirePrincipal } from '../auth.js';

export function pipelineRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/pipeline', {
      schema: {
        tags: ['candidates'],
        summary: 'Candidates by stage with counts, overdue markers and the advisory risk, filtered and paged per column',
        querystring: ZPipelineQuery, response: { 200: ZPipeline },
      },
    }, async (req) => getPipeline(deps, requirePrincipal(req), req.query, requestContext(req)));
  };
}
