import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZLogisticsBoard, ZLogisticsBoardQuery, ZMyHires, ZMyHiresQuery } from '../../contracts/team-views.js';
import type { Deps } from '../../services/deps.js';
import { getLogisticsBoard } from '../../services/views/logistics-board.js';
import { listMyHires } from '../../services/views/my-hires.js';
import { requestContext, requirePrincipal } from '../auth.js';

/** The hiring manager's home and the admin staff's logistics board. */
export function teamViewRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['team views'];
    app.get('/me/hires', {
      schema: {
        tags, summary: 'Your incoming hires (hiring managers): countdown, advisory risk, intro call, pre-onboarding meeting and day-one check',
        querystring: ZMyHiresQuery, response: { 200: ZMyHires },
      },
    }, async (req) => listMyHires(deps, requirePrincipal(req), req.query, requestContext(req)));

    app.get('/logistics-board', {
      schema: {
        tags, summary: 'First-day preparation by start date: workstation, badge, computer, welcome kit and the confirmed arrival',
        querystring: ZLogisticsBoardQuery, response: { 200: ZLogisticsBoard },
      },
    }, async (req) => getLogisticsBoard(deps, requirePrincipal(req), req.query, requestContext(req)));
  };
}
