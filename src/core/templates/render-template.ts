import { Liquid, type Template } from 'liquidjs';
import { formatDate, formatDateTime, formatMoney } from './format-filters.js';
import { isKnownVariablePath, ZTemplateVariables, type TTemplateVariables } from './variables.js';

export type TTemplateErrorCode = 'parse_error' | 'unknown_variable' | 'invalid_variables' | 'render_error';

/** A template problem, shaped for the editor (code + human message + the variable at fault). */
export interface TTemplateError {
  code: TTemplateErrorCode;
  message: string;
  variable?: string;
}

export type TRenderResult = { ok: true; output: string } | { ok: false; error: TTemplateError };

export interface TRenderOptions {
  /**
   * `html` escapes every output value (HTML email bodies, portal pages); `text` leaves it
   * as is for plain-text channels (SMS, copy-ready WeChat text). Default `text`.
   */
  format?: 'text' | 'html';
}

/** Tags that read other templates; a message template must be self-contained. */
const FORBIDDEN_TAGS = ['include', 'render', 'layout', 'block'];
/** Date filters of LiquidJS can read the clock (`'now'`) and the process time zone. */
const FORBIDDEN_FILTERS = ['date', 'date_to_xmlschema', 'date_to_rfc822', 'date_to_string', 'date_to_long_string'];

function createEngine(format: 'text' | 'html'): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    // Optional sections (`{% if meeting %}`) may be tested; typos are still caught by the static check.
    lenientIf: true,
    ownPropertyOnly: true,
    // An empty in-memory store: even a partial lookup could never reach the file system.
    templates: {},
    cache: false,
    outputEscape: format === 'html' ? 'escape' : undefined,
    parseLimit: 200_000,
    memoryLimit: 20_000_000,
    // Staff edit templates in the console: nested loops must not hold the process. A real
    // message renders in milliseconds, so only a runaway template ever meets this bound.
    renderLimit: 1_000,
  });
  const tags = engine.tags as Record<string, unknown>;
  for (const tag of FORBIDDEN_TAGS) delete tags[tag];
  for (const filter of FORBIDDEN_FILTERS) engine.unregisterFilter(filter);
  engine.registerFilter('format_date', formatDate);
  engine.registerFilter('format_datetime', formatDateTime);
  engine.registerFilter('format_money', formatMoney);
  return engine;
}

const engines = { text: createEngine('text'), html: createEngine('html') };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type TSegments = Array<string | number | TSegments>;

function findUnknownVariables(engine: Liquid, template: Template[]): string[] {
  const unknown = new Set<string>();
  for (const segments of engine.globalVariableSegmentsSync(template) as TSegments[]) {
    // A computed index (`a[b]`) cannot be checked statically; check the part before it.
    const cut = segments.findIndex((s) => Array.isArray(s));
    const plain = (cut < 0 ? segments : segments.slice(0, cut)) as Array<string | number>;
    if (!isKnownVariablePath(plain)) unknown.add(plain.join('.'));
  }
  return [...unknown];
}

function parseSource(engine: Liquid, source: string): { template: Template[] } | { error: TTemplateError } {
  try {
    return { template: engine.parse(source) };
  } catch (error) {
    return { error: { code: 'parse_error', message: messageOf(error) } };
  }
}

/** Parsed templates and their unknown variables by source: the dispatcher renders the same few texts for every message. */
const parsedBySource = new Map<Liquid, Map<string, { template: Template[]; unknown: string[] }>>();
/** Bounds the memory: a message text is a few kB; many distinct texts (the live preview) start the cache afresh. */
const PARSED_LIMIT = 200;
const CACHED_SOURCE_LIMIT = 20_000;

function parseChecked(engine: Liquid, source: string): { template: Template[]; unknown: string[] } | { error: TTemplateError } {
  const cache = parsedBySource.get(engine) ?? new Map<string, { template: Template[]; unknown: string[] }>();
  parsedBySource.set(engine, cache);
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = parseSource(engine, source);
  if ('error' in parsed) return parsed;
  const entry = { template: parsed.template, unknown: findUnknownVariables(engine, parsed.template) };
  if (source.length > CACHED_SOURCE_LIMIT) return entry;
  if (cache.size >= PARSED_LIMIT) cache.clear();
  cache.set(source, entry);
  return entry;
}

/**
 * Checks a template without rendering it: syntax, forbidden tags/filters and variables that
 * are not in the record schema — in every branch, so a typo inside a rarely taken
 * `{% if %}` is found at save time. Pure.
 */
export function checkTemplate(source: string): TTemplateError[] {
  const parsed = parseSource(engines.text, source);
  if ('error' in parsed) return [parsed.error];
  return findUnknownVariables(engines.text, parsed.template).map((variable) => ({
    code: 'unknown_variable' as const,
    message: `unknown variable: ${variable}`,
    variable,
  }));
}

/**
 * Renders a LiquidJS template against the variable record in strict, safe mode: unknown
 * variables and filters fail, no includes or file access, variable values are data and never
 * re-parsed as Liquid, and `format: 'html'` escapes output. Pure given its inputs.
 */
export function renderTemplate(source: string, vars: TTemplateVariables, options: TRenderOptions = {}): TRenderResult {
  const checked = ZTemplateVariables.safeParse(vars);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, error: { code: 'invalid_variables', message: issue.message, variable: issue.path.join('.') } };
  }
  const engine = engines[options.format ?? 'text'];
  const parsed = parseChecked(engine, source);
  if ('error' in parsed) return { ok: false, error: parsed.error };
  const { unknown } = parsed;
  if (unknown.length > 0) {
    return { ok: false, error: { code: 'unknown_variable', message: `unknown variable: ${unknown[0]}`, variable: unknown[0] } };
  }
  try {
    return { ok: true, output: String(engine.renderSync(parsed.template, checked.data)) };
  } catch (error) {
    const message = messageOf(error);
    const undefinedVariable = /undefined variable: ([^,\s]+)/.exec(message);
    if (undefinedVariable) {
      return { ok: false, error: { code: 'unknown_variable', message, variable: undefinedVariable[1] } };
    }
    return { ok: false, error: { code: 'render_error', message } };
  }
}
