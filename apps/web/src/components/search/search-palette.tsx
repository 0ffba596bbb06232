'use client';
// The search palette: a modal dialog with a combobox and its listbox (WAI-ARIA APG combobox pattern). Focus stays
// in the field; the arrows move aria-activedescendant over the options; Enter opens; Escape closes. Results come
// from search.query through TanStack Query, so typing reuses answers already fetched.
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { localName } from '@/i18n/names';
import type { Locale } from '@/i18n/translate';
import { AS_OF_PARAM, asOfInput, parseAsOf, withAsOf } from '@/lib/as-of';
import { targetHref } from '@/lib/entity-href';
import { ApiQueryProvider, useTRPC } from '@/lib/trpc-react';
import { paletteKey } from './palette-keys';

export interface PaletteLabels {
  dialog: string;
  label: string;
  placeholder: string;
  hint: string;
  loading: string;
  none: string;
  error: string;
  kinds: Record<string, string>;
  /** Countries and elements are named in it; the other hits keep the data's (English) names, marked lang="en". */
  locale: Locale;
}

interface Props {
  labels: PaletteLabels;
  initialQuery: string;
  onClose: () => void;
}

export default function SearchPalette(props: Props) {
  return (
    <ApiQueryProvider>
      <Palette {...props} />
    </ApiQueryProvider>
  );
}

function Palette({ labels, initialQuery, onClose }: Props) {
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(-1);
  const q = useDeferredValue(query.trim());
  // The dataset version the page shows (its `?asOf=`): hits come from it, and opening one stays in it.
  const [asOf] = useState(() => {
    const request = parseAsOf(new URLSearchParams(window.location.search).getAll(AS_OF_PARAM));
    return request.kind === 'version' ? request.id : undefined;
  });
  const result = useQuery(
    trpc.search.query.queryOptions(q ? { q, limit: 12, ...asOfInput(asOf) } : skipToken, {
      placeholderData: keepPreviousData,
    }),
  );
  const hits = q.length > 0 ? (result.data?.hits ?? []) : [];
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
  }, []);
  useEffect(() => setActive(-1), [q]);

  const openHit = (index: number) => {
    const hit = hits[index];
    const href = hit ? targetHref(hit.target) : null;
    if (href) window.location.assign(withAsOf(href, asOf));
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const action = paletteKey(event.key, active, hits.length);
    if (action.type === 'ignore') return;
    event.preventDefault();
    if (action.type === 'move') setActive(action.active);
    else if (action.type === 'open') openHit(action.index);
    else onClose();
  };

  const status =
    q.length === 0
      ? labels.hint
      : result.isError
        ? labels.error.replace('{message}', result.error.message)
        : result.isPending
          ? labels.loading
          : hits.length === 0
            ? labels.none.replace('{q}', q)
            : labels.hint;

  return (
    // The native dialog keeps focus inside and gives Escape as "cancel"; closing hands focus back via onClose.
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; the keyboard's way is Escape.
    <dialog
      ref={dialog}
      className="search-palette"
      aria-label={labels.dialog}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
    >
      <label htmlFor={`${ids}-input`} className="search-palette__label">
        {labels.label}
      </label>
      <input
        id={`${ids}-input`}
        className="search-palette__input"
        type="text"
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && active < hits.length ? optionId(active) : undefined}
        placeholder={labels.placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <div id={listId} role="listbox" aria-label={labels.label} className="search-palette__list">
        {hits.map((hit, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the combobox's field.
          <div
            key={`${hit.kind}-${hit.id}`}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            className="search-palette__option"
            onMouseMove={() => setActive(i)}
            onClick={() => openHit(i)}
          >
            <span className="search-palette__kind">{labels.kinds[hit.kind] ?? hit.kind}</span>
            {hit.kind === 'country' || hit.kind === 'element' ? (
              <span className="search-palette__name">
                {hit.kind === 'country'
                  ? localName(labels.locale, 'country', hit.id, hit.label)
                  : labels.locale === 'ja'
                    ? `${localName('ja', 'material', hit.id, hit.label)} (${hit.id})`
                    : hit.label}
              </span>
            ) : (
              <span className="search-palette__name" lang="en">
                {hit.label}
              </span>
            )}
            {hit.detail ? (
              <span className="search-palette__detail" lang="en">
                {hit.detail}
              </span>
            ) : null}
          </div>
        ))}
      </div>
      <p className="search-palette__status" aria-live="polite">
        {status}
      </p>
    </dialog>
  );
}
