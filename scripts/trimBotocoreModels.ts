// `node scripts/runCompiled.js scripts/trimBotocoreModels`: writes the SNS, IAM, Kinesis and Lambda models
// the emulator serves (emulator/models/<service>.service-2.json) from the botocore data of the
// Python botocore package installed on this machine, trimmed to the operations the emulator serves
// and the shapes they reach (inputs, outputs, errors). The full models are megabytes; the trimmed
// ones are what the emulator validates against. Each file records where it came from under the
// top-level key "trimmedFrom" (botocore ignores unknown keys; so does the emulator).
//
// Shapes and operations are copied unchanged (documentation included); nothing is added besides
// "trimmedFrom". Rerun after upgrading botocore, then run the emulator tests.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { projectRoot } from './projectRoot';

interface TrimTarget {
  /** botocore's data directory name and API version. */
  service: string;
  apiVersion: string;
  operations: string[];
}

const TRIM_TARGETS: TrimTarget[] = [
  { service: 'sns', apiVersion: '2010-03-31', operations: ['ListPlatformApplications'] },
  { service: 'iam', apiVersion: '2010-05-08', operations: ['ListRoles', 'CreateRole', 'PutRolePolicy', 'GetRole', 'GetRolePolicy'] },
  { service: 'kinesis', apiVersion: '2013-12-02', operations: ['ListStreams', 'CreateStream', 'DescribeStreamSummary'] },
  { service: 'lambda', apiVersion: '2015-03-31', operations: ['ListFunctions', 'GetPolicy', 'AddPermission'] },
];

type Json = Record<string, unknown>;
interface BotocoreModel {
  version?: string;
  metadata: Json;
  operations: Record<string, { input?: { shape: string }; output?: { shape: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, Json & { members?: Record<string, { shape: string }>; member?: { shape: string }; key?: { shape: string }; value?: { shape: string } }>;
}

function botocore(): { dataDir: string; version: string } {
  const script = 'import botocore, os; print(os.path.dirname(botocore.__file__)); print(botocore.__version__)';
  let output: string;
  try {
    output = execFileSync('python3', ['-c', script], { encoding: 'utf8' });
  } catch (error) {
    throw new Error(`cannot import botocore with python3 (${(error as Error).message.split('\n')[0]}); install it, e.g. "pip install botocore" or Debian's python3-botocore`);
  }
  const [directory, version] = output.trim().split('\n');
  return { dataDir: path.join(directory, 'data'), version };
}

function readModel(dataDir: string, target: TrimTarget): { model: BotocoreModel; file: string } {
  const base = path.join(dataDir, target.service, target.apiVersion, 'service-2.json');
  if (fs.existsSync(base)) return { model: JSON.parse(fs.readFileSync(base, 'utf8')) as BotocoreModel, file: 'service-2.json' };
  const gzipped = `${base}.gz`;
  if (fs.existsSync(gzipped)) return { model: JSON.parse(zlib.gunzipSync(fs.readFileSync(gzipped)).toString('utf8')) as BotocoreModel, file: 'service-2.json.gz' };
  throw new Error(`botocore has no ${target.service} ${target.apiVersion} model (looked for service-2.json and service-2.json.gz)`);
}

/** The model with only `operations` and the shapes they reach, in the original key order. */
function trimModel(model: BotocoreModel, operations: string[]): BotocoreModel {
  const reached = new Set<string>();
  const visit = (name: string) => {
    if (reached.has(name)) return;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`the model refers to a shape ${name} it does not define`);
    reached.add(name);
    for (const member of Object.values(shape.members ?? {})) visit(member.shape);
    for (const child of [shape.member, shape.key, shape.value]) if (child) visit(child.shape);
  };
  for (const name of operations) {
    const operation = model.operations[name];
    if (!operation) throw new Error(`the model has no operation ${name}`);
    for (const reference of [operation.input, operation.output, ...(operation.errors ?? [])]) if (reference) visit(reference.shape);
  }
  return {
    ...(model.version ? { version: model.version } : {}),
    metadata: model.metadata,
    operations: Object.fromEntries(Object.entries(model.operations).filter(([name]) => operations.includes(name))),
    shapes: Object.fromEntries(Object.entries(model.shapes).filter(([name]) => reached.has(name))),
  };
}

function main(): void {
  const { dataDir, version } = botocore();
  const outputDir = path.join(projectRoot(), 'emulator', 'models');
  for (const target of TRIM_TARGETS) {
    const { model, file } = readModel(dataDir, target);
    const trimmed = trimModel(model, target.operations);
    const provenance = {
      trimmedFrom: {
        botocore: version,
        file: `botocore/data/${target.service}/${target.apiVersion}/${file}`,
        operations: target.operations,
        by: 'scripts/trimBotocoreModels.ts',
      },
    };
    const output = path.join(outputDir, `${target.service}.service-2.json`);
    fs.writeFileSync(output, `${JSON.stringify({ ...provenance, ...trimmed }, null, 1)}\n`);
    console.log(`${path.relative(projectRoot(), output)}: ${target.operations.join(', ')}; ${Object.keys(trimmed.shapes).length} of ${Object.keys(model.shapes).length} shapes (botocore ${version})`);
  }
}

if (require.main === module) main();
