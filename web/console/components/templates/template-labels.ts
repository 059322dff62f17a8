/** Names of a template for people: its step, the daily-care day it is for, and where its words come from. */
import type { TFunction } from 'i18next';
import type { TTemplateSummary } from '../../../lib/templates-api.js';
import { stepName } from '../../labels.js';
import type { Tone } from '../tone-tag.js';
import '../../locales/templates.js';

/** "Daily care message · 3 days before" */
export function templateName(t: TFunction, template: Pick<TTemplateSummary, 'step' | 'variant'>): string {
  const step = stepName(t, template.step);
  return template.variant ? `${step} · ${t(`templates.variant.${template.variant}`, { defaultValue: template.variant })}` : step;
}

/** "All role types" or the role type's name. */
export function roleTypeName(t: TFunction, roleType: string | null): string {
  return roleType === null ? t('templates.allRoleTypes') : t(`roleType.${roleType}`, { defaultValue: roleType });
}

export const SOURCE_TONES: Record<TTemplateSummary['source'], Tone> = { default: 'muted', all_roles: 'info', role_type: 'teal' };
