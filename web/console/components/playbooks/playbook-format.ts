/**
 * How the playbook editor words steps and problems: offsets as "S − 14d · 10:00",
 * conditions as short tags, field paths (`steps[3].offset.days`) split into the step and
 * the field, and problems in the reader's language (the server's English as fallback).
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { TOffset, TPlaybookStep, TStepConditions } from '../../../../src/contracts/playbook.js';
import type { TPlaybookProblem } from '../../../lib/playbooks-api.js';
import '../../locales/candidate-changes.js';
import '../../locales/playbooks.js';

const UNITS = ['days', 'hours', 'minutes', 'businessDays', 'workingHours'] as const;

/** The anchor's short name: A (accepted), S (start date) or the event. */
export function anchorName(t: TFunction, anchor: string): string {
  return t(`playbooks.anchor.${anchor}`, { defaultValue: anchor });
}

/** "S − 14d · 10:00", "A + 2h", "Delay requested + 4 working h"; just the anchor for a zero offset. */
export function formatOffset(t: TFunction, anchor: string, offset: TOffset | undefined): string {
  const parts = UNITS.flatMap((unit) => {
    const value = offset?.[unit];
    if (value === undefined || value === 0) return [];
    return [`${value < 0 ? '−' : '+'} ${t(`playbooks.unit.${unit}`, { count: Math.abs(value) })}`];
  });
  const base = parts.length ? `${t(`playbooks.anchorShort.${anchor}`, { defaultValue: anchorName(t, anchor) })} ${parts.join(' ')}` : t(`playbooks.anchorShort.${anchor}`, { defaultValue: anchorName(t, anchor) });
  return offset?.at ? `${base} · ${offset.at}` : base;
}

/** A duration such as an SLA, counted from the anchor: "24h", "1 business day". */
export function formatSla(t: TFunction, anchor: string, sla: TOffset | undefined): string {
  return sla ? formatOffset(t, anchor, sla) : '';
}

/** Conditions as short labels ("Relocating", "Tech, Sales"); sites by name. */
export function describeConditions(t: TFunction, c: TStepConditions | undefined, siteNames: ReadonlyMap<string, string>): string[] {
  if (!c) return [];
  const out: string[] = [];
  if (c.relocation !== undefined) out.push(t(c.relocation ? 'playbooks.cond.relocation' : 'playbooks.cond.noRelocation'));
  if (c.backgroundCheck !== undefined) out.push(t(c.backgroundCheck ? 'playbooks.cond.backgroundCheck' : 'playbooks.cond.noBackgroundCheck'));
  if (c.roleTypes) out.push(c.roleTypes.map((r) => t(`roleType.${r}`)).join(' / '));
  if (c.siteIds) out.push(c.siteIds.map((id) => siteNames.get(id) ?? id).join(' / '));
  if (c.eventReasons) out.push(t('playbooks.cond.reasons', { reasons: c.eventReasons.map((r) => t(`changes.delayReason.${r}`, { defaultValue: r })).join(' / ') }));
  if (c.decision) out.push(t(`playbooks.cond.decision.${c.decision}`));
  return out;
}

/** `steps[3].offset.days` → { index: 3, path: ['offset', 'days'] }; `name` → { index: null, path: ['name'] }. */
export function splitField(field: string): { index: number | null; path: Array<string | number> } {
  const match = /^steps\[(\d+)\]\.?(.*)$/.exec(field);
  const rest = match ? match[2]! : field;
  const path = rest.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return { index: match ? Number(match[1]) : null, path };
}

/** zod's path (`['steps', 3, 'offset']`) as the API names fields (`steps[3].offset`). */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** A zod issue from the shared schema as a problem the editor shows like the server's. */
export function toProblem(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): TPlaybookProblem {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const field = formatPath([...prefix, ...issue.path, ...keys]) || 'steps';
  const code = issue.code === 'too_small' && issue.origin === 'string' ? 'required' : issue.code === 'invalid_format' ? 'format' : 'invalid';
  return { field, code, message: issue.message };
}

/** A problem in the reader's language. */
export function describeProblem(t: TFunction, p: TPlaybookProblem): string {
  if (p.code === 'required') return t('validation.required');
  if (p.code === 'format') return t('validation.format');
  if (p.code === 'invalid') return t('playbooks.problem.invalid', { message: p.message });
  return t(`playbooks.problem.${p.code}`, { ...(p.params ?? {}), defaultValue: p.message });
}

/** Problems grouped by step index (problems outside any step under -1). */
export function groupProblems(problems: readonly TPlaybookProblem[]): Map<number, TPlaybookProblem[]> {
  const groups = new Map<number, TPlaybookProblem[]>();
  for (const p of problems) {
    const index = splitField(p.field).index ?? -1;
    groups.set(index, [...(groups.get(index) ?? []), p]);
  }
  return groups;
}

/** JSON with object keys sorted: the same step edited back and forth compares equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v);
}

/** A new step's starting values: an HR task a week before the start. */
export function buildNewStep(): TPlaybookStep {
  return { id: '', stage: 'prep', anchor: 'start_date', offset: { days: -7 }, owners: ['hr'], action: 'task', templateKey: '' };
}
