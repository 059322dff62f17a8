import type { TStaffRole } from '../../contracts/common.js';

/** What a principal may do; each route names exactly one permission. */
export const PERMISSIONS = [
  'candidate.read', 'candidate.create', 'candidate.update', 'offer.read', 'offer.create',
  'timeline.read', 'touch.create', 'salary.read', 'contact.read',
  'org.read', 'site.manage', 'department.manage', 'user.read', 'user.manage', 'token.manage', 'audit.read',
  'event.create', 'plan.read', 'task.read', 'task.complete', 'outbox.read', 'portal.manage',
  'salary.evaluate', 'salary.decide', 'payband.manage', 'talent_pool.manage', 'offer.withdraw', 'offer.withdraw.approve', 'message.edit',
  'checklist.read', 'checklist.review', 'document.read', 'document.read_sensitive',
  'settings.read', 'settings.manage',
  'privacy.manage', 'retention.manage',
  'logistics.read', 'consent.read', 'question.answer',
  'playbook.read', 'playbook.manage',
  'template.manage',
  'hires.read', 'logistics.board',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * DESIGN §1 as a table. Admin staff handle logistics only (no timeline, salary or
 * documents); executives read and watch escalations; org admins run the settings.
 */
const BY_ROLE: Record<TStaffRole, readonly Permission[]> = {
  hr: [
    'candidate.read', 'candidate.create', 'candidate.update', 'offer.read', 'offer.create',
    'timeline.read', 'touch.create', 'salary.read', 'contact.read', 'org.read', 'user.read',
    'event.create', 'plan.read', 'task.read', 'task.complete', 'outbox.read', 'portal.manage',
  ],
  hrbp: [
    'candidate.read', 'offer.read', 'timeline.read', 'touch.create', 'salary.read', 'contact.read', 'org.read', 'user.read',
    'plan.read', 'task.read', 'task.complete',
  ],
  manager: ['candidate.read', 'offer.read', 'timeline.read', 'touch.create', 'contact.read', 'org.read', 'plan.read', 'task.read', 'task.complete'],
  admin: ['candidate.read', 'org.read', 'task.read', 'task.complete'],
  executive: ['candidate.read', 'offer.read', 'timeline.read', 'contact.read', 'org.read', 'user.read', 'plan.read', 'task.read', 'task.complete'],
  org_admin: [
    'candidate.read', 'candidate.create', 'candidate.update', 'offer.read', 'offer.create',
    'timeline.read', 'touch.create', 'salary.read', 'contact.read',
    'org.read', 'site.manage', 'department.manage', 'user.read', 'user.manage', 'token.manage', 'audit.read',
    'event.create', 'plan.read', 'task.read', 'task.complete', 'outbox.read', 'portal.manage',
  ],
};

/**
 * Exception flows (issue 6): HR and the manager evaluate a salary request (pay figures only
 * with `salary.read`), HR decide it and keep the pay bands; HR run the talent pool, edit a
 * prepared message before it goes and request an offer withdrawal, which another HR,
 * org admin or executive approves.
 */
const EXCEPTION_FLOW_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  hr: ['salary.evaluate', 'salary.decide', 'payband.manage', 'talent_pool.manage', 'offer.withdraw', 'offer.withdraw.approve', 'message.edit'],
  hrbp: ['salary.evaluate'],
  manager: ['salary.evaluate'],
  executive: ['offer.withdraw.approve'],
  org_admin: ['salary.evaluate', 'salary.decide', 'payband.manage', 'talent_pool.manage', 'offer.withdraw', 'offer.withdraw.approve', 'message.edit'],
};

/**
 * Candidate checklist (issue 4): whoever follows the candidate sees the checklist and
 * ordinary documents; HR and org admins review; sensitive documents (ID card, bank card,
 * medical report) open for them only (DESIGN §5). Admin staff see no documents (§1).
 */
