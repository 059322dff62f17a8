import { createVault, newKeySpec, parseKeyRing } from '../../adapters/crypto/vault.js';
import { connectDatabase, type DatabaseHandle } from '../../adapters/db/connect.js';
import { prepareSchema } from '../../adapters/db/prepare.js';
import type { TEffect } from '../../core/events/index.js';
import type { Deps } from '../deps.js';
import type { EngineObserver } from '../engine/persist-reduction.js';
import { dispatchDueMessages } from '../dispatch/dispatch-due.js';
import { createRecordingChannels, type SimulatedDelivery } from './recording-channels.js';
import type { SimulatedOrg } from './set-up-org.js';
import { formatTimelineLine } from './format-line.js';
import { parseScenario } from './parse-scenario.js';
import { runTimeline } from './run-timeline.js';
import { setUpSimulatedOrg } from './set-up-org.js';
import { createVirtualClock } from './virtual-clock.js';

export interface SimulateOptions {
  /**
   * A migrated database to run in instead of a fresh throw-away one; the caller keeps
   * and closes it. Each run has an organisation of its own, so runs never mix.
   */
  database?: DatabaseHandle;
  /** Sees every message the dispatcher handed to a (recording) channel adapter. */
  onDelivery?: (delivery: SimulatedDelivery & { candidate: string }) => void;
}

const PUBLIC_URL = 'https://preboard.simulation.invalid';

interface CollectedLine {
  at: number;
  candidateIndex: number;
  seq: number;
  text: string;
}

/**
 * Runs a scenario (DESIGN §7) through the real engine, policies and persistence on a
 * throw-away embedded database with a virtual clock; returns the timeline as JSON lines
 * sorted by time, then by candidate (scenario order), then in the order they happened.
 * Throws ScenarioErrors / ScenarioError for bad input, naming the field.
 */
export async function simulateScenario(input: unknown, options: SimulateOptions = {}): Promise<string[]> {
  const scenario = parseScenario(input);
  const database = options.database ?? (await openThrowAwayDatabase());
  try {
    const lines: CollectedLine[] = [];
    const refs = new Map<string, { ref: string; index: number }>();
    const observer: EngineObserver = {
      onEffects: (_orgId, candidateId, effects) => collectLines(lines, refs.get(candidateId), effects),
    };
    const clock = createVirtualClock(findStartInstant(scenario));
    let world: SimulatedOrg | undefined;
    const channels = createRecordingChannels(clock, (delivery) => {
      const candidate = world?.candidates.find((c) => c.email === delivery.to || c.phone === delivery.to);
      options.onDelivery?.({ ...delivery, candidate: candidate?.ref ?? '' });
    });
    const deps: Deps & { clock: typeof clock } = { db: database.db, clock, vault: createVault(parseKeyRing(newKeySpec('sim'))), observer, channels, dispatch: { publicUrl: PUBLIC_URL } };
    world = await setUpSimulatedOrg(deps, scenario);
    for (const candidate of world.candidates) refs.set(candidate.id, candidate);
    const orgId = world.orgId;
    await runTimeline({ deps, world, scenario, afterInstant: () => dispatchAllDue(deps, orgId) });
    return lines.sort((a, b) => a.at - b.at || a.candidateIndex - b.candidateIndex || a.seq - b.seq).map((line) => line.text);
  } finally {
    if (!options.database) await database.close();
  }
}

/** Sends what fell due through the recording adapters; an unexpected failure is a bug, not a line. */
async function dispatchAllDue(deps: Deps, orgId: string): Promise<void> {
  const result = await dispatchDueMessages(deps, { orgId });
  if (result.errors.length) throw new Error(`dispatch failed: ${result.errors.map((e) => e.error).join('; ')}`);
}

/** The simulator owns its database: embedded, in memory, gone when the run ends. */
async function openThrowAwayDatabase(): Promise<DatabaseHandle> {
  const database = await connectDatabase({ dataDir: 'memory://' });
  await prepareSchema(database, { queue: false });
  return database;
}

function findStartInstant(scenario: { candidates: { offerAcceptedAt: string }[]; events: { at: string }[] }): number {
  return Math.min(...scenario.candidates.map((c) => Date.parse(c.offerAcceptedAt)), ...scenario.events.map((e) => Date.parse(e.at)));
}

function collectLines(lines: CollectedLine[], candidate: { ref: string; index: number } | undefined, effects: readonly TEffect[]) {
  if (!candidate) throw new Error('effect for a candidate outside the scenario');
  for (const effect of effects) {
    lines.push({ at: Date.parse(effect.at), candidateIndex: candidate.index, seq: lines.length, text: formatTimelineLine(effect, candidate.ref) });
  }
}
