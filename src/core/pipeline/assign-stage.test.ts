import { describe, expect, it } from 'vitest';
import { CANDIDATE_STATUSES } from '../../contracts/common.js';
import { assignPipelineStage } from './assign-stage.js';

describe('assignPipelineStage', () => {
  it('puts an offer still out, or accepted but not yet confirmed, in offer confirmation', () => {
    expect(assignPipelineStage('offer_sent', 30)).toBe('offer_confirmation');
    expect(assignPipelineStage('offer_sent', 1)).toBe('offer_confirmation');
    expect(assignPipelineStage('offer_accepted', 12)).toBe('offer_confirmation');
  });

  it('moves confirmed candidates through prep, the final days and day one by the start date', () => {
    expect(assignPipelineStage('preboarding', 4)).toBe('prep');
    expect(assignPipelineStage('delayed', 20)).toBe('prep');
    expect(assignPipelineStage('preboarding', 3)).toBe('final_days');
    expect(assignPipelineStage('preboarding', 1)).toBe('final_days');
    expect(assignPipelineStage('preboarding', 0)).toBe('day_one');
    // Short notice: accepted two days out is already in the final days.
    expect(assignPipelineStage('offer_accepted', 2)).toBe('final_days');
  });

  it('keeps a passed start date without a recorded arrival on day one', () => {
    expect(assignPipelineStage('preboarding', -2)).toBe('day_one');
  });

  it('shows arrivals and recent onboardings as started, and leaves exits off the board', () => {
    expect(assignPipelineStage('started', -1)).toBe('started');
    expect(assignPipelineStage('onboarded', -30)).toBe('started');
    expect(assignPipelineStage('onboarded', -31)).toBeNull();
    for (const exit of ['declined', 'reneged', 'withdrawn'] as const) expect(assignPipelineStage(exit, 5)).toBeNull();
  });

  it('answers for every status', () => {
    for (const status of CANDIDATE_STATUSES) expect(() => assignPipelineStage(status, 5)).not.toThrow();
  });
});
