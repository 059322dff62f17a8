/**
 * Compression (DESIGN §3): a step whose offset already lies in the past, or before the
 * steps of an earlier stage, is due at the floor instead. `compressed` tells the UI why
 * the due time differs from the playbook's.
 */
export function compressDue(natural: Date, floors: readonly Date[]): { at: Date; compressed: boolean } {
  let at = natural;
  for (const floor of floors) {
    if (floor.getTime() > at.getTime()) at = floor;
  }
  return { at, compressed: at.getTime() !== natural.getTime() };
}
