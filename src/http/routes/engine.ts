import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCompleteTask, ZEventHeaders, ZEventInput, ZEventResult, ZOutboxMessage, ZOutboxQuery, ZPlanView, ZTaskListQuery, ZTaskParams, ZTaskView,
  type TEventInput,
} from '../../contracts/engine.js';
import { ZIdParams } from '../../contracts/common.js';
import type { Deps } from '../../services/deps.js';
import { listOutbox } from '../../services/engine/outbox.js';
import { getPlanView } from '../../services/engine/plan-view.js';
import { recordEvent } from '../../services/engine/record-event.js';
import { completeTask, listTasks } from '../../services/engine/tasks.js';
import { requestContext, requirePrincipal } from '../auth.js';

export function engineRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/candidates/:id/events', {
      schema: {
        tags: ['engine'], summary: 'Record a domain event (offer accepted, delay requested, declined…); an Idempotency-Key header makes retries safe',
        params: ZIdParams, headers: ZEventHeaders, body: ZEventInput, response: { 200: ZEventResult, 201: ZEventResult },
      },
    }, async (req, reply) => {
      const result = await recordEvent(deps, requirePrincipal(req), req.params.id, req.body as TEventInput, req.headers['idempotency-key'], requestContext(req));
      return reply.status(result.applied ? 201 : 200).send(result);
    });

    app.get('/candidates/:id/plan', {
      schema: { tags: ['engine'], summary: 'The plan: past, current and future steps with owners and due times', params: ZIdParams, response: { 200: ZPlanView } },
    }, async (req) => getPlanView(deps, requirePrincipal(req), req.params.id));

    app.get('/tasks', {
      schema: { tags: ['engine'], summary: 'Tasks across candidates for the signed-in role', querystring: ZTaskListQuery, response: { 200: z.object({ items: z.array(ZTaskView), total: z.number().int() }) } },
    }, async (req) => listTasks(deps, requirePrincipal(req), req.query));

    app.post('/candidates/:id/tasks/:key/complete', {
      schema: { tags: ['engine'], summary: 'Complete a task with an outcome and the candidate’s feedback', params: ZTaskParams, body: ZCompleteTask, response: { 200: ZTaskView } },
    }, async (req) => completeTask(deps, requirePrincipal(req), req.params.id, req.params.key, req.body, requestContext(req)));

    app.get('/outbox', {
      schema: { tags: ['engine'], summary: 'Outbound messages with delivery state, retries and failures', querystring: ZOutboxQuery, response: { 200: z.object({ items: z.array(ZOutboxMessage), total: z.number().int() }) } },
    }, async (req) => listOutbox(deps, requirePrincipal(req), req.query));
  };
}
