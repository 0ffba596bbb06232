'use client';
import { DataTable } from '@ree/ui';
import { ConfirmButton } from '@ree/ui/confirm-dialog';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
// The account's API tokens through TanStack Query: the list (first drawn from the server's answer), creating one
// (its secret shown once) and revoking, each followed by reading the list again.
import { Ident } from '@/components/latin';
import type { RouterOutputs } from '@/lib/api-types';
import { useTRPC } from '@/lib/trpc-react';
import { CreateTokenForm, label, NewTokenSecret, type TokenLabels } from './create-token';
import { fill } from './token-text';

type Token = RouterOutputs['tokens']['list'][number];

export function TokensPanel({
  initial,
  labels,
  locale,
  origin,
}: {
  initial: Token[];
  labels: TokenLabels;
  locale: string;
  origin: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const [said, setSaid] = useState<{ status: string | null; error: string | null }>({
    status: null,
    error: null,
  });
  const tokens = useQuery({ ...trpc.tokens.list.queryOptions(), initialData: initial });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tokens.list.queryKey() });
  const failed = (error: { message: string }) => setSaid({ status: null, error: error.message });
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: (created) => {
        setSecret(created.secret);
        setSaid({ status: fill(label(labels, 'created'), { name: created.token.name }), error: null });
        return refresh();
      },
      onError: failed,
    }),
  );
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: (token) => {
        setSaid({ status: fill(label(labels, 'revoked'), { name: token.name }), error: null });
        return refresh();
      },
      onError: failed,
    }),
  );
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (d: Date | null) => (d ? date.format(d) : label(labels, 'never'));
  return (
    <>
      <div className="admin-feedback">
        <p role="status" className="admin-feedback__status">
          {said.status}
        </p>
        <p role="alert" className="form-error admin-feedback__error">
          {said.error}
        </p>
      </div>
      <CreateTokenForm
        labels={labels}
        busy={create.isPending}
        onCreate={(input, done) => create.mutate(input, { onSuccess: done })}
      />
      {secret ? (
        <NewTokenSecret secret={secret} origin={origin} labels={labels} onDismiss={() => setSecret(null)} />
      ) : null}
      <h2>{label(labels, 'list')}</h2>
      {tokens.data.length === 0 ? (
        <p>{label(labels, 'empty')}</p>
      ) : (
        <div className="ree-table-wrap">
          <DataTable
            caption={label(labels, 'list')}
            rows={tokens.data}
            rowKey={(t) => t.id}
            columns={[
              // A name its owner gave: shown as written, in whatever language (the Japanese sweep skips it).
              { header: label(labels, 'name'), cell: (t) => <Ident>{t.name}</Ident> },
              { header: label(labels, 'prefix'), cell: (t) => <code>{t.prefix}…</code> },
              { header: label(labels, 'createdAt'), cell: (t) => when(t.createdAt) },
              { header: label(labels, 'lastUsed'), cell: (t) => when(t.lastUsedAt) },
              { header: label(labels, 'expiresAt'), cell: (t) => when(t.expiresAt) },
              { header: label(labels, 'status'), cell: (t) => label(labels, `status.${t.status}`) },
              {
                header: label(labels, 'what'),
                cell: (t) =>
                  t.status === 'revoked' ? null : (
                    <ConfirmButton
                      label={label(labels, 'revoke')}
                      disabled={revoke.isPending}
                      title={fill(label(labels, 'confirmRevoke.title'), { name: t.name })}
                      message={label(labels, 'confirmRevoke.message')}
                      confirmLabel={label(labels, 'revoke')}
                      cancelLabel={label(labels, 'cancel')}
                      onConfirm={() => revoke.mutate({ id: t.id })}
                    />
                  ),
              },
            ]}
          />
        </div>
      )}
    </>
  );
}
