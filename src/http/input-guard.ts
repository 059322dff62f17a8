import type { FastifyInstance } from 'fastify';
import { invalid } from '../services/errors.js';

/**
 * Text PostgreSQL cannot store: a NUL character. Refused up front for every route, naming
 * the field, instead of failing deep in the database with a 500.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const where = findNul(req.query, '') ?? findNul(req.body, '') ?? findNul(req.params, '');
    if (where !== undefined) throw invalid(where || 'body', 'contains a NUL character');
  });
}

function findNul(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = findNul(v, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}
