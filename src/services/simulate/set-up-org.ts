import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ZCreateCandidate } from '../../contracts/candidates.js';
import type { TScenario, TScenarioCandidate } from '../../contracts/scenario.js';
import { listPermissions } from '../../core/access/permissions.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { createCandidate } from '../candidates/candidates.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { createOrg, insertDepartment, insertSite } from '../org/create-org.js';
import { ScenarioError } from './scenario-error.js';
import { insertSimulatedStaff, type SimulatedStaff } from './staff.js';

/** A scenario candidate as stored in the simulation database. */
export interface SimulatedCandidate {
  ref: string;
  /** Position in the scenario's `candidates` (the secondary sort key of the output). */
  index: number;
  id: string;
  offerAcceptedAt: string;
  /** Contact details the simulator made up, so recorded sends can be traced back. */
  email: string;
  phone: string;
}

export interface SimulatedOrg {
  orgId: string;
  staff: SimulatedStaff;
  candidates: SimulatedCandidate[];
}

/** Candidate fields named differently by the create-candidate contract. */
const SCENARIO_FIELD: Record<string, string> = { fullName: 'name' };

/**
 * Builds the scenario's world: one org with its zone and calendar, a site per time zone
 * (candidates with their own `timezone` get theirs), a department, one staff user per
 * role assigned to every candidate, and the candidates with their offers — not yet
 * accepted: the acceptance is replayed at `offerAcceptedAt` on the virtual clock.
 */
export async function setUpSimulatedOrg(deps: Deps, scenario: TScenario): Promise<SimulatedOrg> {
  const { orgId } = await createOrg(deps, {
    slug: `simulation-${randomUUID().slice(0, 8)}`,
    name: 'Simulation',
    timezone: scenario.org.timezone,
    settings: { policy: { calendar: { id: scenario.org.calendar, overrides: [] } } },
  });
  const departmentId = await insertDepartment(deps, orgId, 'Simulation');
  const staff = await insertSimulatedStaff(deps, orgId);
  const principal: Principal = {
    kind: 'user', orgId, userId: staff.hr, role: 'hr', departmentIds: [], permissions: listPermissions('hr'),
  };
  const sites = new Map<string, string>();
  const candidates: SimulatedCandidate[] = [];
  for (const [index, candidate] of scenario.candidates.entries()) {
    const timeZone = candidate.timezone ?? scenario.org.timezone;
    let siteId = sites.get(timeZone);
    if (!siteId) {
      siteId = await insertSite(deps, orgId, { name: `Site ${timeZone}`, timezone: timeZone, calendar: scenario.org.calendar });
      sites.set(timeZone, siteId);
    }
    const contact = { email: `candidate${index + 1}@simulation.invalid`, phone: `1380000${String(index + 1).padStart(4, '0')}` };
    const id = await insertCandidate(deps, principal, candidate, index, { departmentId, siteId, staff, contact });
    candidates.push({ ref: candidate.ref, index, id, offerAcceptedAt: candidate.offerAcceptedAt, ...contact });
  }
  return { orgId, staff, candidates };
}

async function insertCandidate(
  deps: Deps,
  principal: Principal,
  candidate: TScenarioCandidate,
  index: number,
  refs: { departmentId: string; siteId: string; staff: SimulatedStaff; contact: { email: string; phone: string } },
): Promise<string> {
  try {
    const input = ZCreateCandidate.parse({
      fullName: candidate.name,
      email: refs.contact.email,
      phone: refs.contact.phone,
      language: candidate.language ?? 'zh-CN',
      roleType: candidate.roleType,
      departmentId: refs.departmentId,
      siteId: refs.siteId,
      positionTitle: `Simulated ${candidate.roleType} role`,
      startDate: candidate.startDate,
      // Scenarios carry no pay; messages that quote the offer (total compensation) need one.
      salaryMonthly: 20_000,
      salaryMonths: 13,
      relocation: candidate.relocation ?? false,
      backgroundCheck: candidate.backgroundCheck ?? false,
      channels: candidate.channels ?? ['email'],
      hrOwnerId: refs.staff.hr,
      managerId: refs.staff.manager,
      hrbpId: refs.staff.hrbp,
      adminContactId: refs.staff.admin,
    });
    const created = await createCandidate(deps, principal, input, {});
    return created.id;
  } catch (err) {
    if (err instanceof z.ZodError) {
      const issue = err.issues[0]!;
      const field = String(issue.path[0] ?? 'ref');
      throw new ScenarioError(['candidates', index, SCENARIO_FIELD[field] ?? field], issue.message);
    }
    if (err instanceof AppError && err.status < 500) {
      throw new ScenarioError(['candidates', index, SCENARIO_FIELD[err.field ?? ''] ?? err.field ?? 'ref'], err.message);
    }
    throw err;
  }
}
