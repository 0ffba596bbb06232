// Below admin/layout.tsx, so the role check there has answered (403, or 307 to sign-in) before this streams.
import { PageLoading } from '@/components/page-loading';

export default PageLoading;
