import { Command } from 'commander';
import { vi } from 'vitest';
import { registerLabCommand } from '../../core/shell/commands/lab-command.js';

/**
 * `ecs-lab lab ...` run in the test's own process, its output captured: a child process compiles the engine
 * anew each time, which many small calls cannot afford. The checks still run in their worker thread.
 */
export async function labCommand(labsRoot: string, ...args: string[]): Promise<{ code: number; stdout: string }> {
  const stdout: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  const program = new Command().exitOverride();
  registerLabCommand(program);
  try {
    await program.parseAsync(['lab', '--labs-dir', labsRoot, ...args], { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stdout: stdout.join('') };
  } finally {
    write.mockRestore();
    process.exitCode = undefined;
  }
}
