/**
 * `pnpm bench`: runs every benchmark section and writes bench/RESULTS.md with the date and machine.
 * Each section module default-exports `async () => BenchSection`. Timing goals live here, not in tests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface BenchSection {
  title: string;
  markdown: string;
}

const sections: Array<[string, () => Promise<{ default: () => Promise<BenchSection> }>]> = [
  ['qr', () => import('./qr.ts')],
  ['qr-corpus', () => import('./qr-corpus.ts')],
  ['messages', () => import('./messages.ts')],
  ['scenarios', () => import('./scenarios.ts')],
  ['paths', () => import('./paths.ts')],
  ['load', () => import('./load.ts')],
  ['startup', () => import('./startup.ts')],
  ['serve-heavy', () => import('./serve-heavy.ts')],
  ['conform', () => import('./conform.ts')],
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !sections.some(([known]) => known === name));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown section(s) ${unknown.join(', ')}; known: ${sections.map(([n]) => n).join(', ')}\n`,
  );
  process.exit(2);
}
const out = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
// A partial run (`pnpm bench qr`) replaces only its own sections of the committed results.
const previous = new Map<string, string>();
if (only.length > 0 && existsSync(out)) {
  for (const block of readFileSync(out, 'utf8')
    .split(/^(?=## )/m)
    .slice(1)) {
    previous.set(block.split('\n', 1)[0] ?? '', block.trimEnd());
  }
}
const parts: string[] = [];
for (const [name, load] of sections) {
  if (only.length > 0 && !only.includes(name)) {
    const kept = [...previous.entries()].find(([heading]) => heading.includes(`<!-- ${name} -->`));
    if (kept) parts.push(`${kept[1]}\n`);
    continue;
  }
  process.stderr.write(`bench: ${name}…\n`);
  const run = (await load()).default;
  const section = await run();
  const measured = new Date().toISOString().slice(0, 10);
  parts.push(
    `## ${section.title} <!-- ${name} -->\n\n_measured ${measured}_\n\n${section.markdown.trim()}\n`,
  );
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
writeFileSync(out, `${header}\n${parts.join('\n')}`);
process.stdout.write(`${header}\n${parts.join('\n')}\nwritten to bench/RESULTS.md\n`);
