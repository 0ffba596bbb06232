// The header's search: a plain GET form to /search (works without script), and the launcher that turns it, "/"
// and Ctrl/⌘-K into the palette when script runs.
import { Button } from '@ree/ui';
import { AsOfField } from '@/components/as-of-field';
import type { MessageKey } from '@/i18n/en';
import type { Locale, Translate } from '@/i18n/translate';
import { SearchLauncher } from './search-launcher';

const KINDS = ['element', 'country', 'facility', 'operator', 'policy', 'partnership', 'investment', 'source'];

export function HeaderSearch({ t, locale }: { t: Translate; locale: Locale }) {
  return (
    <>
      <form
        method="get"
        action="/search"
        className="header-search"
        aria-label={t('search.label')}
        data-search-form
      >
        <AsOfField />
        <label htmlFor="header-search-q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="header-search-q"
          name="q"
          type="search"
          maxLength={100}
          placeholder={t('search.open')}
          className="header-search__input"
        />
        <Button type="submit" variant="secondary">
          {t('search.submit')}
        </Button>
      </form>
      <SearchLauncher
        labels={{
          dialog: t('search.dialog'),
          label: t('search.label'),
          placeholder: t('search.placeholder'),
          hint: t('search.hint'),
          loading: t('search.loading'),
          none: t('search.none'),
          error: t('search.error'),
          locale,
          kinds: Object.fromEntries(KINDS.map((k) => [k, t(`search.kind.${k}` as MessageKey)])),
        }}
      />
    </>
  );
}
