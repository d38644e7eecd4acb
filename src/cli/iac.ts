// `cognito-sync iac`: the infrastructure-as-code export from a terminal, for pipelines and drift
// checks. The template goes to stdout (nothing else does), messages to stderr.
import { parseArgs } from 'util';
import { AwsError, isCognitoSyncRegion } from '../aws';
import { IAC_FORMATS, IacFormat, generateInfrastructureCode } from '../iac';
import { IacScope, readPools } from '../iac/read';
import { EXIT, exitCodeOf } from './exitCodes';
import type { Subcommand } from './main';
import { SESSION_OPTIONS, SessionOptions, UsageError, checkPoolId, parseOrExplain, sessionOptions } from './arguments';
import { cliSession } from './text';

const USAGE = `Usage: cognito-sync iac (--pool ID | --region REGION) --format FORMAT [options]
  --pool ID              one identity pool (<region>:<uuid>)
  --region REGION        every identity pool of REGION, in one template
  --format FORMAT        ${IAC_FORMATS.join(', ')}
  --with-roles           also define the push sync and streams roles (AWS::IAM::Role) and use them
  --profile NAME         AWS profile (default: AWS_PROFILE, else default)
  --endpoint-url URL     send every call to URL (an emulator) instead of the profile's endpoint_url or AWS
  --help
Writes the template to stdout. Exit codes: 0 written, 2 usage, 4 bad profile or credentials,
5 unknown pool (or no pool in the region), 6 access denied, 10 AWS failed after retries.`;

interface Parsed extends SessionOptions {
  scope: IacScope;
  format: IacFormat;
  withRoles: boolean;
}

function parse(args: string[]): Parsed | 'help' {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      pool: { type: 'string' },
      region: { type: 'string' },
      format: { type: 'string' },
      'with-roles': { type: 'boolean', default: false },
      ...SESSION_OPTIONS,
    },
  });
  if (values.help) return 'help';
  if ((values.pool === undefined) === (values.region === undefined)) throw new UsageError('give either --pool or --region');
  if (values.pool !== undefined) checkPoolId(values.pool);
  if (values.region !== undefined && !isCognitoSyncRegion(values.region)) throw new UsageError(`--region "${values.region}" is not a region where Cognito Sync exists`);
  if (!values.format) throw new UsageError(`--format is required: ${IAC_FORMATS.join(', ')}`);
  if (!(IAC_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format "${values.format}" is not one of ${IAC_FORMATS.join(', ')}`);
  return {
    scope: values.pool !== undefined ? { identityPoolId: values.pool } : { region: values.region! },
    format: values.format as IacFormat,
    withRoles: values['with-roles']!,
    ...sessionOptions(values),
  };
}

export const iacCommand: Subcommand = {
  summary: 'write a pool, or every pool of a region, as CloudFormation, CDK or Terraform',
  usage: USAGE,
  async run(args) {
    const parsed = parseOrExplain('iac', USAGE, () => parse(args));
    if ('exitCode' in parsed) return parsed.exitCode;
    const { options } = parsed;
    const session = cliSession(options);
    try {
      const pools = await readPools(session, options.scope);
      if (pools.length === 0) {
        process.stderr.write(`cognito-sync iac: there is no identity pool in ${'region' in options.scope ? options.scope.region : options.scope.identityPoolId} for profile "${session.profileName}"; nothing was written.\n`);
        return EXIT.unknownPool;
      }
      process.stdout.write(generateInfrastructureCode(pools, options.format, { withRoles: options.withRoles }));
      return EXIT.ok;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`cognito-sync iac: ${message}\n`);
      const code = exitCodeOf(error);
      if (code === EXIT.internal && !(error instanceof AwsError) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
      return code;
    } finally {
      session.dispose();
    }
  },
};
