// biome-ignore-all lint/suspicious/noConsole: dev script (run with `pnpm exec tsx`), not library code; it reports the file it wrote.
/**
 * Regenerates `scenarios/scenario.schema.json` from the schema module:
 * `pnpm exec tsx packages/sim/src/scenario/write-schema.ts`. A test fails until the committed
 * file matches the module, so editors never autocomplete a stale schema. The file is then put
 * through Biome so `pnpm lint` stays clean (the test compares parsed JSON, not layout).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioSchemaJson } from './schema-json.ts';

const target = fileURLToPath(
  new URL('../../../../scenarios/scenario.schema.json', import.meta.url),
);
writeFileSync(target, scenarioSchemaJson());
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', target], { stdio: 'inherit' });
console.log(`wrote ${target}`);
