// The facilities page's filters: one GET form, so every view (the map and the table alike) is a shareable URL.
import { ElementSymbol, FacilityStage, FacilityStatus, type Iso3, type Material } from '@ree/domain';
import type { Translate } from '@/i18n/translate';
import { translateValue } from '@/i18n/translate';
import { AS_OF_PARAM } from '@/lib/as-of';

export const SORTS = ['name', 'country', 'stage', 'capacityPerYear', 'startYear', 'operator'] as const;

/** What the product select offers: the heavy and light groups first (the question asked most), then mixes, elements. */
const PRODUCTS: readonly Material[] = ['HREE', 'LREE', 'NdPr', ...ElementSymbol.options];

export interface FilterValues {
  stage?: FacilityStage | undefined;
  operatingStatus?: FacilityStatus | undefined;
  product?: Material | undefined;
  /** Set by links (a country's page), not by a control here: kept when the other filters change. */
  country?: Iso3 | undefined;
  search?: string | undefined;
  sort: (typeof SORTS)[number];
  direction: 'asc' | 'desc';
}

function productLabel(t: Translate, product: Material): string {
  if (product === 'HREE') return t('facilities.productHeavy');
  if (product === 'LREE') return t('facilities.productLight');
  return product;
}

/** `asOf`: the dataset version being viewed, kept when the filters are sent (none for the current one). */
export function FacilityFilters({ values, t, asOf }: { values: FilterValues; t: Translate; asOf?: string }) {
  return (
    <form className="controls" method="get" aria-label={t('facilities.filter')}>
      {asOf ? <input type="hidden" name={AS_OF_PARAM} value={asOf} /> : null}
      <label>
        {t('select.stage')}
        <select name="stage" defaultValue={values.stage ?? ''}>
          <option value="">{t('facilities.all')}</option>
          {FacilityStage.options.map((s) => (
            <option key={s} value={s}>
              {translateValue(t, 'stage', s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('facilities.product')}
        <select name="product" defaultValue={values.product ?? ''} aria-describedby="facility-product-help">
          <option value="">{t('facilities.all')}</option>
          {PRODUCTS.map((p) => (
            <option key={p} value={p}>
              {productLabel(t, p)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('facilities.status')}
        <select name="operatingStatus" defaultValue={values.operatingStatus ?? ''}>
          <option value="">{t('facilities.all')}</option>
          {FacilityStatus.options.map((s) => (
            <option key={s} value={s}>
              {translateValue(t, 'facilityStatus', s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('facilities.operator')}
        <input name="search" defaultValue={values.search ?? ''} maxLength={100} />
      </label>
      <label>
        {t('facilities.sort')}
        <select name="sort" defaultValue={values.sort}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`facilities.sortBy.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        ↑↓
        <select name="direction" defaultValue={values.direction}>
          <option value="asc">{t('facilities.sortAsc')}</option>
          <option value="desc">{t('facilities.sortDesc')}</option>
        </select>
      </label>
      {values.country ? <input type="hidden" name="country" value={values.country} /> : null}
      <button type="submit" className="ree-button ree-button--primary">
        {t('select.apply')}
      </button>
      <p id="facility-product-help" className="controls__help">
        {t('facilities.productHelp')}
      </p>
    </form>
  );
}
