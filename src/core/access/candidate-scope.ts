import type { TStaffRole } from '../../contracts/common.js';

/** Who is asking: a signed-in staff user or an integration token. */
export type Principal =
  | { kind: 'user'; orgId: string; userId: string; role: TStaffRole; departmentIds: string[]; permissions: string[] }
  | { kind: 'token'; orgId: string; tokenId: string; scopes: string[]; permissions: string[] };

/**
 * Which candidates a principal may see, as data the repository turns into SQL.
 * `departmentIds` empty with `kind: 'departments'` means none.
 */
export type CandidateScope =
  | { kind: 'all' }
  | { kind: 'departments'; departmentIds: string[] }
  | { kind: 'managed_by'; userId: string }
  | { kind: 'none' };

/**
 * DESIGN §1: HR see every candidate of the org unless limited to departments; HRBPs
 * see their assigned departments; managers only their own incoming hires.
 */
export function resolveCandidateScope(principal: Principal): CandidateScope {
  if (principal.kind === 'token') return { kind: 'all' };
  switch (principal.role) {
    case 'manager':
      return { kind: 'managed_by', userId: principal.userId };
    case 'hrbp':
      return { kind: 'departments', departmentIds: principal.departmentIds };
    case 'hr':
    case 'admin':
    case 'executive':
    case 'org_admin':
      return principal.departmentIds.length > 0 ? { kind: 'departments', departmentIds: principal.departmentIds } : { kind: 'all' };
  }
}

/** The same rule for one candidate already loaded. */
export function isCandidateInScope(
  scope: CandidateScope,
  candidate: { departmentId: string; managerId: string | null },
): boolean {
  switch (scope.kind) {
    case 'all': return true;
    case 'none': return false;
    case 'departments': return scope.departmentIds.includes(candidate.departmentId);
    case 'managed_by': return candidate.managerId === scope.userId;
  }
}

/** True when the principal holds the permission. */
export function hasPermission(principal: Principal, permission: string): boolean {
  return principal.permissions.includes(permission);
}
