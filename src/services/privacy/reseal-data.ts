import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { documentContext } from '../checklist/checklist-state.js';
import { codeContext } from '../dispatch/direct-message.js';
import { argumentContext } from '../exceptions/salary.js';
import { messageLinkContext } from '../portal/message-links.js';
import type { Deps } from '../deps.js';

/** Per kind of sealed value: how many exist, how many were under an older key, how many were moved. */
export interface ResealCount { total: number; stale: number; resealed: number; skipped: number }
export interface ResealReport {
  activeKeyId: string;
  dryRun: boolean;
  documents: ResealCount;
  salaryArguments: ResealCount;
  loginCodes: ResealCount;
  /** Secrets of the portal links in messages that may still be retried. */
  messageLinks: ResealCount;
  /** Key ids still found after the run (with --dry-run: before it), for deciding when an old key may go. */
  keysInUse: string[];
}

const BATCH = 200;
const emptyCount = (): ResealCount => ({ total: 0, stale: 0, resealed: 0, skipped: 0 });

interface SealedRow<V> { org_id: string; id: string; candidate_id: string; value: V; message_id?: string | null }
interface Kind<V> {
  /** Rows after (orgId, id), in key order, at most BATCH. */
  page: (after: { orgId: string; id: string } | null) => Promise<SealedRow<V>[]>;
  keyIdOf: (value: V) => string;
  reseal: (row: SealedRow<V>) => V;
  /** Writes the new value only if the stored one is still the old one; true when a row changed. */
  write: (row: SealedRow<V>, next: V) => Promise<boolean>;
}

async function resealKind<V>(deps: Deps, kind: Kind<V>, dryRun: boolean, inUse: Set<string>, touched: Map<string, number>): Promise<ResealCount> {
  const count = emptyCount();
  let after: { orgId: string; id: string } | null = null;
  for (;;) {
    const rows = await kind.page(after);
    for (const row of rows) {
      count.total += 1;
      let keyId: string;
      try {
        keyId = kind.keyIdOf(row.value);
      } catch {
        // Not a sealed value at all: leave it for a person to look at rather than guess.
        count.skipped += 1;
        continue;
      }
      if (keyId === deps.vault.activeKeyId) { inUse.add(keyId); continue; }
      count.stale += 1;
      if (dryRun) { inUse.add(keyId); continue; }
      let next: V;
      try {
        next = kind.reseal(row);
      } catch {
        // Its key is gone from the ring (or the value was tampered with): it cannot move.
        inUse.add(keyId);
        count.skipped += 1;
        continue;
      }
      if (await kind.write(row, next)) {
        count.resealed += 1;
        inUse.add(deps.vault.activeKeyId);
        touched.set(row.org_id, (touched.get(row.org_id) ?? 0) + 1);
      } else {
        // Rewritten or purged meanwhile: whoever wrote it sealed it with the active key.
        count.skipped += 1;
      }
    }
    if (rows.length < BATCH) return count;
    const last = rows[rows.length - 1]!;
    after = { orgId: last.org_id, id: last.id };
  }
}

const bytes = (v: Uint8Array) => Buffer.from(v);

/**
 * Moves every sealed value (uploaded documents, salary arguments, login codes, message
 * link secrets) to the active key — the first in the ring — so an older key can then be
 * removed. Each value is opened with its own key and context and sealed again; a row is
 * only written if it still holds what was read, so it is safe beside a running server.
 * Runs in batches and can be interrupted and run again. Audited per organisation.
 */
