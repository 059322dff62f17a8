/**
 * The console's texts live in one file per area (common vocabulary, each page's own words)
 * and are registered by the modules that show them, so a page's texts travel in its lazy
 * chunk instead of the first download. Keys keep their full paths (`settings.channels.add`):
 * areas only decide which file a key is kept in.
 */
import i18next from 'i18next';
import { LANGUAGES, type Language } from '../../lib/i18n.js';

/** An area's texts: the same keys in every language (checked by test/web/console-locales.test.ts). */
export type AreaTexts<T extends object = object> = Record<Language, T>;

/** Texts registered before i18next started; `collectTexts` hands them to `initI18n`. */
const pending: AreaTexts[] = [];

/** Adds an area's texts to the catalogue (at once when i18next runs, else when it starts) and returns them. */
export function registerTexts<T extends object>(texts: AreaTexts<T>): AreaTexts<T> {
  if (i18next.isInitialized) {
    for (const lng of LANGUAGES) i18next.addResourceBundle(lng, 'translation', texts[lng], true, false);
  } else {
    pending.push(texts);
  }
  return texts;
}

function mergeInto(target: Record<string, unknown>, source: object): void {
  for (const [key, value] of Object.entries(source)) {
    if (!value || typeof value !== 'object') {
      target[key] = value;
      continue;
    }
    // Copied, never shared: merging a later area must not change an earlier one's objects.
    let into = target[key];
    if (!into || typeof into !== 'object') target[key] = into = {};
    mergeInto(into as Record<string, unknown>, value);
  }
}

/** Every area registered so far, merged per language: the resources i18next starts with. */
export function collectTexts(): Record<Language, object> {
  const merged = Object.fromEntries(LANGUAGES.map((lng) => [lng, {}])) as Record<Language, Record<string, unknown>>;
  for (const texts of pending) for (const lng of LANGUAGES) mergeInto(merged[lng], texts[lng]);
  return merged;
}
