/**
 * The life of one checklist item for one candidate:
 *
 *   pending ──mark ready──▶ ready ──upload──▶ submitted ──approve──▶ approved
 *      │  ◀──unmark──          ▲                 │
 *      └──────upload───────────┼─────────────────┤──reject──▶ rejected ──upload / mark ready──▶ …
 *
 * Staff may approve anything not yet approved (an original seen in person counts) and
 * send anything back with a reason.
 * Withdrawing the sensitive-information consent purges the files of sensitive items and
 * sends them back to pending. Pure.
 */
export const ITEM_STATUSES = ['pending', 'ready', 'submitted', 'approved', 'rejected'] as const;
export type TItemStatus = (typeof ITEM_STATUSES)[number];

export type TItemAction = 'mark_ready' | 'unmark_ready' | 'upload' | 'approve' | 'reject' | 'purge';

const ALLOWED: Record<TItemAction, { from: readonly TItemStatus[]; to: TItemStatus }> = {
  mark_ready: { from: ['pending', 'ready', 'rejected'], to: 'ready' },
  unmark_ready: { from: ['ready'], to: 'pending' },
  upload: { from: ['pending', 'ready', 'submitted', 'rejected'], to: 'submitted' },
  // HR may also tick off an item they checked in person (originals on day one).
  approve: { from: ['pending', 'ready', 'submitted', 'rejected'], to: 'approved' },
  // Sending back works from any state: it is how HR ask for something specific, or correct a reason.
  reject: { from: ITEM_STATUSES, to: 'rejected' },
  purge: { from: ITEM_STATUSES, to: 'pending' },
};

/** The status after an action, or undefined when the action does not apply in that status. */
export function nextItemStatus(from: TItemStatus, action: TItemAction): TItemStatus | undefined {
  const rule = ALLOWED[action];
  return rule.from.includes(from) ? rule.to : undefined;
}
