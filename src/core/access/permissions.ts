import type { TStaffRole } from '../../contracts/common.js';

/** What a principal may do; each route names exactly one permission. */
export const PERMISSIONS = [
  'candidate.read', 'candidate.create', 'candidate.update', 'offer.read', 'offer.create',
  'timeline.read', 'touch.create', 'salary.read', 'contact.read',
  'org.read', 'site.manage', 'department.manage', 'user.read', 'user.manage', 'token.manage', 'audit.read',
  'event.create', 'plan.read', 'task.read', 'task.complete', 'outbox.read', 'portal.manage',
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

/** Org settings that widen what a role sees. */
export interface AccessSettings {
  /** Managers see salary only when the organisation allows it (DESIGN §1). */
  managerSeesSalary?: boolean;
}

/** The permissions a role holds under the organisation's settings. */
export function listPermissions(role: TStaffRole, settings: AccessSettings = {}): Permission[] {
  const granted = new Set<Permission>(BY_ROLE[role]);
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
