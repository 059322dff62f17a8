/** The candidate checklist: definition, which items apply, item life cycle, upload checks. */
export {
  CHECKLIST_ITEMS, DOCUMENT_TYPES, MAX_DOCUMENTS_PER_ITEM, MAX_UPLOAD_BYTES, MB, findChecklistItem, materializeChecklist,
} from './definition.js';
export type { ChecklistFacts, TChecklistDefinitionItem, TDocumentType } from './definition.js';
export { ITEM_STATUSES, nextItemStatus } from './item-status.js';
export type { TItemAction, TItemStatus } from './item-status.js';
export { sanitizeFileName } from './sanitize-file-name.js';
export { DOCUMENT_TYPE_LABELS, sniffContentType } from './sniff-content-type.js';
