// The real tools the infrastructure-as-code tests validate with: cfn-lint (Python; found on PATH,
// through CFN_LINT, or as `python3 -m cfnlint`), the CloudFormation resource schemas cfn-lint
// ships, TypeScript + aws-cdk-lib for the CDK stack, and HashiCorp's HCL parser (@cdktf/hcl2json,
// the Go parser compiled to WebAssembly) for Terraform. A missing cfn-lint fails the tests with
// how to install it: it is never skipped.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

interface Command {
  command: string;
  args: string[];
}

const runs = (command: Command) => {
  const result = spawnSync(command.command, [...command.args, '--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
};

function pythonOf(executable: string): string | undefined {
  for (const directory of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(directory, executable);
    if (!fs.existsSync(candidate)) continue;
    const firstLine = fs.readFileSync(candidate, 'utf8').split('\n', 1)[0];
    const match = /^#!\s*(\S*python[0-9.]*)\s*$/.exec(firstLine);
    return match?.[1];
  }
  return undefined;
}

let found: { lint: Command; python: string; version: string } | undefined;

/** cfn-lint and the Python that runs it; throws, saying how to install it, when there is none. */
export function cfnLintTool(): { lint: Command; python: string; version: string } {
  if (found) return found;
  const python = process.env.CFN_LINT_PYTHON || pythonOf('cfn-lint') || 'python3';
  const candidates: Command[] = [
    ...(process.env.CFN_LINT ? [{ command: process.env.CFN_LINT, args: [] }] : []),
    { command: 'cfn-lint', args: [] },
    { command: python, args: ['-m', 'cfnlint'] },
  ];
  for (const lint of candidates) {
    const version = runs(lint);
    if (version) return (found = { lint, python, version });
  }
  throw new Error(
    'cfn-lint was not found (tried $CFN_LINT, cfn-lint on PATH and `python3 -m cfnlint`). The infrastructure-as-code tests validate every CloudFormation export with it: install it with `pip install cfn-lint` (or `pipx install cfn-lint`), or set CFN_LINT to its path.',
  );
}

export interface LintFinding {
  Filename: string;
  Level: 'Error' | 'Warning' | 'Informational';
  Message: string;
  Rule: { Id: string };
}

/** Lints every template in one cfn-lint run (it starts slowly); returns every finding. */
export function cfnLint(files: readonly string[], region: string): LintFinding[] {
  const { lint } = cfnLintTool();
  const result = spawnSync(lint.command, [...lint.args, '--format', 'json', '--regions', region, '--', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  // Exit status is a bit mask of the levels found (2 errors, 4 warnings, 8 informational); 1 is a crash.
  if (result.status === null || (result.status & 1) === 1 || result.stdout.trim() === '') {
    throw new Error(`cfn-lint failed to run (exit ${result.status ?? result.signal}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as LintFinding[];
}

export interface ResourceSchema {
  properties: Record<string, SchemaNode>;
  definitions?: Record<string, SchemaNode>;
  required?: string[];
  readOnlyProperties?: string[];
}

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** The CloudFormation resource schemas cfn-lint ships (us-east-1's), by type. */
export function cloudFormationSchemas(types: readonly string[]): Record<string, ResourceSchema> {
  const { python } = cfnLintTool();
  const script = 'import json, sys\nfrom cfnlint.schema import PROVIDER_SCHEMA_MANAGER as m\nprint(json.dumps({t: m.get_resource_schema("us-east-1", t).schema for t in sys.argv[1:]}))';
  const result = spawnSync(python, ['-c', script, ...types], { encoding: 'utf8', cwd: path.parse(process.cwd()).root });
  if (result.status !== 0) throw new Error(`Reading the resource schemas of cfn-lint with ${python} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, ResourceSchema>;
}

/** HashiCorp's HCL parser: the configuration as JSON (throws on a syntax error). */
export async function parseHcl(fileName: string, text: string): Promise<Record<string, unknown>> {
  const { parse } = (await import('@cdktf/hcl2json')) as { parse(name: string, text: string): Promise<Record<string, unknown>> };
  return parse(fileName, text);
}
