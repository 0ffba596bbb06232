import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { translator } from './translate';

describe('translations', () => {
  it('Japanese has every key, none left in English', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      if (key === 'app.name') continue;
      expect(ja[key], key).not.toBe(en[key]);
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translator('en')('auth.signedInAs', { name: 'Aiko' })).toBe('Signed in as Aiko');
    expect(translator('ja')('auth.signedInAs', { name: 'Aiko' })).toBe('Aiko としてログイン中');
    expect(translator('en')('auth.signedInAs')).toBe('Signed in as {name}');
  });
});
