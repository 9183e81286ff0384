import { ConfigError } from '../src/config';
import { DomainError } from '../src/domain/errors';

/** What the command-line tools share: exit codes, usage errors, the common failures and the run. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Bad arguments: the message and the usage go to stderr, exit code 2. */
export class UsageError extends Error {}

export interface CommandLine<C> {
  readonly usage: string;
  /** The command the arguments ask for, or 'help'; throws UsageError for arguments it cannot take. */
  readonly parse: (args: readonly string[]) => C | 'help';
  readonly run: (command: C) => Promise<number>;
  /** This tool's own failures in one line; undefined leaves the error to the common descriptions. */
  readonly describe?: (error: unknown) => string | undefined;
}

function describeFailure(error: unknown, own?: (error: unknown) => string | undefined): string {
  const described = own?.(error);
  if (described) return described;
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof DomainError && error.code === 'storageUnavailable') return 'Error: the table storage does not answer; is it running and reachable?';
  return `Error: ${error instanceof Error ? error.message : String(error)}`;
}

async function main<C>(cli: CommandLine<C>, args: readonly string[]): Promise<number> {
  let command: C | 'help';
  try {
    command = cli.parse(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${cli.usage}`);
    return EXIT_USAGE;
  }
  if (command === 'help') {
    console.log(cli.usage);
    return EXIT_OK;
  }
  return cli.run(command);
}

/** Runs the tool on this process's arguments and sets the exit code; a failure is one line on stderr. */
export function runCommandLine<C>(cli: CommandLine<C>): void {
  main(cli, process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      console.error(describeFailure(error, cli.describe));
      process.exitCode = EXIT_FAILED;
    });
}
