import { DEFAULT_ORG_POLICY } from '../src/contracts/playbook.js';
import { computePlan } from '../src/core/plan/compute-plan.js';
import { DEFAULT_PLAYBOOK } from '../src/core/playbooks/default-playbook.js';
import type { TComputePlanInput } from '../src/core/plan/types.js';
import { measureRate, type BenchResult } from './measure.js';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];
const ROLES = ['tech', 'management', 'sales', 'operations', 'campus', 'other'] as const;

/**
 * A spread of realistic inputs: different zones, role types, acceptance lead times. Every
 * acceptance instant is distinct (37 minutes apart, about 250 days in all); each hire
 * starts on the first Monday at least 5–44 days after accepting (most start at the
 * beginning of a week), so what candidates share is what a real org's hires share: start
 * days, zones, facts and the playbook.
 */
function buildInputs(count: number): TComputePlanInput[] {
  const first = Date.UTC(2026, 10, 1, 2);
  return Array.from({ length: count }, (_, i) => {
    const accepted = new Date(first + i * 37 * 60_000);
    const earliest = new Date(accepted.getTime() + (5 + (i % 40)) * 86_400_000);
    const start = new Date(earliest.getTime() + ((8 - earliest.getUTCDay()) % 7) * 86_400_000);
    return {
      candidate: {
        ref: `c${i}`, startDate: start.toISOString().slice(0, 10), offerAcceptedAt: accepted.toISOString(),
        timeZone: ZONES[i % ZONES.length]!, roleType: ROLES[i % ROLES.length]!, relocation: i % 3 === 0,
        backgroundCheck: i % 2 === 0, channels: ['email', 'sms'], language: i % 2 ? 'zh-CN' : 'en-US',
      },
      playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY, now: accepted.toISOString(),
    };
  });
}

/**
 * Pure-core plan computation throughput; baseline: deep-copying the same inputs (a
 * machine-speed yardstick). Also reported: the same plans each placed from scratch (no
 * later stages reused), which is what a re-plan with history costs.
 */
export function benchPlan(): BenchResult[] {
  const inputs = buildInputs(10_000);
  let sink = 0;
  // Steady state, as in a long-running worker: one pass over the inputs before measuring.
  for (const input of inputs) sink += computePlan(input).items.length;
  const plans = measureRate((i) => { sink += computePlan(inputs[i % inputs.length]!).items.length; });
  const scratch = measureRate((i) => { sink += computePlan(inputs[i % inputs.length]!, { reuse: false }).items.length; });
  const copies = measureRate((i) => { sink += structuredClone(inputs[i % inputs.length]!).candidate.ref.length; });
  if (sink === 0) throw new Error('nothing computed');
  const baseline = { name: 'structuredClone of the input', value: copies };
  return [
    { name: 'plan computation (pure core)', value: plans, unit: 'plans/s', baseline, ratio: plans / copies, goal: '≥ 100 000 plans/s', pass: plans >= 100_000 },
    { name: 'plan computation, every plan placed from scratch', value: scratch, unit: 'plans/s', baseline, ratio: scratch / copies },
  ];
}
