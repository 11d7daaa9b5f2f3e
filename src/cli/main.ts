/** Entry point of `npm run cli -- <command>`; see cli.ts. */
import { runCli } from './cli';
import { defaultContext } from './context';

runCli(process.argv.slice(2), defaultContext()).then(
  (code) => {
    // Let stdout drain instead of exiting at once; the database is closed by then.
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
