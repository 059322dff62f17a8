import { readFile } from 'node:fs/promises';
import { ScenarioError, ScenarioErrors, parseScenarioText, simulateScenario } from '../services/simulate/index.js';
import { reportCliError } from './errors.js';

/**
 * `preboard simulate FILE`: prints the scenario's timeline as JSON lines on stdout.
 * Bad input (unreadable file, invalid JSON, schema issue, an event the engine refuses)
 * goes to stderr naming the field, and exits 2.
 */
export async function runSimulate(file: string): Promise<void> {
  try {
    const scenario = parseScenarioText(await readScenarioFile(file));
    const lines = await simulateScenario(scenario);
    process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
  } catch (err) {
    if (err instanceof ScenarioErrors || err instanceof ScenarioError) {
      const errors = err instanceof ScenarioErrors ? err.errors : [err];
      for (const error of errors) process.stderr.write(`error: ${error.describe()}\n`);
      process.exit(2);
    }
    reportCliError(err);
  }
}

async function readScenarioFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ScenarioError([], `cannot read ${file} (${reason})`);
  }
}
