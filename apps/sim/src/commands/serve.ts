import { type Command, flag, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';
import { allRoles, processOfRole } from '../process-option.ts';
import { startSutServer } from '../serve/server.ts';

/** The port option: 0 (any free port) to 65535. */
export function portOption(value: string | undefined): number {
  if (value === undefined) return 8080;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw usageError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl-C, `kill`), so the server closes its connections
 * and the process ends; a second signal while it closes ends the process at once.
 */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve a reference role over the SUT protocol (consent-sim.sut/1)',
  usage: [
    'serve --role <vnb|sp|customer|seller|datahub> [--port N] [--host 127.0.0.1] [--no-steps]',
  ],
  help: `
Plays one reference role (the real role machine on a virtual clock that the caller sets) behind
the SUT protocol: POST /consent-sim/v1/reset, /clock and /deliver, JSON in and out, the role's
documents in every answer's outbox. Point \`sim conform\` (or your own harness) at it.
The protocol: docs/sut-protocol.md. The customer role serves the process of the reset request
(cm-req-off or dh-831). Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --role R     vnb, sp, customer (CM_REQ_OFF) or seller, datahub, customer (DH-831)
  --port N     default 8080; 0 picks a free port
  --host H     default 127.0.0.1 (loopback); name another interface only on purpose
  --no-steps   answer without \`steps\` (the optional field), as a SUT that does not report
               them: \`sim conform\` then shows what it cannot judge as NOT_JUDGED

Example:
  pnpm sim serve --role vnb --port 8080
`,
  options: {
    role: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'no-steps': { type: 'boolean' },
  },
  async run({ io, args, processes }) {
    const role = stringOption(args, 'role');
    // A role of several processes (the customer) serves the process each reset names.
    if (role === undefined || !allRoles(processes).includes(role))
      processOfRole(processes, role, undefined);
    // Listen for the stop signal before announcing the URL: a caller may kill as soon as it reads it.
    const stopped = stopSignal();
    const server = await startSutServer({
      processes,
      role: role as string,
      port: portOption(stringOption(args, 'port')),
      host: stringOption(args, 'host') ?? '127.0.0.1',
      reportSteps: !flag(args, 'no-steps'),
    });
    io.stdout(`consent-sim serves the reference ${role} (consent-sim.sut/1) at ${server.url}\n`);
    await stopped;
    await server.close();
    io.stderr('stopped\n');
    return EXIT.ok;
  },
};
