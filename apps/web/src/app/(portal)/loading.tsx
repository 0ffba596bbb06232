// The data pages stream behind a loading state. This lives in the (portal) group, not at the app root, because
// a root loading.tsx would wrap /admin too: its role check would then run inside Suspense, after the 200 is sent.
import { PageLoading } from '@/components/page-loading';

export default PageLoading;
