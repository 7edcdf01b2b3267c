import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The engine must bundle unchanged into the browser and replay byte for byte: these are the rules that keep it so. */
const CORE = new URL('../../core/', import.meta.url).pathname;

function engineFiles(dir = CORE): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'shell' ? [] : engineFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('the engine (core/ outside core/shell)', () => {
  const files = engineFiles();

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports no Node built-in', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(source).not.toMatch(/from ['"](node:|fs|path|os|crypto|child_process|http|url|util)['"/]/);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s never reads the clock, the wall timer or unseeded randomness', (_name, file) => {
    const code = withoutComments(readFileSync(file, 'utf8'));
    expect(code).not.toMatch(/\bDate\b|Math\.random|setTimeout|setInterval|performance\.now|randomUUID|process\./);
  });
});
