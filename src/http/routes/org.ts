import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZApiToken, ZCreateApiToken, ZCreatedApiToken } from '../../contracts/auth.js';
import { ZIdParams, ZOk } from '../../contracts/common.js';
import {
  ZAuditPage, ZAuditQuery, ZCreateDepartment, ZCreateSite, ZCreateUser, ZDepartment, ZSite, ZUpdateSite, ZUpdateUser, ZUser,
} from '../../contracts/org.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../services/auth/api-tokens.js';
import type { Deps } from '../../services/deps.js';
import {
  createDepartment, createSite, createUser, listDepartments, listSites, listUsers, readAuditLog, updateSite, updateUser,
} from '../../services/org/org.js';
import { requestContext, requirePrincipal } from '../auth.js';

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function orgRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/departments', { schema: { tags: ['organisation'], response: { 200: list(ZDepartment) } } },
      async (req) => ({ items: await listDepartments(deps, requirePrincipal(req)) }));
    app.post('/departments', { schema: { tags: ['organisation'], body: ZCreateDepartment, response: { 201: ZDepartment } } },
      async (req, reply) => reply.status(201).send(await createDepartment(deps, requirePrincipal(req), req.body, requestContext(req))));

    app.get('/sites', { schema: { tags: ['organisation'], response: { 200: list(ZSite) } } },
      async (req) => ({ items: await listSites(deps, requirePrincipal(req)) }));
    app.post('/sites', { schema: { tags: ['organisation'], body: ZCreateSite, response: { 201: ZSite } } },
      async (req, reply) => reply.status(201).send(await createSite(deps, requirePrincipal(req), req.body, requestContext(req))));
    app.patch('/sites/:id', { schema: { tags: ['organisation'], params: ZIdParams, body: ZUpdateSite, response: { 200: ZSite } } },
      async (req) => updateSite(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req)));

    app.get('/users', { schema: { tags: ['users'], response: { 200: list(ZUser) } } },
      async (req) => ({ items: await listUsers(deps, requirePrincipal(req)) }));
    app.post('/users', { schema: { tags: ['users'], body: ZCreateUser, response: { 201: ZUser } } },
      async (req, reply) => reply.status(201).send(await createUser(deps, requirePrincipal(req), req.body, requestContext(req))));
    app.patch('/users/:id', { schema: { tags: ['users'], params: ZIdParams, body: ZUpdateUser, response: { 200: ZUser } } },
      async (req) => updateUser(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req)));

    app.get('/api-tokens', { schema: { tags: ['api tokens'], response: { 200: list(ZApiToken) } } },
      async (req) => ({ items: await listApiTokens(deps, requirePrincipal(req)) }));
    app.post('/api-tokens', { schema: { tags: ['api tokens'], summary: 'Create a token; the secret is shown once', body: ZCreateApiToken, response: { 201: ZCreatedApiToken } } },
      async (req, reply) => reply.status(201).send(await createApiToken(deps, requirePrincipal(req), req.body, requestContext(req))));
    app.delete('/api-tokens/:id', { schema: { tags: ['api tokens'], params: ZIdParams, response: { 200: ZOk } } },
      async (req) => revokeApiToken(deps, requirePrincipal(req), req.params.id, requestContext(req)));

    app.get('/audit', { schema: { tags: ['audit'], summary: 'Audit log, newest first, filtered and paged by cursor', querystring: ZAuditQuery, response: { 200: ZAuditPage } } },
      async (req) => readAuditLog(deps, requirePrincipal(req), req.query));
  };
}
