import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../services/errors.js';
import { isDomainError } from '../core/errors.js';

/** Turns a JSON-pointer-ish path ('/channels/0') into the field name we report ('channels.0'). */
function toField(instancePath: string, params: Record<string, unknown>): string | undefined {
  const base = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  // zod reports unknown keys on the parent object: name the first unknown key itself.
  const keys = params.keys as string[] | undefined;
  if (Array.isArray(keys) && keys.length) return base ? `${base}.${keys[0]}` : keys[0];
  return base || undefined;
}

/** Describes a validation issue for a person: "email: Invalid email address". */
function describe(field: string | undefined, message: string, keyword: string): string {
  if (keyword === 'unrecognized_keys') return `unknown field ${field}`;
  return field ? `${field}: ${message}` : message;
}

/** The one place errors become `{ error: { code, message, field } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0]!;
      const field = toField(issue.instancePath, (issue.params ?? {}) as Record<string, unknown>);
      return reply.status(400).send({
        error: { code: 'invalid_input', message: describe(field, issue.message ?? 'invalid', issue.keyword), field, in: err.validationContext },
      });
    }
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}), ...(err.details ? { details: err.details } : {}) },
      });
    }
    if (isDomainError(err)) {
      const status = err.code === 'illegal_transition' || err.code === 'plan_stopped' || err.code === 'unknown_step' ? 409 : 400;
      return reply.status(status).send({ error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } });
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = fe.statusCode === 429 ? 'rate_limited' : fe.statusCode === 413 ? 'payload_too_large'
        : fe.statusCode === 415 ? 'unsupported_media_type' : 'bad_request';
      return reply.status(fe.statusCode).send({ error: { code, message: fe.message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'something went wrong on our side; it has been logged' } });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } });
  });
}
