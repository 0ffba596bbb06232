// The e-mail digest: one message per user per newly current version, listing that user's new alerts, with a
// link to the portal and an unsubscribe link that works without signing in. Each alert is marked emailed once
// sent, so a second run for the same version sends nothing again.
import type { Db } from '../db/client.ts';
import type { VersionRef } from '../queries/versions.ts';
import { describeAlert } from './describe.ts';
import type { Mail } from './mailer.ts';
import { AlertMessage } from './schemas.ts';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export interface DigestLinks {
  watches: string;
  unsubscribe: string;
}

/** The digest for one user, or null when there is nothing new to send. */
export function composeDigest(
  to: string,
  version: VersionRef,
  messages: AlertMessage[],
  links: DigestLinks,
): Mail | null {
  if (messages.length === 0) return null;
  const en = messages.map((m) => describeAlert(m, 'en'));
  const ja = messages.map((m) => describeAlert(m, 'ja'));
  const subject = `REE Resilience: ${messages.length} alert${messages.length === 1 ? '' : 's'} in ${version.label}`;
  const text = [
    `The dataset version "${version.label}" was published and set off your watches:`,
    '',
    ...en.map((l) => `- ${l}`),
    '',
    `データセット版「${version.label}」の公開で、次のウォッチが作動しました:`,
    '',
    ...ja.map((l) => `- ${l}`),
    '',
    `Your watches / ウォッチ: ${links.watches}`,
    `Stop these e-mails / メール配信の停止: ${links.unsubscribe}`,
  ].join('\n');
  const list = (lines: string[]) => `<ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  const html = [
    `<p>The dataset version “${escapeHtml(version.label)}” was published and set off your watches:</p>`,
    list(en),
    `<p lang="ja">データセット版「${escapeHtml(version.label)}」の公開で、次のウォッチが作動しました:</p>`,
    `<div lang="ja">${list(ja)}</div>`,
    `<p><a href="${escapeHtml(links.watches)}">Your watches / ウォッチ</a></p>`,
    `<p><a href="${escapeHtml(links.unsubscribe)}">Stop these e-mails / メール配信の停止</a></p>`,
  ].join('\n');
  return {
    to,
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${links.unsubscribe}>` },
  };
}

/** The users' alerts for `version` not yet e-mailed, when they still want e-mail. */
export async function pendingDigests(db: Db, versionId: string, userIds: string[]) {
  const users = await db.user.findMany({
    where: {
      id: { in: userIds },
      disabled: false,
      OR: [{ alertSettings: null }, { alertSettings: { emailDigest: true } }],
    },
    select: {
      id: true,
      email: true,
      alerts: {
        where: { versionId, emailedAt: null },
        select: { id: true, message: true },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  return users
    .filter((u) => u.alerts.length > 0)
    .map((u) => ({
      userId: u.id,
      email: u.email,
      ids: u.alerts.map((a) => a.id),
      messages: u.alerts.map((a) => AlertMessage.parse(a.message)),
    }));
}
