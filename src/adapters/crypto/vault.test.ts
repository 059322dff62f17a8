import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVault, newKeySpec, parseKeyRing, VaultError } from './vault.js';

const ring = (...ids: string[]) => parseKeyRing(ids.map((id) => newKeySpec(id)).join(','));

describe('vault (AES-256-GCM at rest)', () => {
  it('opens what it sealed, for any bytes and context', () => {
    const vault = createVault(ring('a'));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string(), (bytes, context) => {
      const plain = Buffer.from(bytes);
      const sealed = vault.seal(plain, context);
      expect(sealed.includes(plain) && plain.length > 8).toBe(false);
      expect(vault.open(sealed, context).equals(plain)).toBe(true);
    }));
  });

  it('seals the same text differently each time (fresh IV)', () => {
    const vault = createVault(ring('a'));
    expect(vault.sealText('110101199001011234', 'ctx')).not.toBe(vault.sealText('110101199001011234', 'ctx'));
  });

  it('refuses another context, a flipped byte, a truncated value and an unknown key', () => {
    const vault = createVault(ring('a'));
    const sealed = vault.seal(Buffer.from('身份证 110101199001011234'), 'org1/cand1/id_card');
    expect(() => vault.open(sealed, 'org2/cand1/id_card')).toThrow(VaultError);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => vault.open(flipped, 'org1/cand1/id_card')).toThrow(/does not open/);
    expect(() => vault.open(sealed.subarray(0, 10), 'org1/cand1/id_card')).toThrow(VaultError);
    expect(() => createVault(ring('b')).open(sealed, 'org1/cand1/id_card')).toThrow(/key a, which is not in the key ring/);
    expect(() => vault.open(Buffer.from('plain text'), 'x')).toThrow(/not a sealed value/);
  });

  it('rotates: the new key seals, old values still open, and name their key', () => {
    const [old] = ring('old');
    const before = createVault([old!]);
    const sealed = before.sealText('bank card 6222', 'c');
    const [fresh] = ring('new');
    const after = createVault([fresh!, old!]);
    expect(after.activeKeyId).toBe('new');
    expect(after.openText(sealed, 'c')).toBe('bank card 6222');
    expect(after.keyIdOf(Buffer.from(sealed, 'base64'))).toBe('old');
    expect(after.keyIdOf(after.seal(Buffer.from('x'), 'c'))).toBe('new');
  });

  it('names the bad entry of a key ring', () => {
    expect(() => parseKeyRing('')).toThrow(/no keys/);
    expect(() => parseKeyRing('nokey')).toThrow(/key 1: id/);
    expect(() => parseKeyRing('a:c2hvcnQ=')).toThrow(/key a: expected 32 bytes/);
    expect(() => parseKeyRing(`${newKeySpec('a')},${newKeySpec('a')}`)).toThrow(/key 2: duplicate id a/);
  });
});
