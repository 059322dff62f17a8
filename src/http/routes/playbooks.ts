import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZPlaybookKeyParams, ZPlaybookList, ZPlaybookPreview, ZPlaybookVersion, ZPlaybookVersionParams, ZPreviewPlaybook, ZSavePlaybookVersion,
} from '../../contracts/playbooks.js';
import type { Deps } from '../../services/deps.js';
import { getPlaybookVersion, listPlaybooks } from '../../services/playbooks/list-playbooks.js';
import { previewPlaybook } from '../../services/playbooks/preview-playbook.js';
import { savePlaybookVersion } from '../../services/playbooks/save-playbook-version.js';
import { requestContext, requirePrincipal } from '../auth.js';

export function playbookRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/playbooks', {
      schema: { tags: ['playbooks'], summary: 'Playbooks with their versions, and what the editor may name (templates, exception steps)', response: { 200: ZPlaybookList } },
    }, async (req) => listPlaybooks(deps, requirePrincipal(req)));

    app.get('/playbooks/:key/versions/:version', {
      schema: { tags: ['playbooks'], summary: 'One stored version of a playbook with its full definition', params: ZPlaybookVersionParams, response: { 200: ZPlaybookVersion } },
    }, async (req) => getPlaybookVersion(deps, requirePrincipal(req), req.params.key, req.params.version));

    app.post('/playbooks/:key/versions', {
      schema: {
        tags: ['playbooks'],
        summary: 'Save a new version; offers accepted from now on follow it, running plans keep their version. Problems name `steps[i].field`',
        params: ZPlaybookKeyParams, body: ZSavePlaybookVersion, response: { 201: ZPlaybookVersion },
      },
    }, async (req, reply) => {
      const saved = await savePlaybookVersion(deps, requirePrincipal(req), req.params.key, req.body, requestContext(req));
      return reply.status(201).send(saved);
    });

    app.post('/playbooks/:key/preview', {
      schema: {
        tags: ['playbooks'],
        summary: 'The plan an unsaved definition gives a candidate (or a sample one), and how it differs from the latest version’s plan',
        params: ZPlaybookKeyParams, body: ZPreviewPlaybook, response: { 200: ZPlaybookPreview },
      },
    }, async (req) => previewPlaybook(deps, requirePrincipal(req), req.params.key, req.body));
  };
}
