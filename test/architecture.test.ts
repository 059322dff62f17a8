import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listSources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function listImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

/** Resolves a relative import to a repo path ('src/core/...'); packages stay as they are. */
function resolveImport(file: string, spec: string): string {
  return spec.startsWith('.') ? path.relative('.', path.resolve(path.dirname(file), spec)) : spec;
}

describe('layer boundaries (STYLE.md)', () => {
  it('the core is pure: it imports only contracts, itself and pure libraries', () => {
    const allowedPackages = /^(zod|date-fns|@date-fns\/tz|chinese-days|liquidjs)(\/|$)/;
    const offenders: string[] = [];
    for (const file of listSources('src/core')) {
      for (const spec of listImports(file)) {
        const target = resolveImport(file, spec);
        const ok = target.startsWith('src/core/') || target.startsWith('src/contracts/') || allowedPackages.test(target);
        if (!ok) offenders.push(`${file} → ${spec}`);
      }
      const text = readFileSync(file, 'utf8');
      // No clock reads: time is passed in.
      if (/Date\.now\(\)|new Date\(\)/.test(text)) offenders.push(`${file} reads the clock`);
      if (/process\.env|node:fs|node:net|node:http/.test(text)) offenders.push(`${file} does I/O or reads the environment`);
    }
    expect(offenders).toEqual([]);
  });

  it('contracts depend on nothing but zod and each other', () => {
    const offenders = listSources('src/contracts').flatMap((file) =>
      listImports(file).map((spec) => resolveImport(file, spec)).filter((t) => !t.startsWith('src/contracts/') && t !== 'zod').map((t) => `${file} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it('only adapters import the database drivers', () => {
    const drivers = /^(kysely\/migration|pg|@electric-sql\/pglite|pg-boss)$/;
    const offenders = ['src/core', 'src/services', 'src/http', 'src/contracts'].flatMap((dir) => listSources(dir)).flatMap((file) =>
      listImports(file).filter((spec) => drivers.test(spec)).map((spec) => `${file} → ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('the web app imports only contracts and web code', () => {
    let files: string[] = [];
    try { files = listSources('web'); } catch { files = []; }
    const offenders = files.flatMap((file) => listImports(file).map((spec) => resolveImport(file, spec))
      .filter((t) => t.startsWith('src/') && !t.startsWith('src/contracts/')).map((t) => `${file} → ${t}`));
    expect(offenders).toEqual([]);
  });
});
