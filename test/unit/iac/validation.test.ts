// Every export validated with the tools people use: cfn-lint on each CloudFormation template (demo
// pools read from the emulator through the real SDK, whole regions, the hostile set; with and
// without roles), tsc + aws-cdk-lib + app.synth() on each CDK stack (compared with the
// CloudFormation export, and linted too), and HashiCorp's HCL parser on each Terraform file with
// its attribute names checked against the resource schemas cfn-lint ships.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { CDK_STACK_CLASS, IacFormat, PoolDefinition, buildDocument, cloudFormationTemplate, generateInfrastructureCode } from '../../../src/iac';
import { readPools } from '../../../src/iac/read';
import { terraformName } from '../../../src/iac/terraformNames';
import { AwsFiles, DEMO_KEYS, RunningEmulator, isolateAwsEnv, staticProfile, startTestEmulator, testSession } from '../aws/helpers';
import { StackSource, compileStacks, scratchFolder, synthesizeStacks } from './cdkSynth';
import { hostilePools } from './fixtures';
import { ResourceSchema, SchemaNode, cfnLint, cfnLintTool, cloudFormationSchemas, parseHcl } from './tools';

interface Case {
  name: string;
  region: string;
  pools: PoolDefinition[];
  withRoles: boolean;
}

const DEMO_REGIONS = { main: ['us-east-1', 'eu-west-1', 'ap-northeast-1'], other: ['us-east-1', 'us-west-2'] } as const;

const safe = (name: string) => name.replace(/[^A-Za-z0-9_-]+/g, '_');

describe('infrastructure as code, validated with cfn-lint, tsc + aws-cdk-lib and the HCL parser', function () {
  // Real tools: cfn-lint starts a Python interpreter, tsc type-checks aws-cdk-lib.
  this.timeout(240_000);
  let emulator: RunningEmulator;
  let files: AwsFiles;
  const cases: Case[] = [];
  let folder: string;

  before(async () => {
    cfnLintTool();
    emulator = await startTestEmulator({ seed: 'demo' });
    files = new AwsFiles('[profile main]\nregion = us-east-1\n[profile other]\nregion = us-east-1\n', staticProfile('main', DEMO_KEYS.main) + staticProfile('other', DEMO_KEYS.other));
    folder = scratchFolder('iac-');
  });
  isolateAwsEnv(() => files);
  after(async () => {
    await emulator?.close();
    files?.remove();
  });

  before(async () => {
    for (const [profile, regions] of Object.entries(DEMO_REGIONS)) {
      const { session } = testSession(files, { profile, endpoint: emulator.url });
      for (const region of regions) {
        const pools = await readPools(session, { region });
        assert.ok(pools.length > 0, `the demo has pools in ${profile}/${region}`);
        for (const withRoles of [false, true]) {
          cases.push({ name: `${profile}-${region}-region${withRoles ? '-roles' : ''}`, region, pools, withRoles });
          for (const pool of pools) cases.push({ name: `${profile}-${safe(pool.identity.IdentityPoolName)}${withRoles ? '-roles' : ''}`, region, pools: [pool], withRoles });
        }
      }
      session.dispose();
    }
    const hostile = hostilePools();
    for (const withRoles of [false, true]) {
      cases.push({ name: `hostile-region${withRoles ? '-roles' : ''}`, region: 'us-east-1', pools: Object.values(hostile), withRoles });
      for (const [name, pool] of Object.entries(hostile)) cases.push({ name: `hostile-${name}${withRoles ? '-roles' : ''}`, region: 'us-east-1', pools: [pool], withRoles });
    }
  });

  const write = (kase: Case, format: IacFormat, extension: string) => {
    const file = path.join(folder, `${kase.name}.${format}${extension}`);
    fs.writeFileSync(file, generateInfrastructureCode(kase.pools, format, { withRoles: kase.withRoles }));
    return file;
  };

  const errorsOf = (findings: ReturnType<typeof cfnLint>) => findings.filter((finding) => finding.Level === 'Error').map((finding) => `${path.basename(finding.Filename)}: ${finding.Rule.Id} ${finding.Message}`);

  it('cfn-lint reports no error on any CloudFormation export, YAML and JSON (demo pools, demo regions, the hostile set; with and without roles)', () => {
    const templates = cases.flatMap((kase) => [write(kase, 'cloudformation-yaml', '.yaml'), write(kase, 'cloudformation-json', '.json')]);
    assert.ok(templates.length >= 60, `${templates.length} templates`);
    const findings = cfnLint(templates, 'us-east-1');
    assert.deepEqual(errorsOf(findings), []);
    // YAML and JSON are the same template.
    for (const kase of cases.slice(0, 3)) {
      const json = JSON.parse(fs.readFileSync(path.join(folder, `${kase.name}.cloudformation-json.json`), 'utf8'));
      assert.deepEqual(json, cloudFormationTemplate(buildDocument(kase.pools, { withRoles: kase.withRoles })));
    }
  });

  it('the CDK stacks compile with tsc (strict) against aws-cdk-lib, and app.synth() gives the CloudFormation export\'s resources, which cfn-lint passes', () => {
    // A region's stack holds each of its pools, so the region cases cover every pool shape.
    const stackCases = cases.filter((kase) => kase.name.includes('region'));
    const stacks: StackSource[] = stackCases.map((kase) => ({ name: `${safe(kase.name)}-cdk`.replace(/-/g, '_'), region: kase.region, source: generateInfrastructureCode(kase.pools, 'cdk', { withRoles: kase.withRoles }) }));
    assert.deepEqual(compileStacks(folder, stacks), []);
    const synthesized = synthesizeStacks(folder, stacks, CDK_STACK_CLASS);
    for (const [index, kase] of stackCases.entries()) {
      const expected = cloudFormationTemplate(buildDocument(kase.pools, { withRoles: kase.withRoles })).Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
      const actual = Object.fromEntries(Object.entries(synthesized[index].template.Resources).filter(([, resource]) => resource.Type !== 'AWS::CDK::Metadata'));
      assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), kase.name);
      for (const [id, resource] of Object.entries(expected)) {
        assert.equal(actual[id].Type, resource.Type, `${kase.name} ${id}`);
        if (resource.Type === 'AWS::Cognito::IdentityPool') assert.deepEqual(actual[id].Properties, resource.Properties, `${kase.name} ${id}: identity pool properties`);
        else assert.deepEqual(withPlainSubs(actual[id].Properties), resource.Properties, `${kase.name} ${id}`);
      }
    }
    assert.deepEqual(errorsOf(cfnLint(synthesized.map((stack) => stack.templateFile), 'us-east-1')), []);
  });

  it('the Terraform parses with HashiCorp\'s HCL parser and uses only awscc attribute names derived from the CloudFormation schemas', async () => {
    const schemas = cloudFormationSchemas(['AWS::Cognito::IdentityPool', 'AWS::Lambda::Permission', 'AWS::IAM::Role']);
    // awscc_<service>_<resource>, as the provider names them.
    const resourceTypes = new Map(Object.keys(schemas).map((type) => [`awscc_${type.split('::')[1].toLowerCase()}_${terraformName(type.split('::')[2])}`, type]));
    assert.ok(resourceTypes.has('awscc_cognito_identity_pool'));
    assert.equal(terraformName('OpenIdConnectProviderARNs'), 'open_id_connect_provider_ar_ns');
    assert.equal(terraformName('SamlProviderARNs'), 'saml_provider_ar_ns');
    for (const kase of cases) {
      const text = generateInfrastructureCode(kase.pools, 'terraform', { withRoles: kase.withRoles });
      const parsed = (await parseHcl(`${kase.name}.tf`, text)) as { resource: Record<string, Record<string, Record<string, unknown>[]>> };
      const expected = buildDocument(kase.pools, { withRoles: kase.withRoles });
      const names: string[] = [];
      for (const [type, blocks] of Object.entries(parsed.resource)) {
        const cfnType = resourceTypes.get(type);
        assert.ok(cfnType, `${kase.name}: ${type} is not an awscc resource of the schemas`);
        for (const [name, [attributes]] of Object.entries(blocks)) {
          names.push(`${cfnType} ${name}`);
          const schema = schemas[cfnType];
          checkAttributes(attributes, schema.properties, schema, `${kase.name} ${type}.${name}`);
          for (const required of schema.required ?? []) assert.ok(terraformName(required) in attributes, `${kase.name} ${type}.${name} lacks ${terraformName(required)}`);
        }
      }
      assert.deepEqual(names.sort(), expected.resources.map((resource) => `${resource.type} ${terraformName(resource.logicalId)}`).sort(), kase.name);
      for (const pool of kase.pools) {
        const written = Object.values(parsed.resource.awscc_cognito_identity_pool).map(([attributes]) => attributes.identity_pool_name);
        assert.ok(written.includes(pool.identity.IdentityPoolName), `${kase.name}: the name ${JSON.stringify(pool.identity.IdentityPoolName)} reads back from HCL`);
      }
    }
  });
});

