// The REST API (/api/v1/*: published data as JSON, and its OpenAPI document), streamed to the API server so
// developers call the portal's own origin; the API checks the caller (token or session) on every request.
import { apiRoute } from '@/lib/forward-to-api';

const forward = apiRoute('/api/v1');

export { forward as GET };
export const dynamic = 'force-dynamic';
