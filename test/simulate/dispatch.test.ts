import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateScenario, type SimulatedDelivery } from '../../src/services/simulate/index.js';
import { createTestDatabase, type TestDatabase } from '../db.js';
import { buildCandidate, buildScenario, type Line } from './helpers.js';

const example = JSON.parse(readFileSync(new URL('../../examples/scenario.json', import.meta.url), 'utf8'));

describe('simulate: messages go through the real dispatcher into recording adapters', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  async function run(scenario: unknown) {
    const deliveries: Array<SimulatedDelivery & { candidate: string }> = [];
    const lines = (await simulateScenario(scenario, { database, onDelivery: (d) => deliveries.push(d) })).map((t) => JSON.parse(t) as Line);
    return { lines, deliveries };
  }

  it.each([
    ['the DESIGN §7 example', example],
    ['a reneged candidate in the talent pool, and a salary change', buildScenario([buildCandidate('pool'), buildCandidate('pay')], [
      { at: '2026-12-03T15:00:00+08:00', candidate: 'pool', type: 'reneged', reason: 'career', talentPoolConsent: true },
      { at: '2026-11-30T22:00:00+08:00', candidate: 'pay', type: 'salary_adjustment_decided', decision: 'rejected' },
    ])],
  ])('%s: every printed message line was recorded by the adapter, and nothing else', async (_name, scenario) => {
    const { lines, deliveries } = await run(scenario);
    // A message the dispatcher could not render or send names its reason here.
    const dead = await database.db.selectFrom('outbound_messages').select(['step_ids', 'last_error']).where('status', '=', 'dead').execute();
    expect(dead).toEqual([]);
    const messages = lines.filter((l) => l.kind === 'message');
    expect(messages.length).toBeGreaterThan(3);
    const key = (candidate: string, at: string, channel: string) => `${candidate} ${Date.parse(at)} ${channel}`;
    const recorded = deliveries.map((d) => key(d.candidate, d.at, d.channel));
    expect(recorded.sort()).toEqual(messages.map((m) => key(m.candidate, m.at, m.channel!)).sort());
    expect(deliveries.every((d) => d.text.length > 0 && d.to.endsWith('@simulation.invalid'))).toBe(true);
  });
});
