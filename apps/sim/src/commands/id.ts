import { checkId, cmRequestId } from '@consent-sim/messages';
import type { Command } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';

export const idCommand: Command = {
  name: 'id',
  summary:
    'Compute a CMRequestId, or say what kind of identifier a string is and whether it is well-formed',
  usage: ['id cmrequestid <MessageId>', 'id check <id>...'],
  help: `
Sub-commands:
  cmrequestid <MessageId>  CRC-32 of the MessageId's UTF-8 bytes, a CRC-8/DVB-S2 byte over those
                           4 bytes, base32 of the 5 bytes (8 characters).
  check <id>...            Detects the kind (metering point, market participant address, MessageId,
                           CMRequestId, ConsentId, GSRN accounting point, Finnish personal identity
                           code or business id) and lists what is wrong. Exit 1 if any is invalid.

Options:
  --json                   Print the result as JSON.

Examples:
  pnpm sim id cmrequestid AT999999202404021640408050262904881
  pnpm sim id check AT0099990000000000000000000012345
`,
  options: { json: { type: 'boolean' } },
  positionals: () => ['cmrequestid', 'check'],
  async run({ io, colors, args }) {
    const [sub, ...rest] = args.positionals;
    const json = args.values.json === true;
    switch (sub) {
      case 'cmrequestid': {
        const [messageId, extra] = rest;
        if (messageId === undefined || extra !== undefined) {
          throw usageError('`id cmrequestid` takes exactly one MessageId');
        }
        const id = cmRequestId(messageId);
        io.stdout(json ? `${JSON.stringify({ messageId, cmRequestId: id })}\n` : `${id}\n`);
        return EXIT.ok;
      }
      case 'check': {
        if (rest.length === 0) throw usageError('`id check` needs at least one identifier');
        const results = rest.map((id) => ({ id, ...checkId(id) }));
        if (json) {
          io.stdout(`${JSON.stringify(results, null, 2)}\n`);
        } else {
          for (const result of results) {
            const verdict = result.valid ? colors.green('valid') : colors.red('invalid');
            io.stdout(`${result.id}: ${result.kind} — ${verdict}\n`);
            for (const [part, value] of Object.entries(result.parts)) {
              io.stdout(`  ${colors.dim(part)}: ${value}\n`);
            }
            for (const problem of result.problems) io.stdout(`  ${colors.red('✗')} ${problem}\n`);
          }
        }
        return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
      }
      case undefined:
        throw usageError('`id` needs a sub-command: cmrequestid or check');
      default:
        throw usageError(`unknown sub-command "id ${sub}": use cmrequestid or check`);
    }
  },
};
