#!/usr/bin/env node
import { runMain } from './cli.ts';
import { nodeIo } from './io.ts';

// Output into a pipe that closed early (`consent-sim … | head`) is the reader's choice, not an
// error: stop quietly with exit 0 instead of an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const io = nodeIo();
runMain(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user error: show the stack so it can be reported.
    io.stderr(
      `consent-sim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    io.stderr('This is a bug in consent-sim; please report it with the command you ran.\n');
    process.exitCode = 70;
  },
);
