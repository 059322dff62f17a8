import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/services/simulate/index.js';
import { buildCandidate, buildScenario } from './helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'preboard-simulate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulate', file], { cwd: root, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

function writeScenario(name: string, content: unknown): string {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const good = buildScenario([buildCandidate('c1')]);
const withEvent = (event: object) => ({ ...good, events: [{ at: '2026-12-01T09:00:00+08:00', candidate: 'c1', ...event }] });

describe('preboard simulate (child process)', () => {
  it('prints the example timeline, the same bytes simulateScenario returns', async () => {
    const [cli, direct] = await Promise.all([runCli('examples/scenario.json'), simulateScenario(JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(root, 'examples/scenario.json'), 'utf8'))))]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toBe(`${direct.join('\n')}\n`);
  }, 120_000);

  // Bad input exits before any database starts: these run side by side.
  it.concurrent.each([
    ['unknown field', { ...good, candidates: [{ ...good.candidates[0], salary: 30000 }] }, 'candidates.0.salary: unknown field'],
    ['bad enum', withEvent({ type: 'delay_requested', reason: 'bored' }), 'events.0.reason: Invalid option: expected one of'],
    ['bad date', { ...good, candidates: [buildCandidate('c1', { startDate: '2026-02-30' })] }, 'candidates.0.startDate:'],
    ['unknown candidate ref', { ...good, events: [{ at: '2026-12-01T09:00:00+08:00', candidate: 'c9', type: 'arrived' }] }, 'events.0.candidate: unknown candidate c9'],
    ['unknown event type', withEvent({ type: 'teleported' }), 'events.0.type:'],
    ['event after until', withEvent({ type: 'arrived', at: '2028-01-01T09:00:00+08:00' }), 'events.0.at: after until'],
    ['unknown playbook', { ...good, org: { ...good.org, playbook: 'fancy' } }, 'org.playbook: unknown playbook fancy'],
    ['invalid JSON', '{"org": ', 'scenario: invalid JSON'],
  ])('%s → exit 2 naming the field', async (name, content, message) => {
    const outcome = await runCli(writeScenario(name.replaceAll(' ', '-'), content));
    expect(outcome.stderr).toContain(`error: ${message}`);
    expect(outcome.code).toBe(2);
    expect(outcome.stdout).toBe('');
  }, 60_000);

  it('a missing file → exit 2 naming the file', async () => {
    const outcome = await runCli(path.join(dir, 'nope.json'));
    expect(outcome.stderr).toMatch(/error: scenario: cannot read .*nope\.json \(ENOENT\)/);
    expect(outcome.code).toBe(2);
  }, 60_000);

  it('an event the engine refuses → exit 2 naming the event index', async () => {
    const scenario = { ...good, events: [
      { at: '2026-12-14T09:00:00+08:00', candidate: 'c1', type: 'arrived' },
      { at: '2026-12-15T09:00:00+08:00', candidate: 'c1', type: 'delay_requested', reason: 'personal' },
    ] };
    const outcome = await runCli(writeScenario('illegal', scenario));
    expect(outcome.stderr).toContain('error: events.1.type: cannot move a candidate from started to delayed');
    expect(outcome.code).toBe(2);
  }, 120_000);
});

describe('simulateScenario: domain errors name the event', () => {
  it('arrived before the offer was accepted', async () => {
    const scenario = withEvent({ type: 'arrived', at: '2026-11-20T09:00:00+08:00' });
    await expect(simulateScenario(scenario)).rejects.toThrow(
      expect.objectContaining({ path: ['events', 0, 'type'], message: expect.stringContaining('not been accepted yet') }),
    );
  }, 60_000);
});
