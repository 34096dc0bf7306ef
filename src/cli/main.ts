/**
 * The `dealsim` command line: dispatches to a command, and turns every error into one paragraph
 * on stderr with a meaningful exit code. Exit codes: 0 done, 1 a check found a violation,
 * 2 bad input or usage, 3 a write conflict, 70 an internal error (a bug: please report it).
 */
import { didYouMean } from '../domain/did-you-mean.ts';
import { DealsimError, InputError } from '../domain/errors.ts';
import { takeReadNotices } from '../store/read-notices.ts';
import { parseCommandArgs } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { type Io, memoryIo, processIo } from './io.ts';
import { visibleText } from './render/terminal-text.ts';

const VERSION = '0.1.0';

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const list = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `dealsim: simulate the Microsoft–OpenAI partnership agreement as an event-sourced statechart

Usage: dealsim COMMAND [ARGS] [--help]

Commands:
${list}

Run "dealsim COMMAND --help" for a command's options. Exit codes: 0 ok, 1 a check failed,
2 bad input, 3 write conflict.
`;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) {
        io.err(overview());
        return 2;
      }
      io.out(overview());
      return 0;
    }
    if (name === '--version') {
      io.out(`dealsim ${VERSION}\n`);
      return 0;
    }
    const entry = COMMANDS.find((candidate) => candidate.name === name);
    if (!entry) {
      throw new InputError(
        `unknown command "${name}"${didYouMean(
          name,
          COMMANDS.map((c) => c.name),
        )}`,
        {
          hint: 'run "dealsim --help" for the list of commands',
        },
      );
    }
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command.help}\n`);
      return 0;
    }
    const code = await command.run(parseCommandArgs(command, rest), io);
    for (const notice of takeReadNotices()) io.err(`dealsim: note: ${visibleText(notice)}\n`);
    return code;
  } catch (error) {
    takeReadNotices();
    if (error instanceof DealsimError) {
      io.err(`dealsim: ${visibleText(error.describe())}\n`);
      return error.exitCode;
    }
    const detail = process.env.DEALSIM_DEBUG ? `\n${(error as Error).stack}` : ' (set DEALSIM_DEBUG=1 for details)';
    io.err(
      `dealsim: internal error: ${visibleText(String((error as Error)?.message))}${detail}. This is a bug in dealsim; please report it.\n`,
    );
    return 70;
  }
}

/** Runs `dealsim ARGV` in-process with an in-memory terminal; returns the exit code and both streams. */
export async function runInMemory(
  argv: readonly string[],
  options: Parameters<typeof memoryIo>[0] = {},
): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(options);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
