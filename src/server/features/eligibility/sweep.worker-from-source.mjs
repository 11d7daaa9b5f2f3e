// Starts the sweep worker from the TypeScript sources (tsx, tests): registers tsx's loader in this thread,
// then loads the worker. The bundle built for `npm start` runs dist/server/sweep.worker.js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
