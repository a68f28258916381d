// Runs a command-line script that opens the runtime database: setup problems print as one line, and the database is always closed.
import { closeRuntimeDatabase } from '../db/runtime';
import { DataDirError } from '../db/lock';
import { DatabaseUnavailableError } from '../db/client';
import { EnvError } from '../lib/env';

export function runWithDatabase(main: () => Promise<void>): void {
  main()
    .catch((e) => {
      // An operator can fix these from the message alone; anything else keeps its stack for a bug report.
      const known = e instanceof EnvError || e instanceof DataDirError || e instanceof DatabaseUnavailableError;
      console.error(known ? `✖ ${e.message}` : e);
      process.exitCode = 1;
    })
    .finally(() => closeRuntimeDatabase());
}
