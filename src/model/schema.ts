// The JSON schema of `*.cognito-sync.json` files, generated from the same CONSTRAINTS the form and
// the save use. schemas/cognito-sync.schema.json is this object written out (npm run schema);
// a unit test fails when the two differ.
import { APPLICATION_ARN_HINT, CONSTRAINTS, POOL_ID_HINT, ROLE_ARN_HINT } from './rules';

export function configurationSchema(): Record<string, unknown> {
  const roleArn = (what: string) => ({
    type: 'string',
    minLength: CONSTRAINTS.roleArn.minLength,
    maxLength: CONSTRAINTS.roleArn.maxLength,
    pattern: CONSTRAINTS.roleArn.pattern,
    description: `ARN of the IAM role Cognito Sync assumes to ${what}. Its trust policy must allow cognito-sync.amazonaws.com.`,
    patternErrorMessage: `Not an IAM role ARN: ${ROLE_ARN_HINT}.`,
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cognito-sync-explorer/schemas/cognito-sync.schema.json',
    title: 'Cognito Sync configuration of an identity pool',
    description:
      'The input of `aws cognito-sync set-identity-pool-configuration --cli-input-json`: the push sync and Cognito Streams configuration of one identity pool. Applied or saved by Cognito Sync Explorer, the file is the whole configuration: a member left out is cleared (the confirmation lists it). The AWS CLI leaves a member that is left out unchanged; an empty PushSync or CognitoStreams object clears it with both.',
    type: 'object',
    additionalProperties: false,
    required: ['IdentityPoolId'],
    properties: {
      IdentityPoolId: {
        type: 'string',
        minLength: CONSTRAINTS.identityPoolId.minLength,
        maxLength: CONSTRAINTS.identityPoolId.maxLength,
        pattern: CONSTRAINTS.identityPoolId.pattern,
        description: 'The identity pool, as `<region>:<GUID>`. The region part says where the pool lives.',
        patternErrorMessage: `Not an identity pool id: ${POOL_ID_HINT}.`,
      },
      PushSync: {
        type: 'object',
        additionalProperties: false,
        description: 'Push sync: silent push notifications to the devices of an identity when its data changes, through SNS platform applications. An empty object turns push sync off.',
        properties: {
          ApplicationArns: {
            type: 'array',
            description: 'ARNs of the SNS platform applications (one per platform: APNS, APNS_SANDBOX, GCM, ADM) that deliver the notifications.',
            items: {
              type: 'string',
              pattern: CONSTRAINTS.applicationArn.pattern,
              description: 'An SNS platform application ARN, arn:aws:sns:<region>:<account>:app/<PLATFORM>/<name>.',
              patternErrorMessage: `Not an SNS platform application ARN: ${APPLICATION_ARN_HINT}.`,
            },
          },
          RoleArn: roleArn('publish to the SNS platform applications'),
        },
      },
      CognitoStreams: {
        type: 'object',
        additionalProperties: false,
        description: 'Cognito Streams: every dataset change is written to a Kinesis stream. An empty object turns it off.',
        properties: {
          StreamName: {
            type: 'string',
            minLength: CONSTRAINTS.streamName.minLength,
            maxLength: CONSTRAINTS.streamName.maxLength,
            description: 'Name of the Kinesis stream, in the pool\'s account and region.',
          },
          RoleArn: roleArn('write to the Kinesis stream'),
          StreamingStatus: {
            type: 'string',
            enum: [...CONSTRAINTS.streamingStatus.enum],
            enumDescriptions: ['Changes are streamed; bulk publish can run.', 'Nothing is streamed; bulk publish fails.'],
            description: 'ENABLED streams changes to the stream; DISABLED stops it. Bulk publish needs ENABLED.',
          },
        },
      },
    },
  };
}
