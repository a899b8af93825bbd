/**
 * `pnpm bench`: runs every benchmark section and writes bench/RESULTS.md with the date and machine.
 * Each section module default-exports `async () => BenchSection`. Timing goals live here, not in tests.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface BenchSection {
  title: string;
  markdown: string;
}

const sections: Array<[string, () => Promise<{ default: () => Promise<BenchSection> }>]> = [
  ['qr', () => import('./qr.ts')],
  ['messages', () => import('./messages.ts')],
  ['load', () => import('./load.ts')],
];

const only = process.argv.slice(2);
const parts: string[] = [];
for (const [name, load] of sections) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const run = (await load()).default;
  const section = await run();
  parts.push(`## ${section.title}\n\n${section.markdown.trim()}\n`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmark results',
  '',
  `- date: ${new Date().toISOString()}`,
  `- machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`,
  `- command: \`pnpm bench${only.length ? ` ${only.join(' ')}` : ''}\``,
  '',
].join('\n');
const out = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
writeFileSync(out, `${header}\n${parts.join('\n')}`);
process.stdout.write(`${header}\n${parts.join('\n')}\nwritten to bench/RESULTS.md\n`);
