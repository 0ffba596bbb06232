// The version picker and banner: newest first with the current one marked, the current version as the empty
// value, and "go to current" back to the same page with its other parameters.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '@/i18n/translate';
import type { VersionView } from '@/lib/as-of-server';
import { VersionBar } from './version-bar';

const t = translator('en');
const NEW = { id: 'b0000000-0000-4000-8000-000000000002', label: 'Reference 2026.2', isCurrent: true };
const OLD = { id: 'a0000000-0000-4000-8000-000000000001', label: 'Reference 2026.1', isCurrent: false };
const current = { ...NEW, publishedAt: new Date('2026-12-02T09:00:00Z'), note: null, usgsEdition: 2026 };
const older = { ...OLD, publishedAt: new Date('2026-11-30T09:00:00Z'), note: null, usgsEdition: null };

function view(shown: VersionView['versions'][number]): VersionView {
  return {
    versions: [current, older],
    current,
    shown,
    problem: null,
    path: '/score',
    query: new URLSearchParams('consumer=JPN&material=Dy'),
  };
}

describe('VersionBar', () => {
  it('lists versions newest first, marks the current one, and keeps the page parameters in its form', () => {
    const html = renderToStaticMarkup(<VersionBar view={view(current)} t={t} />);
    expect(html).toContain('action="/score"');
    expect(html).toContain('<input type="hidden" name="consumer" value="JPN"/>');
    expect(html).toContain('<input type="hidden" name="material" value="Dy"/>');
    const options = [...html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(options).toEqual([
      ['', 'Reference 2026.2, published 2026-12-02 · USGS MCS 2026 · current'],
      [OLD.id, 'Reference 2026.1, published 2026-11-30'],
    ]);
    expect(html).not.toContain('data-testid="as-of-banner"');
  });

  it('shows a banner for an older version, with a link to the same page in the current one', () => {
    const html = renderToStaticMarkup(<VersionBar view={view(older)} t={t} />);
    expect(html).toMatch(new RegExp(`<option value="${OLD.id}"[^>]* selected="">`));
    expect(html).toContain(
      'You are viewing version Reference 2026.1 published 2026-11-30; current is Reference 2026.2.',
    );
    expect(html).toContain('<a href="/score?consumer=JPN&amp;material=Dy">Go to current</a>');
  });
});
