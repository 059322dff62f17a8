/** Default registration form and materials checklist, as data. */
export { DEFAULT_REGISTRATION_FORM, OPTIONAL_REGISTRATION_FIELDS } from './default-registration-form.js';
export { DEFAULT_CHECKLIST, ZChecklistItem, selectChecklistItems } from './default-checklist.js';
export type { TChecklistItem } from './default-checklist.js';
export { ZBilingual, ZFieldType, ZFormDefinition, ZFormField, ZRole, ZRoleType, SENSITIVE_READER_ROLES } from './types.js';
export type { TBilingualText, TFieldType, TFormDefinition, TFormField, TRole, TRoleType } from './types.js';
