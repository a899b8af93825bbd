/**
 * Issue 12 build 3, causal timing: a stimulus that follows a message of the SUT is scheduled
 * relative to it. The probes placed after an SP's request (an objection 1 ms after the window
 * its request opened) stay probes against an SP that is late, so they are judged — PASS for a
 * correct SP, FAIL for a wrong one — instead of INCONCLUSIVE.
 */
import { runScenario } from '@consent-sim/sim';
import { describe, expect, it } from 'vitest';
import { CM_REQ_OFF_SP_MUTANTS } from '../mutants/cm-req-off-sp.ts';
import { generatePaths } from '../paths/generate.ts';
import { tableOf } from '../process/plugin.ts';
import { PROCESSES } from '../processes/index.ts';
import { timelineHtml } from '../report/html-timeline.ts';
import { buildConformReport } from '../report/report.ts';
import { renderConformText } from '../report/text.ts';
import { collectPaths } from '../vectors/sources.ts';
import { stimulusAnchors } from './anchors.ts';
import { SutBridge } from './bridge.ts';
import { SutClient } from './client.ts';
import { inMemoryTransport } from './in-memory.ts';
import { delaying } from './later.ts';
import { runAgainstSut } from './remote-party.ts';
import { type Check, summarise } from './verdicts.ts';

const plugin = PROCESSES['cm-req-off'];
const processes = tableOf(plugin);
const model = generatePaths(plugin).paths;
const { paths } = collectPaths(plugin, { scenarios: [] });
const titled = (part: string) => paths.filter((p) => p.title.endsWith(part));
/**
 * Redeemed on day 6, then an objection 1 ms after the window the SP's request opened. (Where
 * the path redeems at the redemption deadline's last millisecond, the SP's own late request
 * crosses that deadline: no stimulus to move, those stay INCONCLUSIVE — later.test.ts.)
 */
const objection = titled('object 1 ms after the deadline').filter((p) =>
  p.title.startsWith('apply → hand over day 6 →'),
);

async function run(
  role: string,
  delayMs: number,
  selected: typeof paths,
  machine?: Parameters<typeof inMemoryTransport>[2],
): Promise<Map<string, Check[]>> {
  const transport = inMemoryTransport(processes, role, machine);
  const client = new SutClient(
    delayMs === 0 ? transport : delaying(transport, delayMs, plugin.zone),
  );
  const byPath = new Map<string, Check[]>();
  for (const path of selected) {
    const covers = model.find((p) => p.id === path.id)?.covers ?? [];
    const checks = await runAgainstSut({
      processes,
      client,
      role,
      path: { id: path.id, scenario: path.scenario, covers },
    });
    byPath.set(path.id, checks);
  }
  return byPath;
}

const verdicts = (checks: readonly Check[]) => new Set(checks.map((c) => c.verdict));
const moved = (checks: readonly Check[]) => checks.filter((c) => c.id.includes(':stimulus#'));

