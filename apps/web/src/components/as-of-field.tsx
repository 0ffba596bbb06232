import { AS_OF_PARAM } from '@/lib/as-of';
import { linkedAsOf } from '@/lib/as-of-server';

/** Inside a page's GET form: keeps the dataset version being viewed when the form is sent (nothing for current). */
export async function AsOfField() {
  const asOf = await linkedAsOf();
  return asOf ? <input type="hidden" name={AS_OF_PARAM} value={asOf} /> : null;
}
