// zod compiles object parsers with `new Function` when it may, and first probes with a `new Function('')` it
// catches. Under the portal's CSP (no 'unsafe-eval') the browser blocks that probe and reports it as a violation;
// `jitless` skips the probe and parses without compiling. Import this before any schema parses in the browser.
// Only in the browser: on the server there is no CSP and compiled parsers are faster.
import { config } from 'zod';

if (typeof window !== 'undefined') config({ jitless: true });
