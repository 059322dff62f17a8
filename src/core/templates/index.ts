/** Playbook message templates as data, their variable record and a strict, safe renderer. */
export { DEFAULT_TEMPLATES, selectDailyCareTemplate, selectStepTemplates } from './default-templates.js';
export { checkTemplate, renderTemplate } from './render-template.js';
export { reviewTemplate } from './lint-template.js';
export type { TLocatedTemplateError, TTemplateReview } from './lint-template.js';
export type { TRenderOptions, TRenderResult, TTemplateError, TTemplateErrorCode } from './render-template.js';
export { isKnownVariablePath, listTemplateVariables, SAMPLE_TEMPLATE_VARIABLES, ZTemplateVariables } from './variables.js';
export type { TTemplateVariableInfo, TTemplateVariables } from './variables.js';
export { formatDate, formatDateTime, formatMoney } from './format-filters.js';
export { TEMPLATE_LOCALES } from './types.js';
export type { TTemplateContent, TTemplateDefinition, TTemplateLocale } from './types.js';