export async function resealData(deps: Deps, options: { dryRun: boolean }): Promise<ResealReport> {
  const { db, vault } = deps;
  const inUse = new Set<string>();
  const touched = new Map<string, number>();

  const documents: Kind<Uint8Array> = {
    page: async (after) => (await db.selectFrom('checklist_documents').select(['org_id', 'id', 'candidate_id', 'sealed_content as value'])
      .where('sealed_content', 'is not', null)
      .$if(after !== null, (q) => q.where((eb) => eb.or([eb('org_id', '>', after!.orgId), eb.and([eb('org_id', '=', after!.orgId), eb('id', '>', after!.id)])])))
      .orderBy('org_id').orderBy('id').limit(BATCH).execute()) as SealedRow<Uint8Array>[],
    keyIdOf: (v) => vault.keyIdOf(bytes(v)),
    reseal: (r) => vault.seal(vault.open(bytes(r.value), documentContext(r.org_id, r.candidate_id, r.id)), documentContext(r.org_id, r.candidate_id, r.id)),
    write: async (r, next) => Number((await db.updateTable('checklist_documents').set({ sealed_content: next, key_id: vault.activeKeyId })
      .where('org_id', '=', r.org_id).where('id', '=', r.id).where('sealed_content', '=', bytes(r.value)).executeTakeFirst()).numUpdatedRows) === 1,
  };
  const salaryArguments: Kind<string> = {
    page: (after) => db.selectFrom('salary_requests').select(['org_id', 'id', 'candidate_id', 'argument_sealed as value'])
      .$if(after !== null, (q) => q.where((eb) => eb.or([eb('org_id', '>', after!.orgId), eb.and([eb('org_id', '=', after!.orgId), eb('id', '>', after!.id)])])))
      .orderBy('org_id').orderBy('id').limit(BATCH).execute(),
    keyIdOf: (v) => vault.keyIdOf(Buffer.from(v, 'base64')),
    reseal: (r) => vault.sealText(vault.openText(r.value, argumentContext(r.org_id, r.candidate_id)), argumentContext(r.org_id, r.candidate_id)),
    write: async (r, next) => Number((await db.updateTable('salary_requests').set({ argument_sealed: next })
      .where('org_id', '=', r.org_id).where('id', '=', r.id).where('argument_sealed', '=', r.value).executeTakeFirst()).numUpdatedRows) === 1,
  };
  const loginCodes: Kind<string> = {
    page: (after) => db.selectFrom('portal_codes').select(['org_id', 'id', 'candidate_id', 'code_sealed as value'])
      .$if(after !== null, (q) => q.where((eb) => eb.or([eb('org_id', '>', after!.orgId), eb.and([eb('org_id', '=', after!.orgId), eb('id', '>', after!.id)])])))
      .orderBy('org_id').orderBy('id').limit(BATCH).execute(),
    keyIdOf: (v) => vault.keyIdOf(Buffer.from(v, 'base64')),
    reseal: (r) => vault.sealText(vault.openText(r.value, codeContext(r)), codeContext(r)),
    write: async (r, next) => Number((await db.updateTable('portal_codes').set({ code_sealed: next })
      .where('org_id', '=', r.org_id).where('id', '=', r.id).where('code_sealed', '=', r.value).executeTakeFirst()).numUpdatedRows) === 1,
  };

  const linkContext = (r: SealedRow<string>) => messageLinkContext({ org_id: r.org_id, candidate_id: r.candidate_id, id: r.message_id! });
  const messageLinks: Kind<string> = {
    page: async (after) => (await db.selectFrom('portal_tokens').select(['org_id', 'id', 'candidate_id', 'message_id', 'secret_sealed as value'])
      .where('secret_sealed', 'is not', null).where('message_id', 'is not', null)
      .$if(after !== null, (q) => q.where((eb) => eb.or([eb('org_id', '>', after!.orgId), eb.and([eb('org_id', '=', after!.orgId), eb('id', '>', after!.id)])])))
      .orderBy('org_id').orderBy('id').limit(BATCH).execute()) as SealedRow<string>[],
    keyIdOf: (v) => vault.keyIdOf(Buffer.from(v, 'base64')),
    reseal: (r) => vault.sealText(vault.openText(r.value, linkContext(r)), linkContext(r)),
    write: async (r, next) => Number((await db.updateTable('portal_tokens').set({ secret_sealed: next })
      .where('org_id', '=', r.org_id).where('id', '=', r.id).where('secret_sealed', '=', r.value).executeTakeFirst()).numUpdatedRows) === 1,
  };

  const report: ResealReport = {
    activeKeyId: vault.activeKeyId,
    dryRun: options.dryRun,
    documents: await resealKind(deps, documents, options.dryRun, inUse, touched),
    salaryArguments: await resealKind(deps, salaryArguments, options.dryRun, inUse, touched),
    loginCodes: await resealKind(deps, loginCodes, options.dryRun, inUse, touched),
    messageLinks: await resealKind(deps, messageLinks, options.dryRun, inUse, touched),
    keysInUse: [],
  };
  report.keysInUse = [...inUse].sort();
  const at = deps.clock.now();
  for (const [orgId, resealed] of touched) {
    await appendAudit(db, { orgId, actorKind: 'system', actorId: null, action: 'reseal', entity: 'sealed_data', detail: { resealed, activeKeyId: vault.activeKeyId }, at });
  }
  return report;
}
