'use client';
// Opens the search palette on Ctrl/⌘-K and "/", and on the header's search field when script runs. The palette
// itself (and TanStack Query with it) is loaded only then, so no page pays for it up front; without script the
// header's form posts to /search.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { opensPalette } from './palette-keys';
import type { PaletteLabels } from './search-palette';

const SearchPalette = lazy(() => import('./search-palette'));

export function SearchLauncher({ labels }: { labels: PaletteLabels }) {
  const [open, setOpen] = useState(false);
  const [initial, setInitial] = useState('');
  const returnTo = useRef<HTMLElement | null>(null);

  const show = useCallback((text: string) => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setInitial(text);
    setOpen(true);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (open || !opensPalette(event, event.target instanceof HTMLElement ? event.target : null)) return;
      event.preventDefault();
      show('');
    };
    // The header's form: with script, submitting it opens the palette on what was typed instead of a new page.
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches('[data-search-form]')) return;
      event.preventDefault();
      show(String(new FormData(form).get('q') ?? ''));
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('submit', onSubmit);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('submit', onSubmit);
    };
  }, [open, show]);

  const close = useCallback(() => setOpen(false), []);

  // Focus goes back where it was before the palette opened (APG dialog pattern) — once the modal dialog is gone,
  // since the page behind it is inert until then.
  useEffect(() => {
    if (open || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [open]);

  return open ? (
    <Suspense fallback={null}>
      <SearchPalette labels={labels} initialQuery={initial} onClose={close} />
    </Suspense>
  ) : null;
}
