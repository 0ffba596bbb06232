// `pnpm --filter @ree/domain method`: writes METHOD.md from the code (see src/score/method-document.ts).
import { writeFileSync } from 'node:fs';
import { methodDocument } from '../src/index.ts';

writeFileSync(new URL('../METHOD.md', import.meta.url), methodDocument());
console.log('METHOD.md written.');
