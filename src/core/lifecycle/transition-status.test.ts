import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CANDIDATE_STATUSES } from '../../contracts/playbook.js';
import { DomainError } from '../errors.js';
import { canTransition, TERMINAL_STATUSES, transitionStatus } from './transition-status.js';

describe('transitionStatus', () => {
  it('walks the happy path', () => {
    const path = ['offer_sent', 'offer_accepted', 'preboarding', 'started', 'onboarded'] as const;
    for (let i = 1; i < path.length; i += 1) expect(transitionStatus(path[i - 1], path[i])).toBe(path[i]);
  });

  it('declined only before acceptance, reneged only after', () => {
    expect(canTransition('offer_sent', 'declined')).toBe(true);
    expect(canTransition('preboarding', 'declined')).toBe(false);
    expect(canTransition('offer_sent', 'reneged')).toBe(false);
    expect(canTransition('delayed', 'reneged')).toBe(true);
  });

  it('after arrival the only way out is leaving, recorded as reneged', () => {
    expect(canTransition('started', 'reneged')).toBe(true);
    expect(canTransition('onboarded', 'reneged')).toBe(true);
    expect(canTransition('started', 'withdrawn')).toBe(false);
    expect(canTransition('onboarded', 'delayed')).toBe(false);
    expect(canTransition('started', 'started')).toBe(false);
  });

  it('delayed returns to preboarding once a new date is agreed', () => {
    expect(transitionStatus('preboarding', 'delayed')).toBe('delayed');
    expect(transitionStatus('delayed', 'preboarding')).toBe('preboarding');
    expect(canTransition('delayed', 'started')).toBe(false);
  });

  it('rejects illegal moves with a typed error', () => {
    try {
      transitionStatus('onboarded', 'preboarding');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'illegal_transition', field: 'status', details: { from: 'onboarded', to: 'preboarding' } });
    }
  });

  it('terminal statuses have no way out (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMINAL_STATUSES), fc.constantFrom(...CANDIDATE_STATUSES), (from, to) => {
        expect(canTransition(from, to)).toBe(false);
      }),
    );
  });
});
