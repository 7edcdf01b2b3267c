import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { axeFor } from '../browser/axe-builder.js';
import { clientFor, startTestServer, type TestServer } from './test-server.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`\n⚠ ${CHROMIUM} is missing: the dashboard is not tested in a browser (apt-get install -y chromium).\n`);

describe.skipIf(!present)('the dashboard in a browser', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('shows the tasks of each revision and the timeline as the API changes them, offline and accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('request', (request) => !request.url().startsWith(t.server.url) && problems.push(`offsite: ${request.url()}`));
    await page.goto(`${t.server.url}/`);

    await t.ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    await t.sim('instances', { cluster: 'demo', instanceType: 'm5.large', count: 2 });
    for (const image of ['nginx:1', 'nginx:2']) {
      await t.ecs.send(new RegisterTaskDefinitionCommand({ family: 'web', containerDefinitions: [{ name: 'web', image, memory: 256 }] }));
    }
    await t.ecs.send(new CreateServiceCommand({ cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2 }));
    await t.sim('run-until-steady', { service: 'web', cluster: 'demo' });
    await t.ecs.send(new UpdateServiceCommand({ cluster: 'demo', service: 'web', taskDefinition: 'web:2' }));
    await t.sim('advance', { seconds: 20 });

    const cluster = page.getByRole('article', { name: 'cluster demo' });
    await cluster.getByText('web:2').first().waitFor({ timeout: 0 });
    expect(await cluster.getByText('web:1').count()).toBeGreaterThan(0);
    await page.getByRole('log').getByText('has reached a steady state.').first().waitFor({ timeout: 0 });

    const { violations } = await axeFor(page).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the instructor of a shared server every account, one at a time, with the link that carries the token', async () => {
    const shared = await startTestServer({ controlToken: 'teacher' });
    const [alice, bob] = ['alice', 'bob'].map((key) => clientFor(shared.server, 'us-east-1', key));
    const context = await browser.newContext();
    try {
      await alice.send(new CreateClusterCommand({ clusterName: 'alice-lab' }));
      await bob.send(new CreateClusterCommand({ clusterName: 'bob-lab' }));
      const page = await context.newPage();
      await page.goto(`${shared.server.url}/?token=teacher&accessKeyId=alice`);
      await page.getByRole('article', { name: 'cluster alice-lab' }).waitFor({ timeout: 0 });
      const accounts = page.getByRole('combobox', { name: 'account' });
      const bobsOption = accounts.getByRole('option', { name: /\(bob\)/ });
      await page.waitForFunction(() => document.querySelectorAll('#account option').length === 3);
      await accounts.selectOption({ label: (await bobsOption.textContent())! });
      await page.getByRole('article', { name: 'cluster bob-lab' }).waitFor({ timeout: 0 });
      expect(await page.getByRole('article', { name: 'cluster alice-lab' }).count()).toBe(0);
    } finally {
      await context.close();
      for (const client of [alice, bob]) client.destroy();
      await shared.close();
    }
  });
});
