// A page's first API call decides its answer: a wrong link is "page not found", but the API being busy or failing
// must not be — a 404 would tell the visitor (and a crawler, and a monitor) that the link is wrong.
import { describe, expect, it } from 'vitest';
import { type Attempt, foundOrThrow } from './attempt';

const failed = (code: 'notFound' | 'badRequest' | 'other'): Attempt<never> => ({
  ok: false,
  message: 'The API is busy right now.',
  notFound: code === 'notFound',
  badRequest: code === 'badRequest',
});

/** What `fn` threw, as Next tells a not-found apart from an error: by the error's digest. */
function thrown(fn: () => unknown): { digest?: string; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { digest?: string; message: string };
  }
  throw new Error('nothing was thrown');
}

describe('foundOrThrow', () => {
  it('gives the data of a call that answered', () => {
    expect(foundOrThrow({ ok: true, data: 42 })).toBe(42);
  });

  it('makes NOT_FOUND and BAD_REQUEST a 404 (the link is wrong)', () => {
    expect(thrown(() => foundOrThrow(failed('notFound'))).digest).toMatch(/;404$/);
    expect(thrown(() => foundOrThrow(failed('badRequest'))).digest).toMatch(/;404$/);
  });

  it('throws any other failure as an error, not a 404 (a shed or failed call is the server, not the link)', () => {
    const error = thrown(() => foundOrThrow(failed('other')));
    expect(error.digest ?? '').not.toMatch(/404/);
    expect(error.message).toBe('The API is busy right now.');
  });
});
