import type { TRoleType } from '../../contracts/common.js';
import { TEMPLATE_LOCALES, type TTemplateDefinition, type TTemplateLocale } from './types.js';

/**
 * The latest saved version of one organisation's wording of a template in one language,
 * for every role type (`roleType` null) or for one.
 */
export interface TTemplateOverride {
  templateId: string;
  locale: TTemplateLocale;
  roleType: TRoleType | null;
  version: number;
  /** The version brought the built-in text back: it overrides nothing. */
  restoresDefault: boolean;
  subject: string | null;
  body: string | null;
}

/** Where the text a role type gets comes from. */
export type TTemplateSource = 'default' | 'all_roles' | 'role_type';

/**
 * Which override applies to one template, language and role type: the role type's own
 * wording, else the wording for every role type, else none (the built-in text). A version
 * that restored the default removes only its own level. Pure.
 */
export function pickTemplateOverride(
  overrides: readonly TTemplateOverride[],
  templateId: string,
  locale: TTemplateLocale,
  roleType: TRoleType | null,
): { source: TTemplateSource; override?: TTemplateOverride } {
  const active = (role: TRoleType | null) => overrides.find((o) =>
    o.templateId === templateId && o.locale === locale && o.roleType === role && !o.restoresDefault && o.subject !== null && o.body !== null);
  const own = roleType === null ? undefined : active(roleType);
  if (own) return { source: 'role_type', override: own };
  const shared = active(null);
  return shared ? { source: 'all_roles', override: shared } : { source: 'default' };
}

/**
 * The templates one candidate's messages render from: the built-in definitions with the
 * organisation's latest wording for the candidate's role type laid over each language's
 * subject and body (the SMS notice stays the built-in one). The result keeps the order
 * and ids of `defaults`, so the step selectors work on it unchanged. Pure.
 */
export function applyTemplateOverrides(
  defaults: readonly TTemplateDefinition[],
  overrides: readonly TTemplateOverride[],
  roleType: TRoleType | null,
): TTemplateDefinition[] {
  if (overrides.length === 0) return [...defaults];
  return defaults.map((template) => {
    let locales = template.locales;
    for (const locale of TEMPLATE_LOCALES) {
      const { override } = pickTemplateOverride(overrides, template.id, locale, roleType);
      if (!override) continue;
      locales = { ...locales, [locale]: { ...locales[locale], subject: override.subject!, body: override.body! } };
    }
    return locales === template.locales ? template : { ...template, locales };
  });
}
