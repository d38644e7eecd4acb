// `cognito-sync <command> [options]`: the headless entry point (dist/cli.js, the `cognito-sync`
// bin). Each subcommand is one entry of COMMANDS; no vscode import anywhere below this file.
import { exportCommand } from './exportCommand';
import { iacCommand } from './iac';
import { reportCommand } from './report';
import { EXIT } from './exitCodes';

export interface Subcommand {
  summary: string;
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

export const COMMANDS: Record<string, Subcommand> = {
  export: exportCommand,
  iac: iacCommand,
  report: reportCommand,
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `Usage: cognito-sync <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun cognito-sync <command> --help for its options.`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? process.stdout : process.stderr).write(`${usage()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`cognito-sync: unknown command "${name}".\n${usage()}\n`);
    return EXIT.usage;
  }
  return command.run(args);
}

if (require.main === module) {
  // The SDK warns on every client that Node 20 support ends; Node 20 is a supported runtime here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`cognito-sync: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(EXIT.internal);
    },
  );
}
