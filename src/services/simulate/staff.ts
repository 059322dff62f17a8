import { randomUUID } from 'node:crypto';
import type { TOwnerRole } from '../../contracts/playbook.js';
import type { Deps } from '../deps.js';

/** One staff user per owner role of the playbook, by role. */
export type SimulatedStaff = Record<TOwnerRole, string>;

const ROLES: readonly TOwnerRole[] = ['hr', 'hrbp', 'manager', 'admin', 'executive'];

/**
 * Adds one staff user per role. Written directly rather than through insertUser:
 * simulated staff never sign in, so they get no password (and skip argon2's cost).
 */
export async function insertSimulatedStaff(deps: Deps, orgId: string): Promise<SimulatedStaff> {
  const staff = {} as SimulatedStaff;
  for (const role of ROLES) {
    const id = randomUUID();
    await deps.db.insertInto('users').values({
      org_id: orgId, id, email: `${role}@simulation.invalid`, name: `Simulated ${role}`, phone: '', role,
      locale: 'zh-CN', password_hash: null, disabled_at: null, created_at: deps.clock.now(),
    }).execute();
    staff[role] = id;
  }
  return staff;
}
