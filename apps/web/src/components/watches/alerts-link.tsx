// The header's link to the alerts page, with the number of unread alerts as a badge (none when there are none).
// A failure to count never breaks the header: the link is shown without a number.
import type { Translate } from '@/i18n/translate';
import { serverApi } from '@/lib/api-server';

async function unread(): Promise<number> {
  try {
    return (await (await serverApi()).watches.unreadCount.query()).unread;
  } catch {
    return 0;
  }
}

export async function AlertsLink({ t }: { t: Translate }) {
  const count = await unread();
  return (
    <a href="/watches" className="alerts-link" data-testid="alerts-link">
      {t('nav.watches')}
      {count > 0 ? (
        <span className="alerts-link__badge" data-testid="alerts-unread">
          <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
          <span className="visually-hidden">{t('nav.watchesUnread', { count })}</span>
        </span>
      ) : null}
    </a>
  );
}
