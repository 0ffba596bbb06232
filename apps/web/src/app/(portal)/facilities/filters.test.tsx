// The filter form offers the heavy and light groups and each element, keeps a country set by a link, and says
// what counts as producing an element.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '@/i18n/translate';
import { FacilityFilters } from './filters';

const render = (values: Parameters<typeof FacilityFilters>[0]['values'], locale: 'en' | 'ja' = 'en') =>
  renderToStaticMarkup(<FacilityFilters values={values} t={translator(locale)} />);

describe('FacilityFilters', () => {
  it('offers heavy rare earths first, then light, NdPr and every element, with the pick selected', () => {
    const html = render({ product: 'HREE', sort: 'name', direction: 'asc' });
    expect(html).toMatch(
      /<select name="product" aria-describedby="facility-product-help"><option value="">All<\/option><option value="HREE" selected="">Heavy rare earths \(any of Eu–Lu, Y\)<\/option><option value="LREE">Light/,
    );
    for (const symbol of ['NdPr', 'Dy', 'Tb', 'Y', 'Sc'])
      expect(html).toContain(`<option value="${symbol}">`);
    expect(html).not.toContain('value="REE"');
    expect(html).toContain('id="facility-product-help"');
  });

  it('keeps a country filter that came with the link, and only then', () => {
    expect(render({ country: 'JPN', sort: 'name', direction: 'asc' })).toContain(
      '<input type="hidden" name="country" value="JPN"/>',
    );
    expect(render({ sort: 'name', direction: 'asc' })).not.toContain('name="country"');
  });

  it('speaks Japanese', () => {
    const html = render({ sort: 'name', direction: 'asc' }, 'ja');
    expect(html).toContain('元素またはグループ');
    expect(html).toContain('重希土類（Eu〜Lu、Yのいずれか）');
  });
});
