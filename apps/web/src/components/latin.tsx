// Text from the dataset that stays as the data wrote it on a Japanese page too. Marked in the markup, which is also
// what screen readers and translation tools need: English free text carries lang="en", identifiers translate="no".
// The Japanese sweep (tests/e2e/japanese.spec.ts) skips both and fails on any other English it finds.
import { Fragment, type ReactNode } from 'react';

/** English the data carries: a facility's or company's name, a policy title, a note, a source's citation. */
export function DataText({ children }: { children: ReactNode }) {
  return <span lang="en">{children}</span>;
}

/** An identifier (a source id such as usgs-mcs-2026, a dataset version's label): never translated. */
export function Ident({ children }: { children: ReactNode }) {
  return <span translate="no">{children}</span>;
}

/**
 * A translated sentence with identifiers or English names in it, marked as such. `text` is the sentence with the
 * placeholders for them left unfilled (the translator keeps unknown placeholders), so each goes in as markup.
 * @example <Quoting text={t('elements.edition')} values={{ edition: <Ident>usgs-mcs-2026</Ident> }} />
 */
export function Quoting({ text, values }: { text: string; values: Record<string, ReactNode> }) {
  const parts = text.split(/\{(\w+)\}/);
  return (
    <>
      {parts.map((part, i) =>
        // Odd parts are placeholder names; one the caller gave no value for stays visible, as the translator does.
        i % 2 === 0 ? (
          part
        ) : Object.hasOwn(values, part) ? (
          <Fragment key={part}>{values[part]}</Fragment>
        ) : (
          `{${part}}`
        ),
      )}
    </>
  );
}

/**
 * A translated sentence whose `backticked` parts are code (a header, a parameter, a media type): shown as <code>,
 * the same in every language.
 * @example <CodeText text="Send `Authorization: Bearer <token>`." />
 */
export function CodeText({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) =>
        // Odd parts sat between backticks; the index is a stable key, as the text does not reorder.
        i % 2 === 1 ? <code key={i}>{part}</code> : part,
      )}
    </>
  );
}
