// A figure's error: what went wrong in the reader's language, from the API's error code, with the API's own
// message (English, as the API words it) beside it, marked as such.
import { DataText, Quoting } from '@/components/latin';
import type { Translate } from '@/i18n/translate';
import type { Attempt } from '@/lib/attempt';

type Failure = Extract<Attempt<unknown>, { ok: false }>;

export function ApiError({ failure, t }: { failure: Failure; t: Translate }) {
  const key = failure.notFound
    ? 'figure.errorNotFound'
    : failure.badRequest
      ? 'figure.errorBadRequest'
      : 'figure.error';
  return <Quoting text={t(key)} values={{ message: <DataText>{failure.message}</DataText> }} />;
}
