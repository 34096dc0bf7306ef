/**
 * What every command shares: its help text, argument parsing that turns mistakes into clear
 * errors (exit 2), and the `--help` and `--json` conventions.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { didYouMean } from '../domain/did-you-mean.ts';
import { InputError } from '../domain/errors.ts';
import type { Io } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Command {
  readonly name: string;
  /** One line for `dealsim --help`. */
  readonly summary: string;
  /** The full `dealsim CMD --help` text, usage line first. */
  readonly help: string;
  readonly options: Options;
  /** Positional arguments: at least `min`, at most `max`. */
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
  run(args: ParsedArgs, io: Io): Promise<number> | number;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | string[] | boolean[] | undefined>>;
  readonly positionals: readonly string[];
}

/** Parses argv for `command`; unknown options and wrong counts become {@link InputError}s. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  const hint = `run "dealsim ${command.name} --help" for usage`;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw argumentError(command, error as Error & { code?: string }, argv, hint);
  }
  const { min, max, names } = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new InputError(
      `dealsim ${command.name} takes ${min === max ? min : `${min} to ${max}`} argument${max === 1 ? '' : 's'} (${names}), got ${parsed.positionals.length}`,
      { hint },
    );
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/**
 * node:util's parseArgs error as one line of dealsim's: an unknown option with a did-you-mean, and
 * an option whose value is missing or starts with a dash (`--at -1`, which parseArgs reads as
 * another option) said plainly, with how to give such a value.
 */
function argumentError(command: Command, error: Error & { code?: string }, argv: readonly string[], hint: string) {
  const option = /'(--?[\w-]+)/.exec(error.message)?.[1];
  const names = Object.keys(command.options).map((name) => `--${name}`);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    const value = argv[argv.indexOf(option) + 1];
    if (value === undefined || !value.startsWith('-')) {
      return new InputError(`dealsim ${command.name}: ${option} needs a value`, {
        hint: `give it one: ${option} VALUE; ${hint}`,
      });
    }
    return new InputError(
      `dealsim ${command.name}: ${option} needs a value, and ${JSON.stringify(value)} after it starts with a dash, so it reads as an option`,
      { hint: `write ${option}=${value} to give that value; ${hint}` },
    );
  }
  const message = error.message.replace(/\. To specify a positional.*$/s, '').split('\n')[0] as string;
  const suggestion = option && !names.includes(option) ? didYouMean(option, names) : '';
  return new InputError(`dealsim ${command.name}: ${message}${suggestion}`, { hint });
}

/** Options every command has. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export const JSON_OPTION = { json: { type: 'boolean' } } as const satisfies Options;

export const ASSUME_OPTION = { assume: { type: 'string', multiple: true } } as const satisfies Options;

export const ASSUME_HELP =
  '  --assume KEY=VALUE  read an ambiguous clause another way (repeatable; see "dealsim assumptions")';

/** Writes `value` as pretty JSON with a final newline. */
export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.values[name];
  return Array.isArray(value) ? value.map(String) : [];
}
