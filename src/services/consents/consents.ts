/**
 * Consent records (DESIGN §5, issue 7): give, withdraw, look up. Processing that needs a
 * consent asks `requireConsent` first; withdrawal stops it (callers purge what depended on
 * it). Every change is audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { ConsentsTable, Database } from '../../adapters/db/schema.js';
import {
  consentExpiry, currentWording, renderWording, type TConsentKind, type TConsentLanguage, type WordingFacts,
} from '../../core/consents/wordings.js';
import { AppError } from '../errors.js';

export interface ConsentActor {
  kind: 'candidate' | 'user';
  /** The user's id when staff record it; the candidate id otherwise. */
  id: string;
  ip?: string;
}

export interface GiveConsent {
  orgId: string;
  candidateId: string;
  kind: TConsentKind;
  language: TConsentLanguage;
  facts: WordingFacts;
  typedName?: string;
  details?: Record<string, unknown>;
  by: ConsentActor;
  at: Date;
}

export interface ConsentRecord {
  id: string;
  kind: TConsentKind;
  wordingVersion: string;
  wordingText: string;
  language: string;
  typedName: string | null;
  details: Record<string, unknown>;
  givenAt: string;
  givenBy: 'candidate' | 'user';
  expiresAt: string | null;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

type Row = Selectable<ConsentsTable>;

function present(r: Row): ConsentRecord {
  return {
    id: r.id, kind: r.kind, wordingVersion: r.wording_version, wordingText: r.wording_text, language: r.language,
    typedName: r.typed_name, details: r.details as Record<string, unknown>, givenAt: r.given_at.toISOString(), givenBy: r.given_by,
    expiresAt: r.expires_at?.toISOString() ?? null, withdrawnAt: r.withdrawn_at?.toISOString() ?? null, withdrawnBy: r.withdrawn_by,
  };
}

const normaliseName = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Records a consent with the exact wording shown. Giving a consent that is already live
 * renews it (the old record is closed by the system, a new one starts): for the talent
 * pool that restarts its 24 months. A typed name must match the name on file.
 */
export async function giveConsent(db: Kysely<Database>, input: GiveConsent, nameOnFile: string): Promise<ConsentRecord> {
  const wording = currentWording(input.kind);
  if (wording.typedName) {
    if (!input.typedName?.trim()) throw new AppError(400, 'invalid_input', 'type your full name to agree', 'typedName');
    if (normaliseName(input.typedName) !== normaliseName(nameOnFile)) {
      throw new AppError(400, 'invalid_input', 'the typed name does not match the name on file', 'typedName');
    }
  }
  const text = renderWording(input.kind, input.language, input.facts);
  const id = randomUUID();
  return db.transaction().execute(async (trx) => {
    await trx.updateTable('consents').set({ withdrawn_at: input.at, withdrawn_by: 'system' })
      .where('org_id', '=', input.orgId).where('candidate_id', '=', input.candidateId).where('kind', '=', input.kind)
      .where('withdrawn_at', 'is', null).execute();
    const row = await trx.insertInto('consents').values({
      org_id: input.orgId, id, candidate_id: input.candidateId, kind: input.kind, wording_version: wording.version,
      wording_sha256: createHash('sha256').update(text).digest('hex'), wording_text: text, language: input.language,
      typed_name: input.typedName?.trim() ?? null, details: JSON.stringify(input.details ?? {}), given_at: input.at,
      given_ip: input.by.ip ?? null, given_by: input.by.kind, given_by_user_id: input.by.kind === 'user' ? input.by.id : null,
      expires_at: consentExpiry(input.kind, input.at) ?? null,
    }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, {
      orgId: input.orgId, actorKind: input.by.kind, actorId: input.by.id, action: 'consent_given', entity: 'consent', entityId: id,
      candidateId: input.candidateId, detail: { kind: input.kind, version: wording.version }, ip: input.by.ip, at: input.at,
    });
    return present(row);
  });
}

/** Withdraws the live consent of a kind; returns it, or undefined when there was none. */
export async function withdrawConsent(
  db: Kysely<Database>, orgId: string, candidateId: string, kind: TConsentKind, by: ConsentActor | { kind: 'system'; id?: undefined; ip?: undefined }, at: Date,
): Promise<ConsentRecord | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('consents').set({ withdrawn_at: at, withdrawn_by: by.kind, withdrawn_ip: by.ip ?? null })
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('kind', '=', kind).where('withdrawn_at', 'is', null)
      .returningAll().executeTakeFirst();
    if (!row) return undefined;
    await appendAudit(trx, {
      orgId, actorKind: by.kind, actorId: by.id ?? null, action: 'consent_withdrawn', entity: 'consent', entityId: row.id,
      candidateId, detail: { kind }, ip: by.ip, at,
    });
    return present(row);
  });
}

/** The live consent of a kind at `at` (not withdrawn, not lapsed), if any. */
export async function activeConsent(db: Kysely<Database>, orgId: string, candidateId: string, kind: TConsentKind, at: Date): Promise<ConsentRecord | undefined> {
  const row = await db.selectFrom('consents').selectAll()
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('kind', '=', kind).where('withdrawn_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .executeTakeFirst();
  return row ? present(row) : undefined;
}

/** Refuses processing that needs a consent the candidate has not given (or has withdrawn). */
export async function requireConsent(db: Kysely<Database>, orgId: string, candidateId: string, kind: TConsentKind, at: Date): Promise<ConsentRecord> {
  const consent = await activeConsent(db, orgId, candidateId, kind, at);
  if (!consent) throw new AppError(409, 'consent_required', `this needs the candidate's ${kind.replaceAll('_', '-')} consent first`, 'consent');
  return consent;
}

/** Every consent record of a candidate, newest first (history included). */
export async function listConsents(db: Kysely<Database>, orgId: string, candidateId: string): Promise<ConsentRecord[]> {
  const rows = await db.selectFrom('consents').selectAll().where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
    .orderBy('given_at', 'desc').orderBy('id').execute();
  return rows.map(present);
}
