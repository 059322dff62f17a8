import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '../../contracts/common.js';
import {
  ZCreateStaffChannel, ZStaffChannel, ZStaffChannelList, ZStaffChannelTestResult, ZUpdateStaffChannel,
} from '../../contracts/staff-channels.js';
import type { Deps } from '../../services/deps.js';
import { createStaffChannel, deleteStaffChannel, listStaffChannels, testStaffChannel, updateStaffChannel } from '../../services/org/staff-channels.js';
import { requestContext, requirePrincipal } from '../auth.js';

/** Staff channels: group robots for the digest summary and escalations (org admins). */
export function staffChannelRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/settings/staff-channels', {
      schema: { tags: ['organisation'], summary: 'Staff group robots (WeCom, DingTalk, Feishu); credentials masked', response: { 200: ZStaffChannelList } },
    }, async (req) => listStaffChannels(deps, requirePrincipal(req)));
    app.post('/settings/staff-channels', {
      schema: {
        tags: ['organisation'], summary: 'Add a staff group robot; the webhook URL and secret are stored sealed',
        body: ZCreateStaffChannel, response: { 201: ZStaffChannel },
      },
    }, async (req, reply) => reply.status(201).send(await createStaffChannel(deps, requirePrincipal(req), req.body, requestContext(req))));
    app.patch('/settings/staff-channels/:id', {
      schema: {
        tags: ['organisation'],
        summary: 'Edit a staff group robot: name, posts, language; a new webhook or secret (left out, the saved one stays; secret null removes it)',
        params: ZIdParams, body: ZUpdateStaffChannel, response: { 200: ZStaffChannel },
      },
    }, async (req) => updateStaffChannel(deps, requirePrincipal(req), req.params.id, req.body, requestContext(req)));
    app.delete('/settings/staff-channels/:id', {
      schema: { tags: ['organisation'], summary: 'Remove a staff group robot', params: ZIdParams, response: { 200: ZOk } },
    }, async (req) => deleteStaffChannel(deps, requirePrincipal(req), req.params.id, requestContext(req)));
    app.post('/settings/staff-channels/:id/test', {
      schema: {
        tags: ['organisation'], summary: 'Send a test message to a staff group robot; 502 with the provider\'s message when it refuses',
        params: ZIdParams, response: { 200: ZStaffChannelTestResult },
      },
    }, async (req) => testStaffChannel(deps, requirePrincipal(req), req.params.id, requestContext(req)));
  };
}
