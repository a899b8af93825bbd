/**
 * `sim qr decode` and `sim qr check`: read a QR code as customers hand it over (PNG or JPEG, step
 * CM_REQ_OFF_SP_02) and judge its payload rule by rule (OFF-QR-PAYLOAD). A declaration or a
 * trailing line break is a WARNING about someone's QR code, not a reason to stop: exit 1 only
 * when a rule FAILs or the two readers return different text.
 */
import { validateEdaXml } from '@consent-sim/messages';
import {
  checkQrPayload,
  DEFAULT_MAX_PIXELS,
  type DecodedQrImage,
  decodeQrImage,
  QrDecodeError,
  type QrLevel,
  type QrPayloadReport,
  type QrReaderChoice,
  type QrVerdict,
} from '@consent-sim/qr';
import { loadNodeZxingReader } from '@consent-sim/qr/node';
import { checkChoice } from '../choices.ts';
import { type CommandContext, choiceOption, stringOption } from '../command.ts';
import { CliError, EXIT, type ExitCode, usageError } from '../errors.ts';
import { readInput } from '../io.ts';
import { printIssues } from './validate.ts';

export const READERS: readonly QrReaderChoice[] = ['zxing', 'jsqr', 'both'];
const LEVELS: readonly QrLevel[] = ['L', 'M', 'Q', 'H'];
const ORDER: Record<QrVerdict, number> = { FAIL: 0, WARNING: 1, PASS: 2 };

function readerOption(ctx: CommandContext): QrReaderChoice {
  return choiceOption(ctx.args, 'reader', READERS, 'zxing');
}

function maxPixelsOption(ctx: CommandContext): number {
  const raw = stringOption(ctx.args, 'max-pixels');
  if (raw === undefined) return DEFAULT_MAX_PIXELS;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) {
    throw usageError(`--max-pixels must be a whole number of pixels ≥ 1 (got "${raw}")`);
  }
  return value;
}

function claimedLevel(ctx: CommandContext): QrLevel | undefined {
  const level = stringOption(ctx.args, 'level');
  return level === undefined ? undefined : checkChoice('level', level, LEVELS);
}

/** Is this file an image (PNG or JPEG signature) rather than a payload text file? */
function isImage(bytes: Uint8Array): boolean {
  return (bytes[0] === 0x89 && bytes[1] === 0x50) || (bytes[0] === 0xff && bytes[1] === 0xd8);
}

async function decodeFile(
  ctx: CommandContext,
  file: string,
  bytes: Uint8Array,
): Promise<DecodedQrImage> {
  const reader = readerOption(ctx);
  try {
    const zxing = reader === 'jsqr' ? undefined : await loadNodeZxingReader();
    return await decodeQrImage(bytes, {
      reader,
      maxPixels: maxPixelsOption(ctx),
      ...(zxing ? { zxing } : {}),
    });
  } catch (error) {
    if (!(error instanceof QrDecodeError)) throw error;
    const hint =
      error.code === 'image-too-large'
        ? 'raise the limit with --max-pixels if the image is trusted'
        : error.code === 'no-qr-code' && reader !== 'both'
          ? 'try --reader both (zxing and jsqr)'
          : undefined;
    throw new CliError(`${file}: ${error.message}`, EXIT.invalid, hint);
  }
}

/** Prints how the image was read and whether the readers agree; false when their texts differ. */
function printReading(ctx: CommandContext, file: string, decoded: DecodedQrImage): boolean {
  const { colors } = ctx;
  const symbol = decoded.version ? `version ${decoded.version}` : 'version unknown';
  const level = decoded.level ? `level ${decoded.level}` : 'level not reported';
  ctx.io.stderr(
    `${file}: ${decoded.source.toUpperCase()} ${decoded.width}×${decoded.height}, read by ${decoded.readBy} (${symbol}, ${level})\n`,
  );
  const disagreement = decoded.disagreement;
  if (disagreement === undefined) return true;
  if (disagreement.zxing === null || disagreement.jsqr === null) {
    const missed = disagreement.zxing === null ? 'zxing' : 'jsqr';
    ctx.io.stderr(
      `${colors.yellow('WARNING')} readers: ${missed} found no QR code; the other read it\n`,
    );
    return true;
  }
  ctx.io.stderr(
    `${colors.red('FAIL')} readers: zxing and jsqr returned different text (${disagreement.zxing.length} vs ${disagreement.jsqr.length} characters); the zxing text is judged\n`,
  );
  return false;
}

/** Prints the verdicts, failures first (the harness's order), to `write`. */
function printVerdicts(
  ctx: CommandContext,
  report: QrPayloadReport,
  write: (text: string) => void,
): void {
  const paint: Record<QrVerdict, (text: string) => string> = {
    FAIL: ctx.colors.red,
    WARNING: ctx.colors.yellow,
    PASS: ctx.colors.green,
  };
  const sorted = [...report.checks].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
  for (const check of sorted) {
    write(
      `${paint[check.verdict](check.verdict.padEnd(7))} ${check.key} ${check.rule}: ${check.message}\n`,
    );
  }
}

export async function decodeQr(ctx: CommandContext, files: string[]): Promise<ExitCode> {
  const [file, extra] = files;
  if (file === undefined || extra !== undefined)
    throw usageError('`qr decode` takes exactly one PNG or JPEG file');
  const { bytes } = readInput(ctx.io, file);
  const decoded = await decodeFile(ctx, file, bytes);
  const agree = printReading(ctx, file, decoded);
  const report = checkQrPayload(decoded.text, decoded.level ? { level: decoded.level } : {});
  printVerdicts(ctx, report, ctx.io.stderr);
  for (const [index, xml] of report.documents.entries()) {
    ctx.io.stdout(`${xml}\n`);
    const result = validateEdaXml(xml);
    const label = `${file} [document ${index + 1} of ${report.documents.length}]`;
    if (result.issues.length > 0) printIssues(ctx, label, result.issues);
    else
      ctx.io.stderr(
        `${ctx.colors.green('OK')} ${label}: ${result.documentType} ${result.version} ${result.messageCode}\n`,
      );
  }
  return report.verdict === 'FAIL' || !agree ? EXIT.invalid : EXIT.ok;
}

export async function checkQr(ctx: CommandContext, files: string[]): Promise<ExitCode> {
  const [file, extra] = files;
  if (file === undefined || extra !== undefined) {
    throw usageError('`qr check` takes exactly one image (PNG, JPEG) or payload text file');
  }
  // Options are checked even for a payload file, so a typo is never silently ignored.
  readerOption(ctx);
  maxPixelsOption(ctx);
  const { bytes } = readInput(ctx.io, file);
  let text: string;
  let level = claimedLevel(ctx);
  let agree = true;
  if (isImage(bytes)) {
    const decoded = await decodeFile(ctx, file, bytes);
    agree = printReading(ctx, file, decoded);
    text = decoded.text;
    level = decoded.level ?? level;
  } else {
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  }
  const report = checkQrPayload(text, level ? { level } : {});
  if (ctx.args.values.json === true) {
    ctx.io.stdout(
      `${JSON.stringify({ file, verdict: agree ? report.verdict : 'FAIL', checks: report.checks }, null, 2)}\n`,
    );
  } else {
    printVerdicts(ctx, report, ctx.io.stdout);
    ctx.io.stdout(`${file}: ${agree ? report.verdict : 'FAIL'}\n`);
  }
  return report.verdict === 'FAIL' || !agree ? EXIT.invalid : EXIT.ok;
}