const CHECKLIST_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  hr: ['checklist.read', 'checklist.review', 'document.read', 'document.read_sensitive'],
  hrbp: ['checklist.read', 'document.read'],
  manager: ['checklist.read', 'document.read'],
  executive: ['checklist.read'],
  org_admin: ['checklist.read', 'checklist.review', 'document.read', 'document.read_sensitive'],
};

/** Org settings (policies, calendar overrides, retention): HR read them, org admins change them. */
const SETTINGS_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  hr: ['settings.read'],
  org_admin: ['settings.read', 'settings.manage'],
};

/** Data-subject requests (export, correction, deletion) for HR; the retention preview for org admins (DESIGN §5). */
/**
 * Portal extras (issue 4): whoever meets the new hire reads how they will come (admin staff
 * prepare parking and badges); HR, HRBP and org admins see consents and answer questions.
 */
const PORTAL_EXTRAS_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  hr: ['logistics.read', 'consent.read', 'question.answer'],
  hrbp: ['logistics.read', 'consent.read', 'question.answer'],
  manager: ['logistics.read'],
  admin: ['logistics.read'],
  org_admin: ['logistics.read', 'consent.read', 'question.answer'],
};

const PRIVACY_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  hr: ['privacy.manage'],
  org_admin: ['privacy.manage', 'retention.manage'],
};

/**
 * Message templates (DESIGN §1 and §5): HR write the words candidates read, org admins own
 * the templates; both edit them and preview them against their candidates.
 */
const TEMPLATE_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  hr: ['template.manage'],
  org_admin: ['template.manage'],
};

/**
 * Team views: the hiring manager's home (their own incoming hires, DESIGN §1) and the
 * logistics board, which admin staff work from and HR (who run the plan and take the admin
 * staff's overdue work) and org admins may open.
 */
const TEAM_VIEW_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  manager: ['hires.read'],
  admin: ['logistics.board'],
  hr: ['logistics.board'],
  org_admin: ['logistics.board'],
};

/** Playbooks (DESIGN §3): HR, who run the plan, and org admins read, preview and save new versions. */
const PLAYBOOK_GRANTS: Partial<Record<TStaffRole, readonly Permission[]>> = {
  hr: ['playbook.read', 'playbook.manage'],
  org_admin: ['playbook.read', 'playbook.manage'],
};

/** Org settings that widen what a role sees. */
export interface AccessSettings {
  /** Managers see salary only when the organisation allows it (DESIGN §1). */
  managerSeesSalary?: boolean;
}

/** The permissions a role holds under the organisation's settings. */
export function listPermissions(role: TStaffRole, settings: AccessSettings = {}): Permission[] {
  const granted = new Set<Permission>([...BY_ROLE[role], ...(EXCEPTION_FLOW_GRANTS[role] ?? []), ...(CHECKLIST_GRANTS[role] ?? []), ...(SETTINGS_GRANTS[role] ?? []), ...(PRIVACY_GRANTS[role] ?? []), ...(PORTAL_EXTRAS_GRANTS[role] ?? []), ...(PLAYBOOK_GRANTS[role] ?? []), ...(TEMPLATE_GRANTS[role] ?? []), ...(TEAM_VIEW_GRANTS[role] ?? [])]);
  if (role === 'manager' && settings.managerSeesSalary) granted.add('salary.read');
  return [...granted];
}

/** API-token scopes map onto the same permissions, never beyond what HR holds. */
const BY_SCOPE: Record<string, readonly Permission[]> = {
  'candidates:read': ['candidate.read', 'offer.read', 'timeline.read', 'contact.read', 'org.read', 'plan.read'],
  'candidates:write': ['candidate.create', 'candidate.update', 'offer.create'],
  'touches:write': ['touch.create'],
  'events:write': ['event.create'],
};

/** The permissions an API token holds through its scopes. */
export function listScopePermissions(scopes: readonly string[]): Permission[] {
  return [...new Set(scopes.flatMap((s) => BY_SCOPE[s] ?? []))];
}
