// The palette's keyboard, as a pure function (the combobox pattern of WAI-ARIA APG): arrows move the active
// option and wrap, Home/End jump, Enter opens the active one, Escape closes. Kept apart so it is tested alone.

export type PaletteKeyResult =
  | { type: 'move'; active: number }
  | { type: 'open'; index: number }
  | { type: 'close' }
  | { type: 'ignore' };

/** What a key does, given the active option (−1 for none) and how many options there are. */
export function paletteKey(key: string, active: number, count: number): PaletteKeyResult {
  switch (key) {
    case 'ArrowDown':
      return count === 0 ? { type: 'ignore' } : { type: 'move', active: (active + 1) % count };
    case 'ArrowUp':
      return count === 0
        ? { type: 'ignore' }
        : { type: 'move', active: active <= 0 ? count - 1 : active - 1 };
    case 'Home':
      return count === 0 ? { type: 'ignore' } : { type: 'move', active: 0 };
    case 'End':
      return count === 0 ? { type: 'ignore' } : { type: 'move', active: count - 1 };
    case 'Enter':
      // Enter with nothing active opens the best match, as a search box would.
      return count === 0
        ? { type: 'ignore' }
        : { type: 'open', index: Math.max(0, Math.min(active, count - 1)) };
    case 'Escape':
      return { type: 'close' };
    default:
      return { type: 'ignore' };
  }
}

/**
 * Whether a key press anywhere on the page opens the palette: Ctrl-K or ⌘-K always, "/" only when the reader is
 * not typing in a field (so "/" can still be typed in a form).
 */
export function opensPalette(
  event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  target: { tagName?: string; isContentEditable?: boolean } | null,
): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return false;
  const tag = target?.tagName?.toUpperCase();
  return !(tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable === true);
}
