import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Deps } from '../services/deps.js';
import { registerAuth } from './auth.js';
import { registerErrorHandler } from './errors.js';
import { registerInputGuard } from './input-guard.js';
import { authRoutes } from './routes/auth.js';
import { candidateRoutes } from './routes/candidates.js';
import { orgRoutes } from './routes/org.js';
import { settingsRoutes } from './routes/settings.js';
import { staffChannelRoutes } from './routes/staff-channels.js';
import { engineRoutes } from './routes/engine.js';
import { portalLinkRoutes, portalRoutes } from './routes/portal.js';
import { exceptionFlowRoutes } from './routes/exception-flows.js';
import { portalOfferRoutes } from './routes/portal-offer.js';
import { lostLinkRoutes, portalExtrasRoutes, portalExtrasStaffRoutes } from './routes/portal-extras.js';
import { portalChecklistRoutes, staffChecklistRoutes } from './routes/checklist.js';
import { portalPrivacyRoutes, privacyRoutes } from './routes/privacy.js';
import { pipelineRoutes } from './routes/pipeline.js';
import { playbookRoutes } from './routes/playbooks.js';
import { templateRoutes } from './routes/templates.js';
import { teamViewRoutes } from './routes/team-views.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route as 'METHOD /api/v1/…', for the OpenAPI completeness test. */
    apiRoutes: string[];
  }
}

export interface AppOptions {
  /** JSON logs (pino) when true; tests pass false. */
  logger?: boolean;
  /** Built web assets (console and portal); served when the folder exists. */
  webDir?: string;
  /** Set Secure on cookies (behind TLS). */
  secureCookies?: boolean;
  /** Login attempts per minute per IP and email. */
  loginRateLimit?: number;
  /** Portal requests per minute per magic link (default 60). */
  portalRateLimit?: number;
  /** Trust X-Forwarded-* from a reverse proxy. */
  trustProxy?: boolean;
}

/** Builds the HTTP app over the given dependencies; nothing here opens connections of its own. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // A URL that cannot be decoded (broken UTF-8, stray %) gets the one error shape too.
    frameworkErrors: (err, _req, reply) => {
      const message = err.code === 'FST_ERR_BAD_URL' ? 'the URL cannot be decoded' : err.message;
      void (reply as FastifyReply).status(400).send({ error: { code: 'bad_request', message } });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  const apiRoutes: string[] = [];
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/v1/')) return;
    for (const m of [r.method].flat()) if (m !== 'HEAD') apiRoutes.push(`${m} ${r.url}`);
  });
  app.decorate('apiRoutes', apiRoutes);
  // JSON only: text/plain is a content type a cross-site form may send without a preflight.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Preboard API', version: '1', description: 'Pre-onboarding follow-up: candidates, offers, timeline, organisation.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pb_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (pbt_…)' },
          portal: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Candidate portal: `Portal <credential>` from the magic link' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, deps);
  registerInputGuard(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(deps.db);
      return { ok: true };
    } catch {
      return reply.status(503).send({ error: { code: 'not_ready', message: 'database unavailable' } });
    }
  });

  await app.register(async (api) => {
    await api.register(authRoutes(deps, { secureCookies: options.secureCookies ?? false, loginRateLimit: options.loginRateLimit ?? 10 }));
    await api.register(candidateRoutes(deps));
    await api.register(orgRoutes(deps));
    await api.register(settingsRoutes(deps));
    await api.register(staffChannelRoutes(deps));
    await api.register(engineRoutes(deps));
    await api.register(portalLinkRoutes(deps));
    await api.register(portalRoutes(deps, { rateLimit: options.portalRateLimit ?? 60 }));
    await api.register(exceptionFlowRoutes(deps));
    await api.register(portalOfferRoutes(deps, { rateLimit: options.portalRateLimit ?? 60 }));
    await api.register(portalExtrasStaffRoutes(deps));
    await api.register(portalExtrasRoutes(deps, { rateLimit: options.portalRateLimit ?? 60 }));
    await api.register(lostLinkRoutes(deps, { perIp: 10, perContact: 3, verifyPerIp: 20 }));
    await api.register(portalChecklistRoutes(deps, { rateLimit: options.portalRateLimit ?? 60 }));
    await api.register(staffChecklistRoutes(deps));
    await api.register(privacyRoutes(deps));
    await api.register(portalPrivacyRoutes(deps, { rateLimit: options.portalRateLimit ?? 60 }));
    await api.register(pipelineRoutes(deps));
    await api.register(playbookRoutes(deps));
    await api.register(templateRoutes(deps));
    await api.register(teamViewRoutes(deps));
  }, { prefix: '/api/v1' });

  if (options.webDir && existsSync(path.join(options.webDir, 'index.html'))) {
    await registerWeb(app, options.webDir);
  }
  return app;
}

/**
 * Serves the built web (dist/web): hashed assets (cached for good), `/portal*` → the
 * candidate portal's portal.html, every other page path → the console's index.html for
 * its client-side routes. API paths and missing files fall through to the JSON 404
 * (the not-found handler belongs to registerErrorHandler).
 */
async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const root = path.resolve(webDir);
  await app.register(fastifyStatic, {
    root, prefix: '/', index: false, wildcard: false,
    // The build writes .br and .gz beside each text asset; sent when the client accepts them.
    preCompressed: true,
    setHeaders: (reply, file) => {
      if (file.startsWith(path.join(root, 'assets') + path.sep)) reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const page = (entry: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0]!;
    if (url.startsWith('/api/') || path.extname(url)) return reply.callNotFound();
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile(entry);
  };
  const hide = { schema: { hide: true } };
  if (existsSync(path.join(root, 'portal.html'))) {
    app.get('/portal', hide, page('portal.html'));
    app.get('/portal/*', hide, page('portal.html'));
  }
  app.get('/', hide, page('index.html'));
  app.get('/*', hide, page('index.html'));
}
