import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../services/deps.js';
import { authenticatePortalLink } from '../services/portal/portal-links.js';
import { invalidPortalLink, type PortalPrincipal } from '../services/portal/portal-principal.js';
import { PORTAL_AUTH_SCHEME } from './auth.js';

/** The credential of `Authorization: Portal <credential>`, if the header has that scheme. */
export const readPortalCredential = (req: FastifyRequest): string | undefined => {
  const header = req.headers.authorization;
  return header?.startsWith(PORTAL_AUTH_SCHEME) ? header.slice(PORTAL_AUTH_SCHEME.length).trim() : undefined;
};

/** The caller's portal principal (set by the guard's hook). */
export const portalWho = (req: FastifyRequest): PortalPrincipal => {
  if (!req.portal) throw invalidPortalLink();
  return req.portal;
};

/**
 * Guards a plugin's routes for the candidate side: `Authorization: Portal <credential>`
 * only (no cookie, so no CSRF surface), checked after the rate limiter (onRequest) and
 * before body validation, so a bad link is 401 whatever the body. Returns the route
 * options every portal route shares: the per-link limit (per IP without a link), tags and
 * the OpenAPI security scheme.
 */
export function guardPortalRoutes(app: FastifyInstance, deps: Deps, rateLimit: number) {
  app.addHook('preValidation', async (req) => {
    const principal = await authenticatePortalLink(deps, readPortalCredential(req));
    if (!principal) throw invalidPortalLink();
    req.portal = principal;
  });
  const config = {
    rateLimit: {
      max: rateLimit, timeWindow: '1 minute',
      keyGenerator: (req: FastifyRequest) => {
        const raw = readPortalCredential(req);
        return raw ? `portal:${createHash('sha256').update(raw).digest('hex').slice(0, 32)}` : `portal-ip:${req.ip}`;
      },
    },
  };
  return { config, tags: ['portal'], security: [{ portal: [] }] };
}
