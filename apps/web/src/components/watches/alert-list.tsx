'use client';
// The user's alerts, newest first: unread ones marked, each with the version that raised it.
import { Button } from '@ree/ui';
import { type AlertRow, describeAlert, fill, label, type WatchLabels } from './watch-text';

export function AlertList({
  alerts,
  labels,
  locale,
  stages,
  busy,
  onMarkRead,
}: {
  alerts: AlertRow[];
  labels: WatchLabels;
  locale: string;
  stages: Record<string, string>;
  busy: boolean;
  onMarkRead: (input: { ids: string[] } | { all: true }) => void;
}) {
  if (alerts.length === 0) return <p>{label(labels, 'watches.noAlerts')}</p>;
  const unread = alerts.filter((a) => a.readAt === null).length;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p>
        {fill(label(labels, 'watches.unread'), { count: unread })}{' '}
        {unread > 0 ? (
          <Button variant="secondary" disabled={busy} onClick={() => onMarkRead({ all: true })}>
            {label(labels, 'watches.markAllRead')}
          </Button>
        ) : null}
      </p>
      <ul className="alert-list" data-testid="alerts">
        {alerts.map((a) => (
          <li
            key={a.id}
            className={a.readAt ? 'alert-list__item' : 'alert-list__item alert-list__item--unread'}
          >
            {a.readAt ? null : (
              <strong className="alert-list__new">{label(labels, 'watches.new.badge')} </strong>
            )}
            <span>{describeAlert(labels, locale, stages, a.message)}</span>
            <br />
            <small>
              {fill(label(labels, 'watches.alertVersion'), {
                label: a.version.label,
                date: date.format(a.createdAt),
              })}
            </small>
            {a.readAt ? null : (
              <>
                {' '}
                <Button variant="secondary" disabled={busy} onClick={() => onMarkRead({ ids: [a.id] })}>
                  {label(labels, 'watches.markRead')}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
