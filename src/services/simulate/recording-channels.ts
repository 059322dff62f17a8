import { buildSent, type ChannelAdapter, type SmsAdapter } from '../../adapters/channels/index.js';
import type { Clock, DispatchChannels } from '../deps.js';

/** A message the dispatcher handed to a channel during a simulation. */
export interface SimulatedDelivery {
  /** Virtual time of the send (UTC ISO). */
  at: string;
  channel: 'email' | 'sms';
  /** Email address or phone number the simulator gave the candidate. */
  to: string;
  subject: string;
  text: string;
}

/**
 * Channel adapters that record instead of send (DESIGN §7): email and SMS answer
 * "sent" at the virtual time and report each message to `record`.
 */
export function createRecordingChannels(clock: Clock, record: (delivery: SimulatedDelivery) => void): Required<DispatchChannels> {
  let sent = 0;
  const accept = (delivery: Omit<SimulatedDelivery, 'at'>) => {
    record({ at: clock.now().toISOString(), ...delivery });
    sent += 1;
    return buildSent(`simulated-${sent}`);
  };
  const email: ChannelAdapter = {
    channel: 'email-recording',
    send: async (message) => accept({ channel: 'email', to: String(message.to), subject: message.subject ?? '', text: message.text }),
  };
  const sms: SmsAdapter = {
    channel: 'sms-recording',
    send: async (message) => accept({ channel: 'sms', to: message.to, subject: '', text: message.kind === 'notice' ? message.link : '' }),
  };
  return { email, sms };
}
