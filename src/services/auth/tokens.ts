import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe. */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as SHA-256: they are high-entropy, so a slow hash adds nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Credentials carry their organisation id so every lookup is keyed by org first
 * (`<prefix><orgId>.<secret>`), as the schema's keys require.
 */
export function composeCredential(prefix: string, orgId: string, secret: string): string {
  return `${prefix}${orgId}.${secret}`;
}

/** Splits a credential; undefined when it is not well-formed. */
export function parseCredential(prefix: string, value: string | undefined): { orgId: string; secret: string } | undefined {
  if (!value || !value.startsWith(prefix) || value.length > 200) return undefined;
  const rest = value.slice(prefix.length);
  const dot = rest.indexOf('.');
  if (dot < 0) return undefined;
  const orgId = rest.slice(0, dot);
  const secret = rest.slice(dot + 1);
  if (!UUID.test(orgId) || !/^[A-Za-z0-9_-]{20,100}$/.test(secret)) return undefined;
  return { orgId, secret };
}
