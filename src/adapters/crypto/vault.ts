/**
 * Encryption at rest for sensitive data (DESIGN §5): AES-256-GCM with keys from the
 * environment. A sealed value carries the id of the key that sealed it, so keys can be
 * rotated: put the new key first in the ring (it seals), keep the old ones after it (they
 * still open) until `preboard keys reseal` has moved every value to the new key.
 *
 * The associated data binds a ciphertext to where it belongs (org, candidate, purpose):
 * a value copied into another row or another org does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const MAGIC = Buffer.from('pb1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface DataKey {
  /** Short id stored with every value it seals: 1–16 of [A-Za-z0-9_-]. */
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export interface Vault {
  /** Id of the key new values are sealed with. */
  readonly activeKeyId: string;
  seal(plain: Buffer, context: string): Buffer;
  open(sealed: Buffer, context: string): Buffer;
  sealText(plain: string, context: string): string;
  openText(sealed: string, context: string): string;
  /** The key id a sealed value names (to find values still on an old key). */
  keyIdOf(sealed: Buffer): string;
}

export class VaultError extends Error {}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

/** Parses `id:base64,id:base64,…` or one per line (first = active); names the bad entry on error. */
export function parseKeyRing(spec: string): DataKey[] {
  const entries = spec.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new VaultError('no keys: expected id:base64key[,id:base64key…]');
  const ids = new Set<string>();
  return entries.map((entry, index) => {
    const sep = entry.indexOf(':');
    const id = sep > 0 ? entry.slice(0, sep) : '';
    if (!KEY_ID.test(id)) throw new VaultError(`key ${index + 1}: id must be 1–16 letters, digits, _ or -`);
    if (ids.has(id)) throw new VaultError(`key ${index + 1}: duplicate id ${id}`);
    ids.add(id);
    const key = Buffer.from(entry.slice(sep + 1), 'base64');
    if (key.length !== 32) throw new VaultError(`key ${id}: expected 32 bytes in base64, got ${key.length}`);
    return { id, key };
  });
}

/** A fresh key ring entry (for `preboard keys new` and the embedded default). */
export function newKeySpec(id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function createVault(keys: DataKey[]): Vault {
  if (keys.length === 0) throw new VaultError('no keys');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const active = keys[0]!;

  const keyIdOf = (sealed: Buffer): string => {
    if (sealed.length < MAGIC.length + 1 || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new VaultError('not a sealed value');
    const idLength = sealed[MAGIC.length]!;
    return sealed.subarray(MAGIC.length + 1, MAGIC.length + 1 + idLength).toString('ascii');
  };

  const seal = (plain: Buffer, context: string): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', active.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const id = Buffer.from(active.id, 'ascii');
    return Buffer.concat([MAGIC, Buffer.from([id.length]), id, iv, cipher.getAuthTag(), body]);
  };

  const open = (sealed: Buffer, context: string): Buffer => {
    const id = keyIdOf(sealed);
    const key = byId.get(id);
    if (!key) throw new VaultError(`sealed with key ${id}, which is not in the key ring`);
    const at = MAGIC.length + 1 + id.length;
    const iv = sealed.subarray(at, at + IV_BYTES);
    const tag = sealed.subarray(at + IV_BYTES, at + IV_BYTES + TAG_BYTES);
    if (tag.length !== TAG_BYTES) throw new VaultError('sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(at + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new VaultError('sealed value does not open here (wrong key, wrong context or tampered)');
    }
  };

  return {
    activeKeyId: active.id,
    seal,
    open,
    keyIdOf,
    sealText: (plain, context) => seal(Buffer.from(plain, 'utf8'), context).toString('base64'),
    openText: (sealed, context) => open(Buffer.from(sealed, 'base64'), context).toString('utf8'),
  };
}
