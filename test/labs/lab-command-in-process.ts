import { Command, CommanderError } from 'commander';
import { vi } from 'vitest';
import { registerLabCommand } from '../../core/shell/commands/lab-command.js';

/**
 * `ecs-lab lab ...` run in the test's own process, its output captured: a child process compiles the engine
 * anew each time, which many small calls cannot afford. The checks still run in their worker thread.
 */
export async function labCommand(labsRoot: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdout, stderr]: string[][] = [[], []];
  const capture = (stream: NodeJS.WriteStream, into: string[]) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk) => {
      into.push(String(chunk));
      return true;
    });
  const writes = [capture(process.stdout, stdout), capture(process.stderr, stderr)];
  const program = new Command().exitOverride().configureOutput({ writeErr: (text) => stderr.push(text) });
  registerLabCommand(program);
  try {
    await program.parseAsync(['lab', '--labs-dir', labsRoot, ...args], { from: 'user' });
    return { code: Number(process.exitCode ?? 0), stdout: stdout.join(''), stderr: stderr.join('') };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { code: error.exitCode, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    for (const write of writes) write.mockRestore();
    process.exitCode = undefined;
  }
}
