'use client';
// The create form, and the new token's secret shown once with how to use it. The secret lives only in this
// component's state: reloading or leaving the page drops it, as the hint says.
import { Button } from '@ree/ui';
import { useHydrated } from '@ree/ui/confirm-dialog';
import { useState } from 'react';
import { curlExample } from './token-text';

export type TokenLabels = Record<string, string>;
export const label = (labels: TokenLabels, key: string) => labels[`tokens.${key}`] ?? key;

const EXPIRY_DAYS = [30, 90, 365] as const;

export function CreateTokenForm({
  labels,
  busy,
  onCreate,
}: {
  labels: TokenLabels;
  busy: boolean;
  onCreate: (input: { name: string; expiresInDays?: number }, done: () => void) => void;
}) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  // Until hydrated the form would submit as a plain GET and lose what was typed.
  const hydrated = useHydrated();
  return (
    <form
      className="controls"
      onSubmit={(e) => {
        e.preventDefault();
        onCreate({ name, ...(days ? { expiresInDays: Number(days) } : {}) }, () => setName(''));
      }}
    >
      <label>
        {label(labels, 'name')}
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
      </label>
      <label>
        {label(labels, 'expires')}
        <select value={days} onChange={(e) => setDays(e.target.value)}>
          <option value="">{label(labels, 'expiresNever')}</option>
          {EXPIRY_DAYS.map((d) => (
            <option key={d} value={String(d)}>
              {label(labels, 'expiresDays').replace('{days}', String(d))}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="ree-button ree-button--primary" disabled={busy || !hydrated}>
        {label(labels, 'create')}
      </button>
    </form>
  );
}

export function NewTokenSecret({
  secret,
  origin,
  labels,
  onDismiss,
}: {
  secret: string;
  origin: string;
  labels: TokenLabels;
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="token-secret" aria-labelledby="new-token-title">
      <h2 id="new-token-title">{label(labels, 'secretLabel')}</h2>
      <p>
        <code data-testid="new-token-secret">{secret}</code>{' '}
        <Button
          variant="secondary"
          onClick={() =>
            navigator.clipboard?.writeText(secret).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {label(labels, 'copy')}
        </Button>
      </p>
      <p role="status">{copied ? label(labels, 'copied') : null}</p>
      <p>{label(labels, 'copyHint')}</p>
      <p>{label(labels, 'example')}</p>
      <pre>
        <code>{curlExample(origin, secret)}</code>
      </pre>
      <Button variant="secondary" onClick={onDismiss}>
        {label(labels, 'dismiss')}
      </Button>
    </section>
  );
}
