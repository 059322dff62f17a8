import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZPreviewTemplate, ZRevertTemplate, ZRevertTemplateResult, ZSaveTemplateResult, ZSaveTemplateVersion, ZTemplateDetail, ZTemplateKeyQuery, ZTemplateList,
  ZTemplateListQuery, ZTemplateParams, ZTemplatePreview,
} from '../../contracts/templates.js';
import type { Deps } from '../../services/deps.js';
import { listTemplates, readTemplateDetail } from '../../services/templates/list-templates.js';
import { previewTemplate } from '../../services/templates/preview-template.js';
import { revertTemplate, saveTemplateVersion } from '../../services/templates/save-template.js';
import { requestContext, requirePrincipal } from '../auth.js';

/** Message templates: the organisation's wording per language and role type, versioned, linted and previewed. */
export function templateRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['templates'];

    app.get('/templates', {
      schema: { tags, summary: 'Templates with the wording in force (built in or the organisation’s latest version), filtered', querystring: ZTemplateListQuery, response: { 200: ZTemplateList } },
    }, async (req) => listTemplates(deps, requirePrincipal(req), req.query));

    app.get('/templates/:templateId', {
      schema: { tags, summary: 'One template in one language and role type: text in force, built-in text, versions and variables', params: ZTemplateParams, querystring: ZTemplateKeyQuery, response: { 200: ZTemplateDetail } },
    }, async (req) => readTemplateDetail(deps, requirePrincipal(req), {
      templateId: req.params.templateId, locale: req.query.locale, roleType: req.query.roleType ?? null,
    }));

    app.post('/templates/:templateId/versions', {
      schema: {
        tags, summary: 'Save a new version (Liquid errors answer 400, compliance lint errors 422, both naming the field; warnings come back with the result)',
        params: ZTemplateParams, body: ZSaveTemplateVersion, response: { 201: ZSaveTemplateResult },
      },
    }, async (req, reply) => reply.status(201).send(await saveTemplateVersion(deps, requirePrincipal(req), req.params.templateId, req.body, requestContext(req))));

    app.post('/templates/:templateId/restore-default', {
      schema: {
        tags, summary: 'Go back to the built-in text (recorded as a version of its own; 200 and nothing recorded when it already is in force)',
        params: ZTemplateParams, body: ZRevertTemplate, response: { 200: ZRevertTemplateResult, 201: ZRevertTemplateResult },
      },
    }, async (req, reply) => {
      const result = await revertTemplate(deps, requirePrincipal(req), req.params.templateId, req.body, requestContext(req));
      return reply.status(result.applied ? 201 : 200).send(result);
    });

    app.post('/templates/:templateId/preview', {
      schema: { tags, summary: 'Render an unsaved subject and body against a candidate’s current record or a sample, with lint findings and Liquid problems', params: ZTemplateParams, body: ZPreviewTemplate, response: { 200: ZTemplatePreview } },
    }, async (req) => previewTemplate(deps, requirePrincipal(req), req.params.templateId, req.body, requestContext(req)));
  };
}
