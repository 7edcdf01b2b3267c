import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSession, expectCleanPage } from './browser-session.js';
import { checkMs, openLab, setLabFile } from './lab-page.js';

/**
 * Labs of the later chapters as a learner meets them in the built site: their checks run in the page with the
 * parts of the simulator they need (the VPC), and a TypeScript lab is typed by its own globals there too.
 */
const session = browserSession();

describe.skipIf(!session.available)('the labs of the later chapters, in the page', () => {
  it('shows the starter\'s CannotPullContainerError, then passes once the endpoints are written in the editor', async () => {
    const watched = await session.open();
    const { page } = watched;
    await openLab(page, session.url, 'private-subnet-pull');
    await checkMs(page);
    const run = page.locator('[data-testid="lab-result"][data-status="failed"]').first();
    expect(await run.textContent()).toContain('CannotPullContainerError: API error (500)');
    // The editor opens on the first file of lab.json: vpc-endpoints.json.
    await setLabFile(page, readFileSync('labs/private-subnet-pull/solution/vpc-endpoints.json', 'utf8'));
    await checkMs(page);
    expect(await page.getByTestId('lab-summary').getAttribute('data-status')).toBe('passed');
    expectCleanPage(watched);
  });

  it('type-checks protect-long-jobs\' worker.ts against its JobHook and endpoint types, and passes its solution', async () => {
    const watched = await session.open();
    const { page } = watched;
    await openLab(page, session.url, 'protect-long-jobs');
    const solution = readFileSync('labs/protect-long-jobs/solution/worker.ts', 'utf8');
    await setLabFile(page, solution.replace('ProtectionEnabled: false', 'ProtectionEnabled: "no"'));
    await checkMs(page);
    const first = page.getByTestId('lab-result').first();
    expect(await first.textContent()).toContain("Type 'string' is not assignable to type 'boolean'.");
    await setLabFile(page, solution);
    await checkMs(page);
    expect(await page.getByTestId('lab-summary').getAttribute('data-status')).toBe('passed');
    expectCleanPage(watched);
  });
});
