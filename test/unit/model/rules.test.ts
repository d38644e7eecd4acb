import * as assert from 'assert/strict';
import syncModel from '../../../emulator/models/cognito-sync.service-2.json';
import { formatConfiguration } from '../../../src/model/configuration';
import { validateConfigurationText } from '../../../src/model/configurationText';
import { FIELDS } from '../../../src/model/fields';
import { Problem, validateConfiguration } from '../../../src/model/rules';
import { completionSchema } from '../../../src/model/completionSchema';
import { configurationSchema } from '../../../src/model/schema';
import { applicationArn, EXAMPLE_ACCOUNT, EXAMPLE_POOL_ID, roleArn } from '../../toolkit';

type Shape = { type: string; min?: number; max?: number; pattern?: string; enum?: string[]; required?: string[]; members?: Record<string, { shape: string }>; member?: { shape: string } };
const shapes = syncModel.shapes as Record<string, Shape>;
type SchemaNode = { type?: string; pattern?: string; minLength?: number; maxLength?: number; enum?: string[]; required?: string[]; items?: SchemaNode; properties?: Record<string, SchemaNode>; additionalProperties?: boolean };

/**
 * The model's pattern as the schema and the validator write it: anchored, except that the
 * AssumeRoleArn pattern ends in `.*` and the service checks the prefix only.
 */
function anchored(pattern: string): string {
  return pattern.endsWith('.*') ? `^${pattern.slice(0, -2)}` : `^${pattern}$`;
}

/** Compares a schema node with a botocore shape, member by member, and returns the differences. */
function differences(node: SchemaNode, shapeName: string, where: string): string[] {
  const shape = shapes[shapeName];
  const found: string[] = [];
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(expected)) found.push(`${where} ${what}: schema ${JSON.stringify(actual)}, model ${JSON.stringify(expected)}`);
  };
  if (shape.type === 'structure') {
    expect('type', node.type, 'object');
    expect('additionalProperties', node.additionalProperties, false);
    expect('members', Object.keys(node.properties ?? {}).sort(), Object.keys(shape.members ?? {}).sort());
    expect('required', node.required ?? [], shape.required ?? []);
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (node.properties?.[name]) found.push(...differences(node.properties[name], member.shape, `${where}.${name}`));
    }
  } else if (shape.type === 'list') {
    expect('type', node.type, 'array');
    found.push(...differences(node.items ?? {}, shape.member!.shape, `${where}[]`));
  } else {
    expect('type', node.type, shape.type);
    expect('minLength', node.minLength, shape.min);
    expect('maxLength', node.maxLength, shape.max);
    expect('pattern', node.pattern, shape.pattern === undefined ? undefined : anchored(shape.pattern));
    expect('enum', node.enum, shape.enum);
  }
  return found;
}

const POOL = EXAMPLE_POOL_ID;
const ROLE = roleArn(EXAMPLE_ACCOUNT, 'CognitoPushRole');
const APP = applicationArn('GCM', EXAMPLE_ACCOUNT, 'us-east-1', 'MyApp');

