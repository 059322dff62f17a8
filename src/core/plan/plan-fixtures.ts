/** Test fixtures for plan tests (kept beside them; not exported from the core index). */
import { DEFAULT_ORG_POLICY } from '../../contracts/playbook.js';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import type { TCandidateFacts, TComputePlanInput } from './types.js';

export function buildCandidate(overrides: Partial<TCandidateFacts> = {}): TCandidateFacts {
  return {
    ref: 'c1',
    startDate: '2026-12-14',
    offerAcceptedAt: '2026-11-25T10:00:00+08:00',
    timeZone: 'Asia/Shanghai',
    roleType: 'tech',
    relocation: false,
    backgroundCheck: true,
    channels: ['email', 'sms'],
    language: 'zh-CN',
    ...overrides,
  };
}

export function buildPlanInput(overrides: Partial<TCandidateFacts> = {}, now?: string): TComputePlanInput {
  const candidate = buildCandidate(overrides);
  return { candidate, playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY, now: now ?? candidate.offerAcceptedAt };
}
