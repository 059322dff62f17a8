/**
 * The console's texts (web/console/locales, one file per area): every key in zh-CN is in
 * en-US and the other way round, with the same {{placeholders}}; no key is kept in two
 * files; and every key the console's code asks for is defined, in a file that module
 * loads (an area registers itself when imported, so a page that forgot the import would
 * show raw keys).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const LOCALES = 'web/console/locales';
/** Loaded with the console's entry: every module may use it without importing it. */
const ALWAYS_LOADED = 'common';

type Tree = { [key: string]: string | Tree };
interface Area { file: string; en: Tree; zh: Tree }

function listLeaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [k, v] of listLeaves(value, at)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return full === LOCALES ? [] : listSources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Keys a source asks `t(…)` for: whole keys, or the fixed start of a key built at run time. */
function listUsedKeys(text: string): Array<{ key: string; prefix: boolean }> {
  return [...text.matchAll(/\bt\(\s*(['"`])((?:(?!\1|\$\{)[^\n])*)(\$\{)?/g)]
    .map((m) => ({ key: m[2]!, prefix: m[3] !== undefined }))
    .filter((k) => k.key.length > 0);
}

/** The locale files a source imports (by file name without extension). */
function listImportedAreas(file: string, text: string): Set<string> {
  const specs = [...text.matchAll(/^\s*import\s(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
  return new Set(specs.filter((s) => s.startsWith('.'))
    .map((s) => path.relative('.', path.resolve(path.dirname(file), s)))
    .filter((p) => path.dirname(p) === LOCALES)
    .map((p) => path.basename(p).replace(/\.js$/, '')));
}

const areas: Area[] = [];

beforeAll(async () => {
  for (const name of readdirSync(LOCALES).filter((n) => n.endsWith('.ts') && n !== 'registry.ts')) {
    const mod = await import(/* @vite-ignore */ pathToFileURL(path.resolve(LOCALES, name)).href) as Record<string, { 'en-US': Tree; 'zh-CN': Tree }>;
    const texts = Object.values(mod);
    expect(texts, `${name} exports one area`).toHaveLength(1);
    areas.push({ file: name.replace(/\.ts$/, ''), en: texts[0]!['en-US'], zh: texts[0]!['zh-CN'] });
  }
});

describe('console texts', () => {
  it('has the same keys and placeholders in zh-CN and en-US, in every file', () => {
    expect(areas.length).toBeGreaterThan(5);
    for (const area of areas) {
      const en = listLeaves(area.en);
      const zh = listLeaves(area.zh);
      expect([...zh.keys()].filter((k) => !en.has(k)), `${area.file}: only in zh-CN`).toEqual([]);
      expect([...en.keys()].filter((k) => !zh.has(k)), `${area.file}: only in en-US`).toEqual([]);
      for (const [key, text] of en) expect(placeholders(zh.get(key)!), `${area.file}: ${key}`).toEqual(placeholders(text));
      for (const [key, text] of en) expect(text.trim(), `${area.file}: ${key} is empty`).not.toBe('');
    }
  });

  it('keeps each key in one file', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const area of areas) {
      for (const key of listLeaves(area.en).keys()) {
        if (owner.has(key)) twice.push(`${key}: ${owner.get(key)} and ${area.file}`);
        owner.set(key, area.file);
      }
    }
    expect(twice).toEqual([]);
  });

  it('defines every key the console asks for, in a file the asking module loads', () => {
    const keys = areas.map((a) => ({ file: a.file, keys: [...listLeaves(a.en).keys()] }));
    const problems: string[] = [];
    let checked = 0;
    for (const file of [...listSources('web/console'), ...listSources('web/lib')]) {
      const text = readFileSync(file, 'utf8');
      const imported = listImportedAreas(file, text);
      for (const used of listUsedKeys(text)) {
        checked += 1;
        // i18next plurals: `total` may be kept as `total_one` / `total_other`.
        const matches = (k: string) => (used.prefix ? k.startsWith(used.key) : k === used.key || k.startsWith(`${used.key}_`));
        const holders = keys.filter((a) => a.keys.some(matches)).map((a) => a.file);
        if (!holders.length) problems.push(`${file}: no text for ${used.key}${used.prefix ? '…' : ''}`);
        else if (!holders.some((h) => h === ALWAYS_LOADED || imported.has(h))) problems.push(`${file}: ${used.key} is in ${holders.join(', ')}, which it does not import`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });
});
