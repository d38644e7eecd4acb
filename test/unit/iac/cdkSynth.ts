// Compiles generated CDK stack files with the TypeScript compiler (strict, against the real
// aws-cdk-lib and constructs) and synthesizes each with app.synth(), which needs no AWS account.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as cdk from 'aws-cdk-lib';
import { projectRoot } from '../../../scripts/projectRoot';

export interface StackSource {
  name: string;
  region: string;
  source: string;
}

export interface Synthesized {
  name: string;
  templateFile: string;
  template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
}

/** A fresh folder inside the project, so the stacks resolve aws-cdk-lib from its node_modules. */
export function scratchFolder(prefix: string): string {
  const parent = path.join(projectRoot(), 'out', 'iac-scratch');
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, prefix));
}

/** Type-checks and emits every stack in one program; returns the diagnostics as text (empty: clean). */
export function compileStacks(folder: string, stacks: readonly StackSource[]): string[] {
  const files = stacks.map((stack) => {
    const file = path.join(folder, `${stack.name}.ts`);
    fs.writeFileSync(file, stack.source);
    return file;
  });
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    noUnusedLocals: true,
    skipLibCheck: true,
    types: [],
  };
  const program = ts.createProgram(files, options);
  const emitted = program.emit();
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  return diagnostics.map((diagnostic) => {
    const where = diagnostic.file ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}: ` : '';
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/**
 * Loads each compiled stack into one App and synthesizes it once: a synthesis costs seconds
 * whatever it holds (CDK validates the templates), so one App with every stack keeps it short.
 */
export function synthesizeStacks(folder: string, stacks: readonly StackSource[], stackClass: string): Synthesized[] {
  const app = new cdk.App({ outdir: path.join(folder, 'cdk.out'), analyticsReporting: false });
  const ids = stacks.map((stack) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled stack is only known at run time
    const module = require(path.join(folder, `${stack.name}.js`)) as Record<string, new (scope: cdk.App, id: string, props: cdk.StackProps) => cdk.Stack>;
    const id = stack.name.replace(/[^A-Za-z0-9-]/g, '-');
    new module[stackClass](app, id, { env: { region: stack.region } });
    return id;
  });
  const assembly = app.synth();
  return stacks.map((stack, index) => {
    const artifact = assembly.getStackByName(ids[index]);
    return { name: stack.name, templateFile: artifact.templateFullPath, template: artifact.template };
  });
}
