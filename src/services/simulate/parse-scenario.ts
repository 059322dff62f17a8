import type { z } from 'zod';
import { ZScenario, type TScenario } from '../../contracts/scenario.js';
import { ScenarioError, ScenarioErrors } from './scenario-error.js';

/** The only playbook a fresh simulation database holds (seeded on first use). */
const KNOWN_PLAYBOOKS = ['default'];

/**
 * Parses scenario JSON text (DESIGN §7): invalid JSON, every schema issue and
 * simulator-specific mistakes (unknown playbook, instants after `until`) become
 * ScenarioErrors naming the field.
 */
export function parseScenarioText(text: string): TScenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ScenarioErrors([new ScenarioError([], `invalid JSON: ${(err as Error).message}`)]);
  }
  return parseScenario(raw);
}

/** Validates an already-parsed scenario value; see parseScenarioText. */
export function parseScenario(raw: unknown): TScenario {
  const result = ZScenario.safeParse(raw);
  if (!result.success) throw new ScenarioErrors(result.error.issues.flatMap(toScenarioErrors));
  const problems = checkSimulatorLimits(result.data);
  if (problems.length) throw new ScenarioErrors(problems);
  return result.data;
}

/** One error per issue; unknown keys are named as the field itself (`candidates.0.salary`). */
function toScenarioErrors(issue: z.ZodError['issues'][number]): ScenarioError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => new ScenarioError([...issue.path.map(toSegment), key], 'unknown field'));
  }
  return [new ScenarioError(issue.path.map(toSegment), issue.message)];
}

function toSegment(segment: PropertyKey): string | number {
  return typeof segment === 'symbol' ? String(segment) : segment;
}

function checkSimulatorLimits(scenario: TScenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  if (!KNOWN_PLAYBOOKS.includes(scenario.org.playbook)) {
    errors.push(new ScenarioError(['org', 'playbook'], `unknown playbook ${scenario.org.playbook}: expected one of ${KNOWN_PLAYBOOKS.join(', ')}`));
  }
  const until = Date.parse(scenario.until);
  scenario.candidates.forEach((candidate, index) => {
    if (Date.parse(candidate.offerAcceptedAt) > until) {
      errors.push(new ScenarioError(['candidates', index, 'offerAcceptedAt'], `after until (${scenario.until})`));
    }
  });
  scenario.events.forEach((event, index) => {
    if (Date.parse(event.at) > until) errors.push(new ScenarioError(['events', index, 'at'], `after until (${scenario.until})`));
  });
  return errors;
}
