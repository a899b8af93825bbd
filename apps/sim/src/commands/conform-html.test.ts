import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, skipWithoutChromium } from '../../../../test-support/chromium.ts';
import { runMain } from '../cli.ts';
import { serveMutant, shippedScenariosIo } from '../testing.ts';

const skip = skipWithoutChromium('the browser test of the HTML conform report');

/** The HTML report of a DSO whose objection window is a day short: 4 paths FAIL (the 5 × 24 h + 1 ms probe among them), 2 PASS. */
async function htmlReport(): Promise<string> {
  const server = await serveMutant('cm-req-off/objection-4-days');
  try {
    const io = shippedScenariosIo();
    const args = ['conform', '--role', 'vnb', '--target', server.url, '--format', 'html'];
    const code = await runMain(
      [...args, '--path', 'hand over day 6 → object', '--scenario', 'customer-declines'],
      io,
    );
    expect(code).toBe(1);
    return io.out();
  } finally {
    await server.close();
  }
}

describe.skipIf(skip)('the HTML conform report in Debian chromium (headless)', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'consent-sim-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, await htmlReport());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Root in a container has no user namespace for chromium's sandbox.
      args: ['--no-sandbox', '--disable-gpu'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(pathToFileURL(file).href);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens offline: the page asks for nothing but itself', () => {
    expect(requested.filter((url) => !url.startsWith('file:'))).toEqual([]);
  });

  it('shows the first finding, its root cause and rerun command, without scrolling', async () => {
    const finding = page.locator('section.finding').first();
    await expect(finding.textContent()).resolves.toContain(
      'CM_REQ_OFF_VNB_10 step: CM_REQ_OFF_VNB_10 (instant: 1 d earlier) — in 4 paths',
    );
    await expect(finding.locator('code.cmd').textContent()).resolves.toMatch(
      /^pnpm sim conform --role vnb --process cm-req-off --target \S+ --seed 1 --path [0-9a-f]{12}$/,
    );
    const box = await finding.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(800);
    expect(await page.evaluate('window.scrollY')).toBe(0);
  });

  it('a verdict filter hides the PASS paths and keeps the FAILs', async () => {
    const pass = page.locator('details.path[data-verdict=PASS]');
    const fail = page.locator('details.path[data-verdict=FAIL]');
    await expect(pass.count()).resolves.toBe(2);
    await expect(pass.first().isVisible()).resolves.toBe(true);
    await page.locator('input[name=verdict][value=PASS]').uncheck();
    await expect(pass.first().isVisible()).resolves.toBe(false);
    await expect(pass.nth(1).isVisible()).resolves.toBe(false);
    await expect(fail.count()).resolves.toBe(4);
    await expect(fail.first().isVisible()).resolves.toBe(true);
    await page.locator('input[name=verdict][value=PASS]').check();
    await expect(pass.first().isVisible()).resolves.toBe(true);
  });

  it('a step filter keeps only the paths and rows of that step', async () => {
    await page.locator('#filter-step').selectOption('CM_REQ_OFF_VNB_13');
    const visibleRows = page.locator('tr.check:not(.hidden)');
    const steps = await visibleRows.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute('data-step')),
    );
    expect(steps.length).toBeGreaterThan(0);
    expect(new Set(steps)).toEqual(new Set(['CM_REQ_OFF_VNB_13']));
    await page.locator('#filter-step').selectOption('');
  });

  it('expands a failing path on click, with its expected-vs-actual timeline marking the difference', async () => {
    const path = page.locator('details.path[data-verdict=FAIL]').first();
    await expect(path.locator('table.timeline').isVisible()).resolves.toBe(false);
    await path.locator('summary').click();
    await expect(path.getAttribute('open')).resolves.not.toBeNull();
    await expect(path.locator('table.timeline').isVisible()).resolves.toBe(true);
    await expect(path.locator('table.timeline td.differs').first().isVisible()).resolves.toBe(true);
    // A check's step links to the step's row in the process table.
    const link = path.locator('tr.check.FAIL a[href^="#step-"]').first();
    const target = (await link.getAttribute('href'))?.slice(1) ?? '';
    await expect(page.locator(`[id="${target}"]`).count()).resolves.toBe(1);
  });
});