/** CDK writes `Fn::Sub` with a variable map ({Pool: {Ref: Pool}}); the export names the resource in the string. */
function withPlainSubs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withPlainSubs);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1 && entries[0][0] === 'Fn::Sub' && Array.isArray(entries[0][1])) {
    const [template, variables] = entries[0][1] as [string, Record<string, { Ref?: string }>];
    if (Object.entries(variables).every(([name, ref]) => ref.Ref === name)) return { 'Fn::Sub': template };
  }
  return Object.fromEntries(entries.map(([key, entry]) => [key, withPlainSubs(entry)]));
}

function resolve(node: SchemaNode, schema: ResourceSchema): SchemaNode {
  return node.$ref ? resolve(schema.definitions![node.$ref.replace('#/definitions/', '')], schema) : node;
}

/** JSON-typed properties (free maps, policy documents) are strings in awscc: written with jsonencode(). */
const isJson = (node: SchemaNode) => node.format === 'json' || ((node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object'))) && !node.properties);

function checkAttributes(attributes: Record<string, unknown>, properties: Record<string, SchemaNode>, schema: ResourceSchema, where: string): void {
  const byAttribute = new Map(Object.entries(properties).map(([name, node]) => [terraformName(name), node]));
  for (const [attribute, value] of Object.entries(attributes)) {
    const node = byAttribute.get(attribute);
    assert.ok(node, `${where}: ${attribute} is not an attribute of the schema (${[...byAttribute.keys()].join(', ')})`);
    const resolved = resolve(node, schema);
    if (isJson(resolved)) {
      assert.match(String(value), /^\$\{jsonencode\(/, `${where}.${attribute} is JSON: written with jsonencode`);
      continue;
    }
    const item = resolved.items ? resolve(resolved.items, schema) : undefined;
    if (resolved.properties) checkAttributes(value as Record<string, unknown>, resolved.properties, schema, `${where}.${attribute}`);
    else if (item?.properties) (value as Record<string, unknown>[]).forEach((entry, index) => checkAttributes(entry, item.properties!, schema, `${where}.${attribute}[${index}]`));
  }
}
