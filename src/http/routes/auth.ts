import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZLoginRequest, ZMe } from '../../contracts/auth.js';
import { ZErrorResponse, ZOk } from '../../contracts/common.js';
import { signIn, signOut, type SignedInUser } from '../../services/auth/sessions.js';
import type { Deps } from '../../services/deps.js';
import { unauthorized } from '../../services/errors.js';
import { clearSessionCookie, requestContext, setSessionCookie } from '../auth.js';

const presentMe = (u: SignedInUser) => ({
  user: {
    id: u.principal.userId, orgId: u.principal.orgId, orgName: u.orgName, email: u.email, name: u.name,
    role: u.principal.role, locale: u.locale as 'zh-CN' | 'en-US', departmentIds: u.principal.departmentIds,
  },
  csrfToken: u.csrfToken,
  permissions: u.principal.permissions,
});

export function authRoutes(deps: Deps, opts: { secureCookies: boolean; loginRateLimit: number }): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/auth/login', {
      schema: { tags: ['auth'], summary: 'Sign in with email and password', body: ZLoginRequest, response: { 200: ZMe, 401: ZErrorResponse } },
      config: {
        rateLimit: {
          max: opts.loginRateLimit, timeWindow: '1 minute', hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase().slice(0, 254)}`,
        },
      },
    }, async (request, reply) => {
      const { cookie, user } = await signIn(deps, request.body, requestContext(request));
      setSessionCookie(reply, cookie, opts.secureCookies);
      return presentMe(user);
    });

    app.post('/auth/logout', {
      schema: { tags: ['auth'], summary: 'Sign out (everywhere=true ends every session of the user)', querystring: z.strictObject({ everywhere: z.enum(['true', 'false']).default('false') }), response: { 200: ZOk } },
    }, async (request, reply) => {
      if (!request.sessionUser) throw unauthorized();
      await signOut(deps, request.sessionUser, request.query.everywhere === 'true');
      clearSessionCookie(reply);
      return { ok: true as const };
    });

    app.get('/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in user, permissions and CSRF token', response: { 200: ZMe } } }, async (request) => {
      if (!request.sessionUser) throw unauthorized();
      return presentMe(request.sessionUser);
    });
  };
}
