import { afterAll, beforeAll } from 'vitest';
import { simulateScenario } from '../../src/services/simulate/index.js';
import { createTestDatabase, type TestDatabase } from '../db.js';

/** A parsed timeline line (DESIGN §7). */
export interface Line {
  at: string;
  candidate: string;
  kind: 'task' | 'message' | 'escalation' | 'status' | 'cancelled';
  step?: string;
  stage?: string;
  owner?: string;
  owners?: string[];
  channel?: string;
  prepared?: boolean;
  dueAt?: string;
  /** Labour-contract lines only: the last day to sign in time. */
  legalDeadline?: string;
  steps?: string[];
  status?: string;
}

/**
 * One migrated database per test file; every simulation runs in an organisation of its
 * own inside it, which saves starting an embedded Postgres per scenario.
 */
export function useSimulator(): (scenario: unknown) => Promise<Line[]> {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });
  return async (scenario) => (await simulateScenario(scenario, { database })).map((text) => JSON.parse(text) as Line);
}

export const ORG = { timezone: 'Asia/Shanghai', calendar: 'CN', playbook: 'default' } as const;

/** A candidate starting Monday 2026-12-14 who accepted on 2026-11-25 10:00 (Beijing). */
export function buildCandidate(ref: string, extra: Record<string, unknown> = {}) {
  return { ref, name: '张三', roleType: 'tech', startDate: '2026-12-14', offerAcceptedAt: '2026-11-25T10:00:00+08:00', ...extra };
}

export function buildScenario(candidates: object[], events: object[] = [], until = '2027-03-31T00:00:00+08:00') {
  return { org: ORG, candidates, events, until };
}

/** Local wall-clock `HH:MM` of a line's offset timestamp. */
export const localTime = (iso: string) => iso.slice(11, 16);
export const localDate = (iso: string) => iso.slice(0, 10);
export const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
export const find = (lines: Line[], filter: Partial<Line>) =>
  lines.filter((line) => Object.entries(filter).every(([key, value]) => line[key as keyof Line] === value));
