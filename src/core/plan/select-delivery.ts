import {
  PERSON_OPERATED_CHANNELS,
  type TCandidateChannel,
  type TPlannedKind,
  type TPlaybookStep,
} from '../../contracts/playbook.js';

export interface TDelivery {
  kind: TPlannedKind;
  channel: TCandidateChannel | null;
  /** A message a person must send (WeChat, phone): a task carrying the prepared text. */
  preparedMessage: boolean;
}

/**
 * How a step reaches people. Messages use the first preferred channel the candidate has,
 * else email, else the portal inbox (every candidate has one). Channels that need a
 * person turn the message into a task for its owner. Escalations are their own kind.
 */
export function selectDelivery(step: TPlaybookStep, candidateChannels: readonly TCandidateChannel[]): TDelivery {
  if (step.escalation && step.action !== 'message') return { kind: 'escalation', channel: null, preparedMessage: false };
  if (step.action !== 'message') return { kind: 'task', channel: null, preparedMessage: false };
  const preferred = (step.channels ?? []).find((channel) => candidateChannels.includes(channel));
  const channel = preferred ?? (candidateChannels.includes('email') ? 'email' : 'portal');
  const needsPerson = PERSON_OPERATED_CHANNELS.includes(channel);
  return { kind: needsPerson ? 'task' : 'message', channel, preparedMessage: needsPerson };
}

/** True for items that reach the candidate as an outbound message (cap + quiet hours). */
export function isCandidateMessage(step: TPlaybookStep): boolean {
  return step.action === 'message';
}

/** `stepId#occurrence`: stable across re-plans. */
export function toStepKey(stepId: string, occurrence: number): string {
  return `${stepId}#${occurrence}`;
}
