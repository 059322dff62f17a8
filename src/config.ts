import { z } from 'zod';

/** Settings read from the environment, validated once at start; a bad value names its variable. */
const ZConfig = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'expected postgres://…').optional(),
  PREBOARD_DATA_DIR: z.string().min(1).default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PREBOARD_WEB_DIR: z.string().min(1).default('dist/web'),
  PREBOARD_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  PREBOARD_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  PREBOARD_PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** smtp://user:pass@host:port or smtps://…; without it candidate email waits in the outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]+/, 'expected smtp://user:pass@host:port or smtps://…').optional(),
  /** Sender of candidate email, e.g. `Acme HR <hr@acme.cn>`; required with SMTP_URL. */
  SMTP_FROM: z.string().regex(/^[^<>]*<?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, 'expected an address like Acme HR <hr@acme.cn>').optional(),
  /** How long a worker owns a message it is sending; another may take it over after that. */
  PREBOARD_DISPATCH_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /**
   * Data keys for sensitive data at rest: `id:base64(32 bytes)[,id:base64…]`, the first
   * seals, all open. Without it, a key file in the data directory is used (created once).
   */
  PREBOARD_DATA_KEYS: z.string().min(1).optional(),
  /** How often the worker's catch-up pass looks for due wake-ups and messages. */
  PREBOARD_CATCHUP_SECONDS: z.coerce.number().min(1).max(3600).default(60),
}).refine((c) => !c.SMTP_URL || c.SMTP_FROM, { message: 'required when SMTP_URL is set', path: ['SMTP_FROM'] });

export type Config = z.infer<typeof ZConfig>;

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming the variable on a bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
