/**
 * The command line's arguments, parsed once and in one place for every command: each command
 * declares its options (a `CommandLine`), and `withArguments` parses them, applies the rules all
 * commands share (an unknown option is a mistake; a command that reaches an account refuses a
 * token given as an argument, which would show in process lists and CI logs), runs the
 * command's own checks, and answers every mistake the same way: the message, a blank line, the
 * command's usage, exit 1.
 */
import { parseArgs, ParseArgsConfig } from 'util';
import { CliIo } from './io';

/** A mistake in the command line: said with the command's usage, exit 1. */
export class UsageError extends Error {}

export const TOKEN_REFUSED = 'The token is never taken as an argument: set INTEGRATOR_IO_TOKEN instead.';

/**
 * Words the command does not take, said by their number: a stray word may be a token pasted in
 * the wrong place, and what the command prints ends up in terminals and CI logs.
 */
export function unexpectedArguments(count: number): string {
  const what =
    count === 1
      ? '1 unexpected argument (not shown, in case it is a secret)'
      : `${count} unexpected arguments (not shown, in case one is a secret)`;
  return `${what}. Options are given as --name <value>; only the words the usage shows stand alone.`;
}

/** A command's option table, as `parseArgs` takes it. */
export type OptionTable = NonNullable<ParseArgsConfig['options']>;

/** What a command's arguments parse to, typed by its option table. */
export type Parsed<O extends OptionTable> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>
>;

export interface CommandLine<O extends OptionTable, A> {
  /** Its options; one named `token` is there to be refused by name (see `refusesToken`). */
  options: O;
  /** What follows a mistake's message: "Usage:" and the command's lines. */
  usage: string;
  /** Words besides options (`hook run`'s `run`, the command of `plan`); refused unless allowed. */
  positionals?: boolean;
  /** The command reaches an account: a `--token` option is refused by name, whatever its value. */
  refusesToken?: boolean;
  /** The command's own checks, turning what was parsed into its arguments; a mistake is thrown. */
  check(parsed: Parsed<O>): A;
}

/** A command's line as declared, with its arguments' types read from its option table. */
export function commandLine<O extends OptionTable, A>(line: CommandLine<O, A>): CommandLine<O, A> {
  return line;
}

/** Parses `argv` by `line`, then runs the command with its arguments; a mistake is said with the usage. */
export async function withArguments<O extends OptionTable, A>(
  argv: readonly string[],
  io: CliIo,
  line: CommandLine<O, A>,
  run: (args: A) => Promise<number>,
): Promise<number> {
  // Every command answers --help with its usage, on stdout, and runs nothing.
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    io.out(line.usage);
    return 0;
  }
  let args: A;
  try {
    // Positionals are always parsed, and refused here: parseArgs's own refusal repeats the word.
    const parsed = parseArgs({ args: [...argv], options: line.options, allowPositionals: true, strict: true });
    if (line.refusesToken && 'token' in parsed.values) throw new UsageError(TOKEN_REFUSED);
    if (!line.positionals && parsed.positionals.length > 0) throw new UsageError(unexpectedArguments(parsed.positionals.length));
    args = line.check(parsed);
  } catch (err) {
    // parseArgs says an unknown option or a missing value with a TypeError; the checks with a UsageError.
    return sayMistake(io, err instanceof Error ? err.message : String(err), line.usage);
  }
  return run(args);
}

/** A mistake in the command line, as every command says it: the message, a blank line, the usage; exit 1. */
export function sayMistake(io: CliIo, message: string, usage: string): number {
  io.err(`${message}\n\n${usage}`);
  return 1;
}