describe('issue 12 build 3: stimuli anchored to the SUT message they follow', () => {
  it('anchors a stimulus to the last message the role sent strictly before it', () => {
    const path = objection.find((p) => p.title.endsWith('day 6 → object 1 ms after the deadline'));
    if (path === undefined) throw new Error('the objection-after-deadline path is gone');
    const reference = runScenario(path.scenario, { processes }).events;
    const { stimuli } = new SutBridge({ plugin, scenario: path.scenario, proxied: ['sp'] });
    const object = stimuli.find((s) => s.event.type === 'stimulus.object');
    if (object === undefined) throw new Error('the path has no objection');
    // The SP's request opened the window the objection probes.
    expect(stimulusAnchors(reference, 'sp', stimuli).get(object.index)?.label).toBe(
      'ANFORDERUNG_CMQF sp→vnb #1',
    );
    // For the DSO: its answer, not the activation its timer sends at the objection's instant.
    expect(stimulusAnchors(reference, 'vnb', stimuli).get(object.index)?.label).toBe(
      'ANTWORT_CMQF vnb→sp #1',
    );
    // The customer's application comes before any message of the SP: no anchor.
    const apply = stimuli.find((s) => s.event.type === 'stimulus.apply');
    expect(stimulusAnchors(reference, 'sp', stimuli).has(apply?.index ?? -1)).toBe(false);
  });

  for (const delayMs of [1_000, 60_000]) {
    const by = delayMs === 1_000 ? '1 s' : '1 min';
    it(`a correct SP ${by} late: the objection 1 ms after the window it opened is judged, PASS`, async () => {
      expect(objection.length).toBeGreaterThanOrEqual(5);
      for (const [id, checks] of await run('sp', delayMs, objection)) {
        // Judged: no FAIL, no INCONCLUSIVE (before anchoring, all of them were INCONCLUSIVE).
        expect([...verdicts(checks)].sort(), id).toEqual(['PASS', 'WARNING']);
        const object = moved(checks).find((c) => c.title.startsWith('stimulus object'));
        // Moved with the SP's last request before it (a second request is later by two answers).
        expect(object?.title, id).toMatch(
          /moved \d+ (s|min) later, with your ANFORDERUNG_CMQF sp→vnb #/,
        );
      }
    }, 300_000);

    it(`a wrong SP ${by} late (data after a revocation) FAILs on that probe, not INCONCLUSIVE`, async () => {
      const wrong = CM_REQ_OFF_SP_MUTANTS.find(
        (m) => m.id === 'cm-req-off/sp-data-after-revocation',
      );
      if (wrong === undefined)
        throw new Error('mutant cm-req-off/sp-data-after-revocation is gone');
      for (const [id, checks] of await run('sp', delayMs, objection, { sp: wrong.machine() })) {
        expect(verdicts(checks).has('INCONCLUSIVE'), id).toBe(false);
        const fails = checks.filter((c) => c.verdict === 'FAIL').map((c) => c.title);
        expect(fails, id).toContainEqual(expect.stringContaining('ANFORDERUNG_DATEN (unexpected)'));
      }
    }, 300_000);
  }

  it('a correct DSO 1 min late: the objection and OFF-DAYS probes are judged, PASS', async () => {
    const probes = [
      ...objection,
      ...titled('object 1 ms after 5 × 24 h'),
      ...titled('redeem 1 ms after 30 × 24 h'),
    ];
    expect(probes.length).toBeGreaterThan(objection.length);
    for (const [id, checks] of await run('vnb', 60_000, probes)) {
      expect([...verdicts(checks)].sort(), id).toEqual(['PASS', 'WARNING']);
    }
  }, 300_000);

  it('the report shows each moved stimulus under its path: text, and a row of the HTML timeline', async () => {
    const wrong = CM_REQ_OFF_SP_MUTANTS.find((m) => m.id === 'cm-req-off/sp-data-after-revocation');
    if (wrong === undefined) throw new Error('mutant cm-req-off/sp-data-after-revocation is gone');
    const path = objection[0];
    if (path === undefined) throw new Error('no objection-after-deadline path');
    const checks = (await run('sp', 1_000, [path], { sp: wrong.machine() })).get(path.id) ?? [];
    const report = buildConformReport({
      process: 'cm-req-off',
      role: 'sp',
      target: 'memory',
      strict: false,
      summary: summarise(checks),
      paths: [
        {
          id: path.id,
          title: path.title,
          source: 'model',
          seed: path.scenario.seed,
          start: path.scenario.start,
        },
      ],
      checks,
    });
    const text = renderConformText(report);
    expect(text).toContain(`${path.id}:stimulus#0`);
    expect(text).toMatch(
      /stimulus object \(customer\) moved 1 s later, with your ANFORDERUNG_CMQF/,
    );
    expect(timelineHtml(checks)).toMatch(/<td>stimulus<\/td><td>stimulus object<\/td>/);
  }, 300_000);

  it('the reference itself (Δ = 0): nothing moves, every check PASSes', async () => {
    for (const [id, checks] of await run('sp', 0, objection)) {
      expect([...verdicts(checks)], id).toEqual(['PASS']);
      expect(moved(checks), id).toEqual([]);
    }
  }, 300_000);
});
