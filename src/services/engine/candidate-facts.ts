import type { Kysely } from 'kysely';
import type { TCandidateChannel, TLanguage, TRoleType, TCalendarId } from '../../contracts/playbook.js';
import type { TCandidateFacts } from '../../core/plan/types.js';
import type { Database } from '../../adapters/db/schema.js';
import { findCandidate } from '../../adapters/db/repos/candidate-repo.js';
import { notFound } from '../errors.js';

const ENGINE_CHANNELS = new Set(['email', 'portal', 'sms', 'wecom', 'wechat', 'phone']);

/**
 * The facts the plan depends on, read from the one record: current offer's start
 * date and site (its time zone and calendar), role type, channels, language.
 */
export async function loadCandidateFacts(db: Kysely<Database>, orgId: string, candidateId: string, offerAcceptedAt: string): Promise<TCandidateFacts> {
  const row = await findCandidate(db, orgId, candidateId, { kind: 'all' });
  if (!row) throw notFound('candidate');
  const site = await db.selectFrom('sites').select(['calendar']).where('org_id', '=', orgId).where('id', '=', row.site_id).executeTakeFirstOrThrow();
  return {
    ref: candidateId,
    startDate: row.start_date,
    offerAcceptedAt,
    timeZone: row.site_timezone,
    roleType: row.role_type as TRoleType,
    relocation: row.relocation,
    backgroundCheck: row.background_check,
    channels: row.channels.filter((c) => ENGINE_CHANNELS.has(c)) as TCandidateChannel[],
    language: row.language as TLanguage,
    siteId: row.site_id,
    calendar: { id: site.calendar as TCalendarId, overrides: [] },
  };
}
