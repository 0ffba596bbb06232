// A simulation worker thread. The API runs under tsx (`pnpm start`, tests), but a worker thread starts with plain
// Node, which cannot load TypeScript: register tsx here first, then load the task. Plain JavaScript on purpose.
import { register } from 'tsx/esm/api';

register();
const { runScenarioTask } = await import('./scenario-task.ts');

export default runScenarioTask;
