import { listSamples, sampleXml } from '@consent-sim/messages';
import { closest } from '@consent-sim/sim';
import { type Command, stringOption } from '../command.ts';
import { EXIT, usageError } from '../errors.ts';

function seedOption(raw: string | undefined): number {
  if (raw === undefined) return 1;
  if (!/^\d{1,15}$/.test(raw))
    throw usageError(`--seed must be a non-negative whole number (got "${raw}")`);
  return Number(raw);
}

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Print a valid sample document for a message code (seeded, reproducible)',
  usage: ['sample <MESSAGE_CODE> [--version <NN.NN>] [--seed N]', 'sample --list'],
  help: `
Prints a valid document for the message code (EDA: the official schema's rules; Datahub DH-831,
DH-851, their ACKs and DH-825: the reference's own documented XML, as no schema is published): parties, metering points and ids come from
a seeded generator, so the same code, version and seed always give the same bytes.

Options:
  --version V  schema version (default: the newest the code exists in); see --list
  --seed N     seed of the generator (default 1)
  --list       print every code it can produce, one per line, with document type and versions

Examples:
  pnpm sim sample ANFORDERUNG_CMQF > request.xml
  pnpm sim sample ANTWORT_CMQF --version 01.12 --seed 7
  pnpm sim sample --list
`,
  options: { version: { type: 'string' }, seed: { type: 'string' }, list: { type: 'boolean' } },
  async run({ io, args }) {
    const samples = listSamples();
    if (args.values.list === true) {
      if (args.positionals.length > 0) throw usageError('--list takes no message code');
      const width = Math.max(...samples.map((s) => s.messageCode.length));
      const typeWidth = Math.max(...samples.map((s) => s.documentType.length));
      for (const s of samples) {
        const type = s.documentType.padEnd(typeWidth);
        io.stdout(`${s.messageCode.padEnd(width)}  ${type}  ${s.versions.join(' ')}\n`);
      }
      return EXIT.ok;
    }
    const [code, extra] = args.positionals;
    if (code === undefined)
      throw usageError('`sample` needs a message code (see `pnpm sim sample --list`)');
    if (extra !== undefined)
      throw usageError(`\`sample\` takes one message code, got "${code}" and "${extra}"`);
    const entry = samples.find((s) => s.messageCode === code.toUpperCase());
    if (entry === undefined) {
      const near = closest(
        code.toUpperCase(),
        samples.map((s) => s.messageCode),
      );
      throw usageError(
        `no sample for message code "${code}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''}`,
        'run `pnpm sim sample --list` for every code',
      );
    }
    const version = stringOption(args, 'version') ?? entry.defaultVersion;
    if (!entry.versions.includes(version)) {
      throw usageError(
        `${entry.messageCode} exists in ${entry.documentType} versions ${entry.versions.join(', ')}, not "${version}"`,
      );
    }
    io.stdout(
      sampleXml(entry.messageCode, { version, seed: seedOption(stringOption(args, 'seed')) }),
    );
    return EXIT.ok;
  },
};
