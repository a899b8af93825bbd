import { extname } from 'node:path';
import { buildEdaXml, validateEdaXml } from '@consent-sim/messages';
import {
  encodeQr,
  packRequests,
  planCapacity,
  type QrLevel,
  QrTooLargeError,
  renderPng,
  renderSvg,
  renderTerminal,
} from '@consent-sim/qr';
import { type Command, type CommandContext, choiceOption, stringOption } from '../command.ts';
import { CliError, EXIT, type ExitCode, usageError } from '../errors.ts';
import { readInput, writeOutput } from '../io.ts';
import { checkQr, decodeQr, READERS } from './qr-read.ts';
import { printIssues } from './validate.ts';

const LEVELS = ['L', 'M', 'Q', 'H'] as const;

function levelOption(ctx: CommandContext): QrLevel {
  return choiceOption(ctx.args, 'level', LEVELS, 'M');
}

/** Reads CMRequest files, refuses anything that is not a valid CMRequest, returns compact XML. */
function readRequests(ctx: CommandContext, files: string[]): string[] {
  return files.map((file) => {
    const { bytes } = readInput(ctx.io, file);
    const result = validateEdaXml(bytes);
    if (result.issues.length > 0 || result.document === undefined) {
      printIssues(ctx, file, result.issues);
      throw new CliError(
        `${file} is not a valid CMRequest document; fix it before encoding`,
        EXIT.invalid,
      );
    }
    if (result.document.documentType !== 'CMRequest') {
      throw new CliError(
        `${file} is a ${result.document.documentType} document: a QR code of CM_REQ_OFF holds CMRequest documents (OFF-QR-PAYLOAD)`,
        EXIT.invalid,
      );
    }
    // OFF-QR-PAYLOAD: one line per document, no XML declaration.
    return buildEdaXml(result.document, { compact: true, declaration: false });
  });
}

async function encode(ctx: CommandContext, files: string[]): Promise<ExitCode> {
  if (files.length === 0) throw usageError('`qr encode` needs at least one CMRequest XML file');
  const level = levelOption(ctx);
  const payload = packRequests(readRequests(ctx, files));
  let symbol: ReturnType<typeof encodeQr>;
  try {
    symbol = encodeQr(payload, { level });
  } catch (error) {
    if (error instanceof QrTooLargeError) throw new CliError(error.message, EXIT.invalid);
    throw error;
  }
  const out = stringOption(ctx.args, 'out');
  const summary = `QR version ${symbol.version} (${symbol.size}×${symbol.size} modules), level ${level}, ${symbol.payloadBytes} bytes, ${files.length} document(s)`;
  if (out === undefined) {
    ctx.io.stdout(renderTerminal(symbol));
    ctx.io.stderr(`${summary}\n`);
    return EXIT.ok;
  }
  const kind = extname(out).toLowerCase();
  if (kind !== '.png' && kind !== '.svg') {
    throw usageError(`--out must end in .png or .svg (got "${out}")`);
  }
  const written = writeOutput(ctx.io, out, kind === '.png' ? renderPng(symbol) : renderSvg(symbol));
  ctx.io.stdout(`wrote ${written}: ${summary}\n`);
  return EXIT.ok;
}

async function capacity(ctx: CommandContext, files: string[]): Promise<ExitCode> {
  if (files.length === 0) throw usageError('`qr capacity` needs at least one CMRequest XML file');
  const documents = readRequests(ctx, files);
  const plan = planCapacity(documents);
  if (ctx.args.values.json === true) {
    ctx.io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
    return EXIT.ok;
  }
  ctx.io.stdout(
    `payload: ${plan.payloadBytes} bytes (${documents.length} document(s), byte mode)\n`,
  );
  for (const level of LEVELS) {
    const row = plan.perLevel[level];
    const verdict = row.fits
      ? ctx.colors.green(`fits (version ${row.version})`)
      : ctx.colors.red('too large: use the online process CM_REQ_ONL');
    ctx.io.stdout(
      `  level ${level}: capacity ${row.capacityBytes} bytes — ${verdict}; at most ${plan.maxMeteringPointsAt[level]} metering point(s) of this shape\n`,
    );
  }
  return EXIT.ok;
}

export const qrCommand: Command = {
  name: 'qr',
  summary: 'Encode CMRequest documents into a QR code, decode and check a QR image, plan capacity',
  usage: [
    'qr encode <request.xml>... [--out <file.png|file.svg>] [--level L|M|Q|H]',
    'qr decode <file.png|file.jpg> [--reader zxing|jsqr|both] [--max-pixels N]',
    'qr check <image|payload.txt> [--reader zxing|jsqr|both] [--level L|M|Q|H] [--json]',
    'qr capacity <request.xml>... [--json]',
  ],
  help: `
The QR code of CM_REQ_OFF (step CM_REQ_OFF_VNB_02) holds the CMRequest documents in byte mode,
one document per line without XML declaration (interpretation key OFF-QR-PAYLOAD). The default
error-correction level is M. A payload larger than the level's capacity fails with exit 1 and
names the remedy of the process: the online data release CM_REQ_ONL (OFF-QR-TOO-LARGE).

  encode    Validate the documents, then write a PNG or SVG (--out), or draw the code in the
            terminal when --out is not given.
  decode    Read a PNG or JPEG (a scan, a phone photo), print the CMRequest documents and a
            verdict per OFF-QR-PAYLOAD rule. Exit 1 when there is no QR code or a rule FAILs.
  check     The verdicts alone, for an image or a payload text file: PASS, WARNING (XML
            declaration, BOM, CRLF or trailing line breaks, pretty-printing, a prefix other
            than cp:, a level other than M) or FAIL (not a CMRequest, invalid against the
            schema rules, over the capacity of the level: OFF-QR-TOO-LARGE). Exit 0 unless
            something FAILs.
  capacity  Payload size, whether it fits at each level, and how many metering points of the
            same shape fit at most.

Options:
  --out FILE     where encode writes the image (.png or .svg)
  --level L|M|Q|H  error-correction level (default M); check: the level a payload file claims
                 (an image's own level, as the reader reports it, wins)
  --reader R     decode/check: zxing (default, ZXing-C++ in WebAssembly), jsqr, or both
                 (both read; a difference is reported, different text FAILs)
  --max-pixels N decode/check: refuse larger images from their header, before decoding
                 (default 50000000)
  --json         capacity, check: print JSON

Examples:
  pnpm sim sample ANFORDERUNG_CMQF > request.xml
  pnpm sim qr encode request.xml --out request.png
  pnpm sim qr decode request.png
  pnpm sim qr decode photo-of-the-letter.jpg --reader both
  qrencode -l M -o theirs.png < request.xml && pnpm sim qr check theirs.png
  pnpm sim qr capacity request.xml
`,
  options: {
    out: { type: 'string' },
    level: { type: 'string', choices: LEVELS },
    json: { type: 'boolean' },
    reader: { type: 'string', choices: READERS },
    'max-pixels': { type: 'string' },
  },
  async run(ctx) {
    const [sub, ...files] = ctx.args.positionals;
    switch (sub) {
      case 'encode':
        return await encode(ctx, files);
      case 'decode':
        return await decodeQr(ctx, files);
      case 'check':
        return await checkQr(ctx, files);
      case 'capacity':
        return await capacity(ctx, files);
      case undefined:
        throw usageError('`qr` needs a sub-command: encode, decode, check or capacity');
      default:
        throw usageError(`unknown sub-command "qr ${sub}": use encode, decode, check or capacity`);
    }
  },
};
