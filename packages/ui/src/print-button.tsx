'use client';
// "Print / PDF": the browser's print dialog, where "Save as PDF" makes the report (the print stylesheet lays it
// out). Shown only once the page is interactive: without JavaScript the button could do nothing, and the
// browser's own Print menu still works.
import { Button } from './button';
import { useHydrated } from './confirm-dialog';

export function PrintButton({ label }: { label: string }) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
