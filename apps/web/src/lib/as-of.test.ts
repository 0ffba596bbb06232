import { describe, expect, it } from 'vitest';
import { asOfInput, parseAsOf, withAsOf } from './as-of';

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c0d9e8f7a6b';
const OTHER = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('parseAsOf', () => {
  it('reads nothing or an empty value as the current version', () => {
    expect(parseAsOf(undefined)).toEqual({ kind: 'current' });
    expect(parseAsOf(null)).toEqual({ kind: 'current' });
    expect(parseAsOf('')).toEqual({ kind: 'current' });
    expect(parseAsOf([])).toEqual({ kind: 'current' });
  });

  it('reads a version id (any case) as that version', () => {
    expect(parseAsOf(ID)).toEqual({ kind: 'version', id: ID });
    expect(parseAsOf(ID.toUpperCase())).toEqual({ kind: 'version', id: ID });
    expect(parseAsOf([ID])).toEqual({ kind: 'version', id: ID });
  });

  it('calls anything else invalid, and keeps what was given for the message', () => {
    expect(parseAsOf('2024')).toEqual({ kind: 'invalid', given: '2024' });
    expect(parseAsOf([ID, OTHER])).toEqual({ kind: 'invalid', given: `${ID},${OTHER}` });
  });
});

describe('withAsOf', () => {
  it('adds the version to a portal link, keeping its query and fragment', () => {
    expect(withAsOf('/dashboard', ID)).toBe(`/dashboard?asOf=${ID}`);
    expect(withAsOf('/score?consumer=JPN&material=Dy', ID)).toBe(
      `/score?consumer=JPN&material=Dy&asOf=${ID}`,
    );
    expect(withAsOf('/elements/Dy#stage-mining', ID)).toBe(`/elements/Dy?asOf=${ID}#stage-mining`);
  });

  it('replaces a version already there, or removes it for the current version', () => {
    expect(withAsOf(`/timeline?asOf=${OTHER}&page=2`, ID)).toBe(`/timeline?page=2&asOf=${ID}`);
    expect(withAsOf(`/timeline?page=2&asOf=${OTHER}`, undefined)).toBe('/timeline?page=2');
    expect(withAsOf('/countries', undefined)).toBe('/countries');
  });

  it('leaves links off the site alone', () => {
    expect(withAsOf('https://pubs.usgs.gov/x.pdf', ID)).toBe('https://pubs.usgs.gov/x.pdf');
    expect(withAsOf('//example.org/a', ID)).toBe('//example.org/a');
  });
});

describe('asOfInput', () => {
  it('sends no asOf for the current version, so answers stay shared', () => {
    expect(asOfInput(undefined)).toEqual({});
    expect(asOfInput(ID)).toEqual({ asOf: ID });
  });
});
