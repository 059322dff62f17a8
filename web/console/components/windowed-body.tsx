/**
 * Long tables (a page of 100 or 200 rows) render only the rows near the screen, inside
 * antd's own <table>: the header, its sort buttons, the row and cell semantics screen
 * readers navigate by, and the page's own scrolling (mouse, keys) stay as they are. The
 * rows out of reach are replaced by two empty, hidden spacer rows of their height.
 *
 * antd's `virtual` mode is not used: it draws the body as a grid of <div>s in a scroller of
 * its own, apart from the header table, which loses those semantics and arrow-key scrolling.
 *
 * Use: `<Table components={WINDOWED_TABLE} … />`.
 */
import {
  Children, isValidElement, useCallback, useEffect, useLayoutEffect, useRef, useState,
  type FocusEvent, type HTMLAttributes, type Key, type ReactElement, type ReactNode,
} from 'react';

/** Pages up to this many rows render every row (the default page sizes). */
export const WINDOW_FROM = 50;
/** Rows stay rendered this far beyond the screen, so Tab reaches a row before it is needed. */
const OVERSCAN_PX = 800;
/**
 * Rows kept rendered before and after the focused one, at once on focus (not at the next
 * frame), so Tab and Shift+Tab always find the next row in the document, however fast.
 */
const KEYBOARD_REACH = 10;
/** The height assumed for a row before any is measured (then: the measured rows' average). */
const ESTIMATED_ROW_PX = 60;

interface Range { start: number; end: number; columns: number }

/** antd's body rows carry their row key; its measure row and empty placeholder do not. */
const isRow = (node: ReactNode): node is ReactElement<{ rowKey: Key }> =>
  isValidElement<{ rowKey?: Key }>(node) && node.props.rowKey !== undefined;

/** The top of each row from the first one (and the total height at the end), measured or estimated. */
function computeOffsets(keys: readonly string[], heights: ReadonlyMap<string, number>): number[] {
  let measured = 0;
  for (const h of heights.values()) measured += h;
  const estimate = heights.size ? measured / heights.size : ESTIMATED_ROW_PX;
  const offsets = [0];
  for (const key of keys) offsets.push(offsets[offsets.length - 1]! + (heights.get(key) ?? estimate));
  return offsets;
}

/** The rows from `top` (viewport y of the first row's place) that are on screen or within the overscan. */
function findRange(offsets: readonly number[], top: number, viewport: number): { start: number; end: number } {
  const count = offsets.length - 1;
  const from = -top - OVERSCAN_PX;
  const to = viewport - top + OVERSCAN_PX;
  let start = 0;
  while (start < count && offsets[start + 1]! <= from) start++;
  let end = start;
  while (end < count && offsets[end]! < to) end++;
  return { start, end: Math.max(end, Math.min(count, start + 1)) };
}

/** `range` widened to hold row `index` and KEYBOARD_REACH rows on either side. */
function aroundRow(range: { start: number; end: number }, index: number, count: number): { start: number; end: number } {
  return { start: Math.max(0, Math.min(range.start, index - KEYBOARD_REACH)), end: Math.min(count, Math.max(range.end, index + 1 + KEYBOARD_REACH)) };
}

function WindowedBody({ children, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  const body = useRef<HTMLTableSectionElement>(null);
  const topSpacer = useRef<HTMLTableRowElement>(null);
  const heights = useRef(new Map<string, number>());
  // The row holding the keyboard focus stays rendered wherever the page is scrolled.
  const focused = useRef<string | null>(null);
  const nodes = Children.toArray(children);
  const rows = nodes.filter(isRow);
  const keys = rows.map((row) => String(row.props.rowKey));
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const windowed = rows.length > WINDOW_FROM;
  const [range, setRange] = useState<Range>({ start: 0, end: WINDOW_FROM, columns: 1 });

  const update = useCallback(() => {
    const tbody = body.current;
    const spacer = topSpacer.current;
    if (!tbody || !spacer) return;
    const all = keysRef.current;
    let columns = 1;
    for (const tr of tbody.querySelectorAll<HTMLTableRowElement>(':scope > tr[data-row-key]')) {
      heights.current.set(tr.dataset.rowKey!, tr.getBoundingClientRect().height);
      columns = tr.cells.length;
    }
    const next = findRange(computeOffsets(all, heights.current), spacer.getBoundingClientRect().top, window.innerHeight);
    const held = focused.current === null ? -1 : all.indexOf(focused.current);
    if (held >= 0) Object.assign(next, aroundRow(next, held, all.length));
    setRange((prev) => (prev.start === next.start && prev.end === next.end && prev.columns === columns ? prev : { ...next, columns }));
  }, []);

  // After every render: measure what is shown, then settle the range before the browser paints.
  useLayoutEffect(() => {
    if (windowed) update();
  });

  useEffect(() => {
    if (!windowed) return undefined;
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; update(); });
    };
    // Capture: scrolling of any ancestor (the page, a layout pane) moves the table.
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const resize = new ResizeObserver(schedule);
    if (body.current) resize.observe(body.current);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      resize.disconnect();
    };
  }, [windowed, update]);

  const onFocus = (e: FocusEvent<HTMLTableSectionElement>) => {
    focused.current = (e.target as HTMLElement).closest('tr[data-row-key]')?.getAttribute('data-row-key') ?? null;
    const held = focused.current === null ? -1 : keys.indexOf(focused.current);
    if (held < 0) return;
    setRange((prev) => {
      const next = aroundRow(prev, held, keys.length);
      return next.start === prev.start && next.end === prev.end ? prev : { ...prev, ...next };
    });
  };
  const onBlur = (e: FocusEvent<HTMLTableSectionElement>) => {
    if (!body.current?.contains(e.relatedTarget as Node | null)) focused.current = null;
  };

  if (!windowed) return <tbody {...rest}>{children}</tbody>;
  const offsets = computeOffsets(keys, heights.current);
  const start = Math.min(range.start, rows.length);
  const end = Math.min(Math.max(range.end, start), rows.length);
  const spacer = (height: number) => <td colSpan={range.columns} style={{ height, padding: 0, border: 0 }} />;
  return (
    <tbody {...rest} ref={body} onFocus={onFocus} onBlur={onBlur}>
      {nodes.filter((node) => !isRow(node))}
      <tr ref={topSpacer} aria-hidden="true" data-testid="rows-above">{spacer(offsets[start]!)}</tr>
      {rows.slice(start, end)}
      <tr aria-hidden="true" data-testid="rows-below">{spacer(offsets[rows.length]! - offsets[end]!)}</tr>
    </tbody>
  );
}

/** antd Table `components` that window the body of long pages (see above). */
export const WINDOWED_TABLE = { body: { wrapper: WindowedBody } };