function errorsAt(problems: Problem[], path: (string | number)[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error' && JSON.stringify(problem.path) === JSON.stringify(path));
}

/** The shortest role ARN prefix is 20 characters (`arn:aws:iam::1:role/`), the model's minimum. */
function roleOfLength(length: number): string {
  const prefix = 'arn:aws:iam::1:role/';
  const role = prefix + 'r'.repeat(Math.max(0, length - prefix.length));
  return role.slice(0, length);
}

describe('model: the field table agrees with the botocore model', () => {
  it('the schema generated from the table has the members, types, bounds, patterns and enums of SetIdentityPoolConfigurationRequest', () => {
    assert.deepEqual(differences(configurationSchema() as SchemaNode, 'SetIdentityPoolConfigurationRequest', 'configuration'), []);
  });

  it('the comparison itself finds a bound that differs from the model', () => {
    const schema = configurationSchema() as SchemaNode;
    schema.properties!.CognitoStreams.properties!.StreamName.maxLength = 129;
    assert.deepEqual(differences(schema, 'SetIdentityPoolConfigurationRequest', 'configuration'), ['configuration.CognitoStreams.StreamName maxLength: schema 129, model 128']);
  });

  it('every field of the table is a member of the model\'s request', () => {
    for (const field of FIELDS) {
      const holder = field.section ? shapes[shapes.SetIdentityPoolConfigurationRequest.members![field.section].shape] : shapes.SetIdentityPoolConfigurationRequest;
      assert.ok(holder.members?.[field.name], `${field.section ?? ''}.${field.name}`);
    }
  });
});

describe('model: validation on boundary values', () => {
  const validate = (configuration: object) => validateConfiguration({ IdentityPoolId: POOL, ...configuration }).problems;

  for (const [length, valid] of [[19, false], [20, true], [2048, true], [2049, false]] as const) {
    it(`a role ARN of ${length} characters is ${valid ? 'accepted' : 'refused'}`, () => {
      const problems = validate({ PushSync: { RoleArn: roleOfLength(length) } });
      assert.equal(errorsAt(problems, ['PushSync', 'RoleArn']).length, valid ? 0 : 1, JSON.stringify(problems));
    });
  }

  for (const [length, valid] of [[0, false], [1, true], [128, true], [129, false]] as const) {
    it(`a stream name of ${length} characters is ${valid ? 'accepted' : 'refused'}`, () => {
      const problems = validate({ CognitoStreams: { StreamName: 's'.repeat(length) } });
      assert.equal(errorsAt(problems, ['CognitoStreams', 'StreamName']).length, valid ? 0 : 1);
    });
  }

  for (const [id, valid] of [
    [POOL, true],
    ['us-east-1:23EC4050-6AEA-7089-A2DD-08002EXAMPLE', false],
    ['', false],
    [`us-east-1:${'a'.repeat(45)}`, true],
    [`us-east-1:${'a'.repeat(46)}`, false],
    ['NOT A POOL ID', false],
  ] as const) {
    it(`IdentityPoolId ${JSON.stringify(id.slice(0, 30))} (${id.length} chars) is ${valid ? 'accepted' : 'refused'}`, () => {
      const problems = validateConfiguration({ IdentityPoolId: id }).problems;
      assert.equal(errorsAt(problems, ['IdentityPoolId']).length, valid ? 0 : 1);
    });
  }

  for (const section of ['PushSync', 'CognitoStreams']) {
    it(`a ${section} role that cannot be an ARN at all gets the expected form, not the length rule`, () => {
      const errors = errorsAt(validate({ [section]: { RoleArn: 'not-an-arn' } }), [section, 'RoleArn']);
      assert.deepEqual(errors.map((error) => error.message), ['Role ARN is not valid: expected an IAM role ARN like arn:aws:iam::123456789012:role/CognitoSyncRole.']);
    });
  }

  it('an application ARN that cannot be an ARN at all gets the expected form', () => {
    const errors = errorsAt(validate({ PushSync: { ApplicationArns: ['not-an-arn'] } }), ['PushSync', 'ApplicationArns', 0]);
    assert.deepEqual(errors.map((error) => error.message), ['Application ARN 1 is not valid: expected an SNS platform application ARN like arn:aws:sns:us-east-1:123456789012:app/GCM/MyApp.']);
  });

  for (const [text, rule] of [['arn:aws:iam::1:r', /at least 20 characters \(it has 16\)/], ['arn:aws', /at least 20 characters/], ['', /at least 20 characters \(it has 0\)/]] as const) {
    it(`a role ARN on its way to the right form (${JSON.stringify(text)}) still gets the length rule`, () => {
      const errors = errorsAt(validate({ PushSync: { RoleArn: text } }), ['PushSync', 'RoleArn']);
      assert.equal(errors.length, 1);
      assert.match(errors[0].message, rule);
    });
  }

  it('an application ARN that is not an SNS platform application is refused, naming its position', () => {
    const problems = validate({ PushSync: { ApplicationArns: [APP, 'arn:aws:sns:us-east-1:123456789012:MyTopic'] } });
    const errors = errorsAt(problems, ['PushSync', 'ApplicationArns', 1]);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /Application ARN 2 is not valid/);
  });

  it('a repeated application ARN is a warning on the repeat', () => {
    const problems = validate({ PushSync: { ApplicationArns: [APP, APP] } });
    assert.deepEqual(problems.map((problem) => [problem.severity, problem.path]), [['warning', ['PushSync', 'ApplicationArns', 1]]]);
  });

  it('an SNS application in another region than the pool is a warning', () => {
    const problems = validate({ PushSync: { ApplicationArns: ['arn:aws:sns:eu-west-1:123456789012:app/GCM/MyApp'] } });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, 'warning');
    assert.match(problems[0].message, /eu-west-1.*us-east-1/);
  });

  it('ARNs of another account than the pool\'s are warnings when the account is known', () => {
    const problems = validateConfiguration({ IdentityPoolId: POOL, PushSync: { RoleArn: ROLE, ApplicationArns: [APP] } }, { accountId: '999999999999' }).problems;
    assert.deepEqual(problems.map((problem) => problem.severity), ['warning', 'warning']);
  });

  it('a streaming status other than ENABLED or DISABLED is refused', () => {
    assert.equal(errorsAt(validate({ CognitoStreams: { StreamingStatus: 'PAUSED' } }), ['CognitoStreams', 'StreamingStatus']).length, 1);
  });

  it('unknown members are refused, as the AWS CLI refuses them', () => {
    const problems = validate({ $schema: 'x', CognitoStreams: { DisabledReason: 'x' } });
    assert.equal(errorsAt(problems, ['$schema']).length, 1);
    assert.equal(errorsAt(problems, ['CognitoStreams', 'DisabledReason']).length, 1);
  });

  it('a pool id in a region without Cognito Sync is a warning', () => {
    const problems = validateConfiguration({ IdentityPoolId: 'eu-north-1:0c1ba052-e098-41fa-a76e-eaa2c125f861' }).problems;
    assert.deepEqual(problems.map((problem) => problem.severity), ['warning']);
  });
});

