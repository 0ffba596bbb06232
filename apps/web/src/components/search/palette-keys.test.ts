import { describe, expect, it } from 'vitest';
import { opensPalette, paletteKey } from './palette-keys';

describe('paletteKey', () => {
  it('moves down and up, wrapping at both ends', () => {
    expect(paletteKey('ArrowDown', -1, 3)).toEqual({ type: 'move', active: 0 });
    expect(paletteKey('ArrowDown', 2, 3)).toEqual({ type: 'move', active: 0 });
    expect(paletteKey('ArrowUp', 0, 3)).toEqual({ type: 'move', active: 2 });
    expect(paletteKey('ArrowUp', -1, 3)).toEqual({ type: 'move', active: 2 });
    expect(paletteKey('Home', 2, 3)).toEqual({ type: 'move', active: 0 });
    expect(paletteKey('End', 0, 3)).toEqual({ type: 'move', active: 2 });
  });

  it('opens the active option, or the first with none active; ignores keys with no options', () => {
    expect(paletteKey('Enter', 1, 3)).toEqual({ type: 'open', index: 1 });
    expect(paletteKey('Enter', -1, 3)).toEqual({ type: 'open', index: 0 });
    expect(paletteKey('Enter', 5, 3)).toEqual({ type: 'open', index: 2 });
    expect(paletteKey('Enter', -1, 0)).toEqual({ type: 'ignore' });
    expect(paletteKey('ArrowDown', -1, 0)).toEqual({ type: 'ignore' });
  });

  it('closes on Escape and ignores other keys', () => {
    expect(paletteKey('Escape', 1, 3)).toEqual({ type: 'close' });
    expect(paletteKey('a', 1, 3)).toEqual({ type: 'ignore' });
  });
});

describe('opensPalette', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });

  it('opens on Ctrl-K and ⌘-K anywhere', () => {
    expect(opensPalette(key('k', { ctrlKey: true }), { tagName: 'INPUT' })).toBe(true);
    expect(opensPalette(key('K', { metaKey: true }), null)).toBe(true);
    expect(opensPalette(key('k', { ctrlKey: true, altKey: true }), null)).toBe(false);
    expect(opensPalette(key('k'), null)).toBe(false);
  });

  it('opens on "/" only outside a field', () => {
    expect(opensPalette(key('/'), { tagName: 'BODY' })).toBe(true);
    expect(opensPalette(key('/'), { tagName: 'input' })).toBe(false);
    expect(opensPalette(key('/'), { tagName: 'TEXTAREA' })).toBe(false);
    expect(opensPalette(key('/'), { tagName: 'DIV', isContentEditable: true })).toBe(false);
  });
});
