import { describe, expect, it } from 'vitest';
import { buildCandidate, buildScenario, find, useSimulator } from './helpers.js';

/** Start Monday 2026-11-30 (legal deadline 2026-12-29), accepted two weeks before. */
const candidate = (ref: string) => buildCandidate(ref, { startDate: '2026-11-30', offerAcceptedAt: '2026-11-16T10:00:00+08:00' });
const arrived = (ref: string) => ({ at: '2026-11-30T09:10:00+08:00', candidate: ref, type: 'arrived' });

describe('simulate: the labour contract after arrival', () => {
  const simulate = useSimulator();

  it('arrived prints the signing task with its legal deadline; unsigned, the executive escalation follows; signed or gone, nothing does', async () => {
    const lines = await simulate(buildScenario([candidate('open'), candidate('signed'), candidate('left')], [
      arrived('open'), arrived('signed'), arrived('left'),
      { at: '2026-12-03T15:00:00+08:00', candidate: 'signed', type: 'task_completed', step: 'contract.sign_labour_contract' },
      { at: '2026-12-04T11:00:00+08:00', candidate: 'left', type: 'reneged', reason: 'personal' },
    ], '2027-01-31T00:00:00+08:00'));
    const task = find(lines, { candidate: 'open', step: 'contract.sign_labour_contract' });
    // The contract line: the DESIGN §7 keys in their order, then the added legalDeadline.
    expect(task.map((l) => JSON.stringify(l))).toEqual([
      '{"at":"2026-11-30T09:10:00+08:00","candidate":"open","kind":"task","step":"contract.sign_labour_contract","stage":"contract","owner":"hr","dueAt":"2026-12-09T09:10:00+08:00","legalDeadline":"2026-12-29"}',
    ]);
    expect(find(lines, { step: 'contract.escalate_executive' })).toEqual([{
      at: '2026-12-25T09:00:00+08:00', candidate: 'open', kind: 'escalation', step: 'contract.escalate_executive', stage: 'contract',
      owner: 'executive', owners: ['executive', 'hrbp'], dueAt: '2026-12-28T09:00:00+08:00', legalDeadline: '2026-12-29',
    }]);
    expect(find(lines, { candidate: 'signed', kind: 'task', step: 'contract.sign_labour_contract' })).toHaveLength(1);
    expect(find(lines, { candidate: 'left', kind: 'status', status: 'reneged' }).map((l) => l.at)).toEqual(['2026-12-04T11:00:00+08:00']);
    expect(find(lines, { candidate: 'left', kind: 'cancelled', step: 'contract.sign_labour_contract' })).toEqual([
      { at: '2026-12-04T11:00:00+08:00', candidate: 'left', kind: 'cancelled', step: 'contract.sign_labour_contract' },
    ]);
    // Only the contract lines carry the new key.
    expect(lines.filter((l) => 'legalDeadline' in l).every((l) => l.step?.startsWith('contract.'))).toBe(true);
  });
});
