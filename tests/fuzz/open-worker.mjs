// The open worker's entry: registers tsx in this thread, then runs the TypeScript task.
import { register } from 'tsx/esm/api';

register();
await import('./open-task.ts');