describe('model: configuration text', () => {
  it('round-trips: format then validate gives back the configuration, with no problem', () => {
    const configuration = { IdentityPoolId: POOL, PushSync: { ApplicationArns: [APP], RoleArn: ROLE }, CognitoStreams: { StreamName: 's', RoleArn: ROLE, StreamingStatus: 'ENABLED' as const } };
    const text = formatConfiguration(configuration);
    const result = validateConfigurationText(text);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.configuration, configuration);
    assert.ok(text.endsWith('}\n'));
  });

  it('comments and trailing commas are errors with their position (the AWS CLI reads strict JSON)', () => {
    const result = validateConfigurationText('{\n  // note\n  "IdentityPoolId": "x",\n}');
    assert.equal(result.configuration, undefined);
    assert.ok(result.problems.length >= 1);
    assert.ok(result.problems.every((problem) => problem.severity === 'error' && typeof (problem as { offset?: number }).offset === 'number'));
  });

  it('a problem is located at its member in the text', () => {
    const text = formatConfiguration({ IdentityPoolId: POOL, PushSync: { RoleArn: 'arn:aws:iam::12:user/x-is-not-a-role' } });
    const [problem] = validateConfigurationText(text).problems;
    assert.equal(text.slice(problem.offset, (problem.offset ?? 0) + (problem.length ?? 0)), '"arn:aws:iam::12:user/x-is-not-a-role"');
  });
});

describe('model: the contributed JSON schema', () => {
  it('schemas/cognito-sync.schema.json is what src/model/schema.ts generates, less validation (run `npm run schema` after changing a rule)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const committed = require('../../../../schemas/cognito-sync.schema.json');
    assert.deepEqual(committed, completionSchema(configurationSchema()));
  });

  it('the contributed schema validates nothing (the extension\'s diagnostics do, as errors) but still names, explains and suggests', () => {
    const text = JSON.stringify(completionSchema(configurationSchema()));
    for (const keyword of ['"type"', '"pattern"', '"minLength"', '"maxLength"', '"required"', '"additionalProperties"', '"enum"']) assert.ok(!text.includes(keyword), keyword);
    type Node = { description?: string; properties?: Record<string, Node>; defaultSnippets?: { label: string; body: unknown }[] };
    const schema = completionSchema(configurationSchema()) as Node;
    assert.deepEqual(Object.keys(schema.properties ?? {}), ['IdentityPoolId', 'PushSync', 'CognitoStreams']);
    assert.match(schema.properties?.PushSync.properties?.RoleArn.description ?? '', /IAM role/);
    assert.deepEqual(schema.properties?.CognitoStreams.properties?.StreamingStatus.defaultSnippets?.map((snippet) => snippet.body), ['ENABLED', 'DISABLED']);
  });
});
