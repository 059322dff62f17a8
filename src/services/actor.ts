import type { Principal } from '../core/access/candidate-scope.js';
import { hasPermission } from '../core/access/candidate-scope.js';
import type { Permission } from '../core/access/permissions.js';
import { forbidden } from './errors.js';

/** How a principal is named in the audit log and on the timeline. */
export function describeActor(p: Principal): { actorKind: 'user' | 'token'; actorId: string } {
  return p.kind === 'user' ? { actorKind: 'user', actorId: p.userId } : { actorKind: 'token', actorId: p.tokenId };
}

/** Throws 403 unless the principal holds the permission. */
export function requirePermission(p: Principal, permission: Permission): void {
  if (!hasPermission(p, permission)) throw forbidden();
}
