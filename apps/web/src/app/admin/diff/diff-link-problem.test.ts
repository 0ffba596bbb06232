// What the diff's not-found page says, read from the address: a damaged link, a damaged cursor (with the list's
// first page to go back to), or an unknown version.
import { describe, expect, it } from 'vitest';
import { diffLinkProblem } from './diff-link-problem';

const FROM = '00000000-0000-4000-8000-000000000001';
const TO = '00000000-0000-4000-8000-000000000002';

describe('what is wrong with a diff link that came to "not found"', () => {
  it('is the link itself when it does not name two versions', () => {
    expect(diffLinkProblem(new URLSearchParams())).toEqual({ kind: 'damaged-link' });
    expect(diffLinkProblem(new URLSearchParams({ from: FROM, to: 'not-an-id' }))).toEqual({
      kind: 'damaged-link',
    });
  });

  it('is the cursor of a list page, with the first page of that list to go back to', () => {
    const query = new URLSearchParams({
      from: FROM,
      to: TO,
      entity: 'governance',
      kind: 'changed',
      after: 'xyz',
    });
    expect(diffLinkProblem(query)).toEqual({
      kind: 'damaged-cursor',
      firstPage: `/admin/diff?from=${FROM}&to=${TO}&entity=governance&kind=changed`,
    });
  });

  it('is a version otherwise', () => {
    expect(diffLinkProblem(new URLSearchParams({ from: FROM, to: TO }))).toEqual({ kind: 'unknown-version' });
    const list = new URLSearchParams({ from: FROM, to: TO, entity: 'governance', kind: 'changed' });
    expect(diffLinkProblem(list)).toEqual({ kind: 'unknown-version' });
  });
});
