import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOrgSettings, ZStatutoryDays, ZStatutoryDaysQuery, ZUpdateOrgSettings } from '../../contracts/settings.js';
import type { Deps } from '../../services/deps.js';
import { listStatutoryDays, readOrgSettings, updateOrgSettings } from '../../services/org/settings.js';
import { requestContext, requirePrincipal } from '../auth.js';

export function settingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/settings', {
      schema: { tags: ['organisation'], summary: 'Organisation settings: policies, calendar overrides, privacy', response: { 200: ZOrgSettings } },
    }, async (req) => readOrgSettings(deps, requirePrincipal(req)));
    app.patch('/settings', {
      schema: {
        tags: ['organisation'],
        summary: 'Change organisation settings; applies from the next plan computation',
        body: ZUpdateOrgSettings, response: { 200: ZOrgSettings },
      },
    }, async (req) => updateOrgSettings(deps, requirePrincipal(req), req.body, requestContext(req)));
    app.get('/settings/statutory-days', {
      schema: {
        tags: ['organisation'], summary: 'China statutory holidays and make-up working days of a year',
        querystring: ZStatutoryDaysQuery, response: { 200: ZStatutoryDays },
      },
    }, async (req) => listStatutoryDays(requirePrincipal(req), req.query.year));
  };
}
