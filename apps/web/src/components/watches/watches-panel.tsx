'use client';
// The watches page's live part through TanStack Query: the create form, the user's watches (delete with a
// confirmation), the alerts (mark read) and the e-mail choice. Each change reads the lists again.
import { DataTable } from '@ree/ui';
import { ConfirmButton } from '@ree/ui/confirm-dialog';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { RouterOutputs } from '@/lib/api-types';
import { useTRPC } from '@/lib/trpc-react';
import { AlertList } from './alert-list';
import { WatchForm, type WatchOptions } from './watch-form';
import { type AlertRow, describeWatch, fill, label, type WatchLabels, type WatchRow } from './watch-text';

type Settings = RouterOutputs['watches']['settings'];

export function WatchesPanel({
  initial,
  labels,
  locale,
  options,
}: {
  initial: { watches: WatchRow[]; alerts: AlertRow[]; settings: Settings };
  labels: WatchLabels;
  locale: string;
  options: WatchOptions;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [said, setSaid] = useState<{ status: string | null; error: string | null }>({
    status: null,
    error: null,
  });
  const stages = Object.fromEntries(options.stages.map((s) => [s.value, s.name]));
  const describe = (w: WatchRow) => describeWatch(labels, locale, stages, w.params);
  const watches = useQuery({ ...trpc.watches.list.queryOptions(), initialData: initial.watches });
  const alerts = useQuery({ ...trpc.watches.notifications.queryOptions({}), initialData: initial.alerts });
  const settings = useQuery({ ...trpc.watches.settings.queryOptions(), initialData: initial.settings });
  const failed = (error: { message: string }) => setSaid({ status: null, error: error.message });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.watches.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.watches.notifications.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.watches.unreadCount.queryKey() }),
    ]);
  const create = useMutation(
    trpc.watches.create.mutationOptions({
      onSuccess: (w) => {
        setSaid({ status: fill(label(labels, 'watches.created'), { what: describe(w) }), error: null });
        return refresh();
      },
      onError: failed,
    }),
  );
  const remove = useMutation(trpc.watches.delete.mutationOptions({ onError: failed }));
  const markRead = useMutation(
    trpc.watches.markRead.mutationOptions({
      onSuccess: (r) => {
        setSaid({ status: fill(label(labels, 'watches.markedRead'), { count: r.marked }), error: null });
        return refresh();
      },
      onError: failed,
    }),
  );
  const email = useMutation(
    trpc.watches.setEmailDigest.mutationOptions({
      onSuccess: (r) => {
        setSaid({ status: label(labels, `watches.emailSaved.${r.emailDigest ? 'on' : 'off'}`), error: null });
        return queryClient.invalidateQueries({ queryKey: trpc.watches.settings.queryKey() });
      },
      onError: failed,
    }),
  );
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
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
      <h2>{label(labels, 'watches.alerts')}</h2>
      <AlertList
        alerts={alerts.data}
        labels={labels}
        locale={locale}
        stages={stages}
        busy={markRead.isPending}
        onMarkRead={(input) => markRead.mutate(input)}
      />
      <h2>{label(labels, 'watches.new')}</h2>
      <WatchForm
        labels={labels}
        options={options}
        busy={create.isPending}
        onCreate={(w) => create.mutate(w)}
      />
      <h2>{label(labels, 'watches.mine')}</h2>
      {watches.data.length === 0 ? (
        <p>{label(labels, 'watches.none')}</p>
      ) : (
        <>
          <p>
            {fill(label(labels, 'watches.count'), {
              count: watches.data.length,
              max: settings.data.maxWatches,
            })}
          </p>
          <div className="ree-table-wrap">
            <DataTable
              caption={label(labels, 'watches.mine')}
              rows={watches.data}
              rowKey={(w) => w.id}
              columns={[
                { header: label(labels, 'watches.what'), cell: (w) => describe(w) },
                { header: label(labels, 'watches.since'), cell: (w) => date.format(w.createdAt) },
                {
                  header: label(labels, 'watches.actions'),
                  cell: (w) => (
                    <ConfirmButton
                      label={label(labels, 'watches.delete')}
                      disabled={remove.isPending}
                      title={fill(label(labels, 'watches.confirmDelete.title'), { what: describe(w) })}
                      message={label(labels, 'watches.confirmDelete.message')}
                      confirmLabel={label(labels, 'watches.delete')}
                      cancelLabel={label(labels, 'watches.cancel')}
                      onConfirm={() =>
                        remove.mutate(
                          { id: w.id },
                          {
                            onSuccess: () => {
                              setSaid({
                                status: fill(label(labels, 'watches.deleted'), { what: describe(w) }),
                                error: null,
                              });
                              return refresh();
                            },
                          },
                        )
                      }
                    />
                  ),
                },
              ]}
            />
          </div>
        </>
      )}
      <h2>{label(labels, 'watches.email')}</h2>
      {settings.data.emailAvailable ? (
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={settings.data.emailDigest}
            disabled={email.isPending}
            onChange={(e) => email.mutate({ on: e.target.checked })}
          />{' '}
          {label(labels, 'watches.emailOn')}
        </label>
      ) : (
        <p data-testid="email-unavailable">{label(labels, 'watches.emailUnavailable')}</p>
      )}
    </>
  );
}
