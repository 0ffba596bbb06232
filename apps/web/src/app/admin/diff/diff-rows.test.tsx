// The diff page's row tables: a list that goes on links to its next page with the cursor (and how far the admin
// has come) in the address, so a long list is paged through server-rendered pages.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '@/i18n/translate';
import { DiffParams, type EntityDiff } from './diff-links';
import { DiffRows } from './diff-rows';

const FROM = '00000000-0000-4000-8000-000000000001';
const TO = '00000000-0000-4000-8000-000000000002';

const production: EntityDiff = {
  entity: 'production',
  file: 'production.csv',
  columns: ['country', 'quantity'],
  counts: { added: 1, removed: 0, changed: 450, unchanged: 10 },
  added: [{ key: 'JPN', row: { country: 'JPN', quantity: 5 } }],
  removed: [],
  changed: [
    {
      key: 'CHN',
      before: { country: 'CHN', quantity: null },
      after: { country: 'CHN', quantity: 7 },
      fields: ['quantity'],
    },
  ],
  next: { added: null, removed: null, changed: 'WyJDSE4iXQ' },
};

describe('DiffRows', () => {
  it('links to the next page of a list that goes on, saying how many rows come next', () => {
    const html = renderToStaticMarkup(
      <DiffRows
        diff={production}
        versions={{ from: FROM, to: TO }}
        limit={200}
        seen={400}
        t={translator('en')}
      />,
    );
    const href = `/admin/diff?from=${FROM}&amp;to=${TO}&amp;entity=production&amp;kind=changed&amp;after=WyJDSE4iXQ&amp;seen=401`;
    expect(html).toContain(`<a href="${href}">Next 49 changed rows →</a>`);
    expect(html).not.toContain('added rows');
    expect(html).toContain('<del>–</del> <mark>7</mark>');
    const ja = renderToStaticMarkup(
      <DiffRows diff={production} versions={{ from: FROM, to: TO }} limit={200} t={translator('ja')} />,
    );
    expect(ja).toContain('変更された行の次の 200 件');
  });

  it('reads a page of a list from the address; a bad table or kind falls back to the overview', () => {
    const list = {
      from: FROM,
      to: TO,
      entity: 'production',
      kind: 'changed',
      after: 'WyJDSE4iXQ',
      seen: '400',
    };
    expect(DiffParams.parse(list)).toEqual({ ...list, seen: 400 });
    expect(DiffParams.parse({ ...list, entity: 'costs', kind: 'moved' })).toMatchObject({
      entity: undefined,
      kind: undefined,
    });
  });
});
