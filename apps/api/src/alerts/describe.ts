// An alert in words, for the e-mail digest (the portal words its own, from its dictionaries). English and
// Japanese, since the account keeps no language: the digest carries both.
import type { AlertMessage } from './schemas.ts';

export type MailLocale = 'en' | 'ja';

const number = (locale: MailLocale, digits: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** "72.4 (was 75.0)", or the value alone when the previous version had none. */
function moved(locale: MailLocale, digits: number, before: number | null, after: number): string {
  const f = number(locale, digits);
  if (before === null) return f.format(after);
  return locale === 'ja'
    ? `${f.format(after)}（前回 ${f.format(before)}）`
    : `${f.format(after)} (was ${f.format(before)})`;
}

export function describeAlert(message: AlertMessage, locale: MailLocale): string {
  const ja = locale === 'ja';
  switch (message.kind) {
    case 'score_below': {
      const what = `${message.consumer} ${message.material} ${message.stage} ${message.year}`;
      const value = moved(locale, 1, message.before, message.after);
      const threshold = number(locale, 1).format(message.threshold);
      return ja
        ? `レジリエンススコア ${what} が ${threshold} を下回りました: ${value}`
        : `Resilience score ${what} fell below ${threshold}: ${value}`;
    }
    case 'hhi_above': {
      const what = `${message.material} ${message.stage} ${message.year}`;
      const value = moved(locale, 0, message.before, message.after);
      const threshold = number(locale, 0).format(message.threshold);
      return ja
        ? `生産の HHI ${what} が ${threshold} を上回りました: ${value}`
        : `Production HHI ${what} rose above ${threshold}: ${value}`;
    }
    case 'new_export_control': {
      const list = message.controls.map((c) => `${c.title} (${c.country}, ${c.effectiveOn})`).join('; ');
      return ja
        ? `${message.element} を対象とする新たな輸出規制: ${list}`
        : `New export control covering ${message.element}: ${list}`;
    }
  }
}
