// Admin file transfers (/files/*: dataset uploads, version exports, the audit CSV), streamed to the API.
import { apiRoute } from '@/lib/forward-to-api';

const forward = apiRoute('/files');

export { forward as GET, forward as POST };
export const dynamic = 'force-dynamic';
