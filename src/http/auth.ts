import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../core/access/candidate-scope.js';
import { authenticateApiToken, authenticateSession, type SignedInUser } from '../services/auth/sessions.js';
import type { Deps } from '../services/deps.js';
import { AppError, unauthorized } from '../services/errors.js';
import type { PortalPrincipal } from '../services/portal/portal-principal.js';

export const SESSION_COOKIE = 'pb_session';
/** `Authorization: Portal <credential>`: the candidate portal's magic link. */
export const PORTAL_AUTH_SCHEME = 'Portal ';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    sessionUser?: SignedInUser;
    /** A candidate signed in by a portal magic link (portal routes only; never a staff principal). */
    portal?: PortalPrincipal;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (session cookie or bearer API token) on every request.
 * Cookie-authenticated state changes must echo the session's CSRF token in
 * `x-csrf-token`; bearer tokens are not sent by browsers on their own, so they need none.
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    // A portal request is the candidate's, even in a browser that also holds a staff
    // cookie: the portal routes authenticate it themselves and staff routes see no one.
    if (header?.startsWith(PORTAL_AUTH_SCHEME)) return;
    if (header?.startsWith('Bearer ')) {
      const principal = await authenticateApiToken(deps, header.slice(7).trim());
      if (!principal) throw new AppError(401, 'invalid_token', 'API token is unknown, expired or revoked');
      request.principal = principal;
      return;
    }
    const user = await authenticateSession(deps, request.cookies[SESSION_COOKIE]);
    if (!user) return;
    request.sessionUser = user;
    request.principal = user.principal;
    if (UNSAFE.has(request.method) && request.url.startsWith('/api/') && !request.url.startsWith('/api/v1/auth/login')) {
      if (request.headers['x-csrf-token'] !== user.csrfToken) {
        throw new AppError(403, 'csrf_failed', 'missing or wrong x-csrf-token header');
      }
    }
  });
}

/** The caller's principal, or 401. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized();
  return request.principal;
}

/** Session cookie attributes: httpOnly, SameSite=Strict, Secure behind TLS. */
export function setSessionCookie(reply: FastifyReply, value: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: 7 * 24 * 3600 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const requestContext = (request: FastifyRequest) => ({ ip: request.ip });
