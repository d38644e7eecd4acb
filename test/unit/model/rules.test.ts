import * as assert from 'assert/strict';
import syncModel from '../../../emulator/models/cognito-sync.service-2.json';
import { CONSTRAINTS, Problem, formatConfiguration, validateConfiguration, validateConfigurationText } from '../../../src/model/rules';
import { completionSchema } from '../../../src/model/completionSchema';
import { configurationSchema } from '../../../src/model/schema';

type Shape = { min?: number; max?: number; pattern?: string; enum?: string[] };
const shapes = syncModel.shapes as Record<string, Shape>;

const POOL = 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861';
const ROLE = 'arn:aws:iam::123456789012:role/CognitoPushRole';
const APP = 'arn:aws:sns:us-east-1:123456789012:app/GCM/MyApp';

function errorsAt(problems: Problem[], path: (string | number)[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error' && JSON.stringify(problem.path) === JSON.stringify(path));
}

/** The shortest role ARN prefix is 20 characters (`arn:aws:iam::1:role/`), the model's minimum. */
function roleOfLength(length: number): string {
  const prefix = 'arn:aws:iam::1:role/';
  const role = prefix + 'r'.repeat(Math.max(0, length - prefix.length));
  return role.slice(0, length);
}

describe('model: rules agree with the botocore model', () => {
  const cases: [keyof typeof CONSTRAINTS, string][] = [
    ['identityPoolId', 'IdentityPoolId'],
    ['roleArn', 'AssumeRoleArn'],
    ['applicationArn', 'ApplicationArn'],
    ['streamName', 'StreamName'],
  ];
  for (const [rule, shapeName] of cases) {
    it(`${rule} has the length bounds of the model's ${shapeName}`, () => {
      const constraint = CONSTRAINTS[rule] as { minLength?: number; maxLength?: number };
      assert.equal(constraint.minLength, shapes[shapeName].min);
      assert.equal(constraint.maxLength, shapes[shapeName].max);
    });
  }

  it('identityPoolId and applicationArn use the model patterns, anchored', () => {
    assert.equal(CONSTRAINTS.identityPoolId.pattern, `^${shapes.IdentityPoolId.pattern}$`);
    assert.equal(CONSTRAINTS.applicationArn.pattern, `^${shapes.ApplicationArn.pattern}$`);
  });

  it('roleArn is the model pattern without its trailing .* (the service checks the prefix)', () => {
    assert.equal(`${CONSTRAINTS.roleArn.pattern.slice(1)}.*`, shapes.AssumeRoleArn.pattern);
  });

  it('streamingStatus is the model enum', () => {
    assert.deepEqual([...CONSTRAINTS.streamingStatus.enum], shapes.StreamingStatus.enum);
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

  it('carries the same constraints as the validator', () => {
    type Property = { pattern?: string; minLength?: number; maxLength?: number; items?: { pattern?: string }; enum?: string[]; properties?: Record<string, Property> };
    const schema = configurationSchema() as { properties: Record<string, Property> };
    assert.equal(schema.properties.IdentityPoolId.pattern, CONSTRAINTS.identityPoolId.pattern);
    assert.equal(schema.properties.IdentityPoolId.maxLength, CONSTRAINTS.identityPoolId.maxLength);
    const push = schema.properties.PushSync.properties!;
    assert.equal(push.ApplicationArns.items?.pattern, CONSTRAINTS.applicationArn.pattern);
    assert.equal(push.RoleArn.pattern, CONSTRAINTS.roleArn.pattern);
    assert.equal(push.RoleArn.minLength, CONSTRAINTS.roleArn.minLength);
    const streams = schema.properties.CognitoStreams.properties!;
    assert.equal(streams.StreamName.maxLength, CONSTRAINTS.streamName.maxLength);
    assert.deepEqual(streams.StreamingStatus.enum, [...CONSTRAINTS.streamingStatus.enum]);
  });
});
