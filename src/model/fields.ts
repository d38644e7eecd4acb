// THE table of a pool's sync configuration: every member of the `*.cognito-sync.json` file (the
// CLI input of set-identity-pool-configuration), with its constraints, its words for people and
// its description. The validator (rules.ts), the JSON schema (schema.ts), the webview message
// check (src/editor/protocol.ts), formatConfiguration, the canonical form and the change summary
// all read it, so a new member is one entry here (plus the form's layout). The constraints are
// the botocore model's (test/unit/model/rules.test.ts compares them with it); the emulator
// validates from the model itself, not from this table. Pure: no vscode, no AWS SDK.
import { accountOfArn, regionOfArn } from './arns';
import * as l10n from '@vscode/l10n';

/** The configuration's objects: a field with a `section` is a member of that object. */
export type SectionName = 'PushSync' | 'CognitoStreams';

export interface SectionRule {
  name: SectionName;
  /** For the change summary: "Push sync turned on". */
  title: string;
  /** For the JSON schema. */
  description: string;
}

/** Facts about the pool a value is checked against (for warnings, never for errors). */
export interface PoolFacts {
  region?: string;
  accountId?: string;
}

export interface FieldRule {
  /** The member name. */
  name: string;
  /** The object holding the member; none: the top level. */
  section?: SectionName;
  /** `string`, a list of strings, or one of `enum`. */
  type: 'string' | 'stringList' | 'enum';
  required?: boolean;
  /** Bounds in characters (code points), of the value or of each list item. */
  minLength?: number;
  maxLength?: number;
  /** The value or each list item must match (anchored, Unicode). */
  pattern?: string;
  enum?: readonly string[];
  /** In messages: "Role ARN must…"; for a list item, followed by its number ("Application ARN 2"). */
  label: string;
  /** In the change summary: "Push sync role: a → b". */
  changeLabel: string;
  /** The kind of value, for the schema's message: "Not an IAM role ARN: …". */
  kind?: string;
  /** The message for a value of the wrong kind, showing the expected form. */
  wrongKind?: string;
  /**
   * Every value of the right kind starts with this: a value that neither starts with it nor is
   * still on the way to it (`not-an-arn`) gets `wrongKind` rather than a length rule.
   */
  kindPrefix?: string;
  /** The message when the value is not a string, or not a list for a list. */
  wrongType?: string;
  /** The message when a required member is missing. */
  missing?: string;
  /** A repeated list item is a warning. */
  unique?: boolean;
  /**
   * A value that breaks a rule is still read into the configuration (the form shows what was
   * typed); otherwise it is left out (a required member becomes '').
   */
  keepInvalid?: boolean;
  /** Warnings about a valid value: another region or account than the pool's, for example. */
  warnings?: (value: string, pool: PoolFacts) => string[];
  /** For the JSON schema: the member, and each list item. */
  description: string;
  itemDescription?: string;
  enumDescriptions?: readonly string[];
}

export const ROLE_ARN_HINT = l10n.t('expected an IAM role ARN like arn:aws:iam::123456789012:role/CognitoSyncRole');
export const APPLICATION_ARN_HINT = l10n.t('expected an SNS platform application ARN like arn:aws:sns:us-east-1:123456789012:app/GCM/MyApp');
export const POOL_ID_HINT = l10n.t('expected <region>:<lower-case GUID>, like us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861');
export const LAMBDA_FUNCTION_ARN_HINT = l10n.t('expected a Lambda function ARN like arn:aws:lambda:us-east-1:123456789012:function:my-function');

function roleArn(section: SectionName, changeLabel: string, what: string): FieldRule {
  return {
    name: 'RoleArn',
    section,
    type: 'string',
    // AssumeRoleArn. The service checks the prefix only.
    minLength: 20,
    maxLength: 2048,
    pattern: '^arn:aws:iam::\\d+:role/',
    label: l10n.t('Role ARN'),
    changeLabel,
    kind: 'an IAM role ARN',
    wrongKind: ROLE_ARN_HINT,
    kindPrefix: 'arn:aws:iam:',
    keepInvalid: true,
    warnings: (value, pool) => {
      const account = accountOfArn(value);
      return pool.accountId && account && account !== pool.accountId
        ? [l10n.t('This role belongs to account {0}, not the pool\'s account {1}: Cognito Sync can only assume it if its trust policy allows that.', account, pool.accountId)]
        : [];
    },
    description: l10n.t('ARN of the IAM role Cognito Sync assumes to {0}. Its trust policy must allow cognito-sync.amazonaws.com.', what),
  };
}

export const SECTIONS: readonly SectionRule[] = [
  {
    name: 'PushSync',
    title: l10n.t('Push sync'),
    description: l10n.t('Push sync: silent push notifications to the devices of an identity when its data changes, through SNS platform applications. An empty object turns push sync off.'),
  },
  {
    name: 'CognitoStreams',
    title: l10n.t('Cognito Streams'),
    description: l10n.t('Cognito Streams: every dataset change is written to a Kinesis stream. An empty object turns it off.'),
  },
];

/** Every member of the configuration, in the order of the file. */
export const FIELDS: readonly FieldRule[] = [
  {
    name: 'IdentityPoolId',
    type: 'string',
    required: true,
    // IdentityPoolId: the region, a colon and a lower-case GUID.
    minLength: 1,
    maxLength: 55,
    pattern: '^[\\w-]+:[0-9a-f-]+$',
    label: 'IdentityPoolId',
    changeLabel: l10n.t('Identity pool'),
    kind: 'an identity pool id',
    wrongKind: POOL_ID_HINT,
    missing: l10n.t('IdentityPoolId is required: the identity pool this configuration belongs to.'),
    description: l10n.t('The identity pool, as `<region>:<GUID>`. The region part says where the pool lives.'),
  },
  {
    name: 'ApplicationArns',
    section: 'PushSync',
    type: 'stringList',
    // ApplicationArn: an SNS platform application; the model bounds neither its length nor the list.
    pattern: '^arn:aws:sns:[-0-9a-z]+:\\d+:app/[A-Z_]+/[a-zA-Z0-9_.-]+$',
    label: l10n.t('Application ARN'),
    changeLabel: l10n.t('Application ARN'),
    kind: 'an SNS platform application ARN',
    wrongKind: APPLICATION_ARN_HINT,
    kindPrefix: 'arn:aws:sns:',
    wrongType: l10n.t('ApplicationArns must be a list of SNS platform application ARNs.'),
    unique: true,
    keepInvalid: true,
    warnings: (value, pool) => {
      const warnings: string[] = [];
      const region = regionOfArn(value);
      if (pool.region && region && region !== pool.region) warnings.push(l10n.t('This SNS application is in {0}, the pool is in {1}.', region, pool.region));
      const account = accountOfArn(value);
      if (pool.accountId && account && account !== pool.accountId) warnings.push(l10n.t('This SNS application belongs to account {0}, not the pool\'s account {1}.', account, pool.accountId));
      return warnings;
    },
    description: l10n.t('ARNs of the SNS platform applications (one per platform: APNS, APNS_SANDBOX, GCM, ADM) that deliver the notifications.'),
    itemDescription: l10n.t('An SNS platform application ARN, arn:aws:sns:<region>:<account>:app/<PLATFORM>/<name>.'),
  },
  roleArn('PushSync', l10n.t('Push sync role'), l10n.t('publish to the SNS platform applications')),
  {
    name: 'StreamName',
    section: 'CognitoStreams',
    type: 'string',
    // A Kinesis stream name.
    minLength: 1,
    maxLength: 128,
    label: l10n.t('Stream name'),
    changeLabel: l10n.t('Stream name'),
    description: l10n.t('Name of the Kinesis stream, in the pool\'s account and region.'),
  },
  roleArn('CognitoStreams', l10n.t('Cognito Streams role'), l10n.t('write to the Kinesis stream')),
  {
    name: 'StreamingStatus',
    section: 'CognitoStreams',
    type: 'enum',
    enum: ['ENABLED', 'DISABLED'],
    label: l10n.t('Streaming status'),
    changeLabel: l10n.t('Streaming status'),
    description: l10n.t('ENABLED streams changes to the stream; DISABLED stops it. Bulk publish needs ENABLED.'),
    enumDescriptions: [l10n.t('Changes are streamed; bulk publish can run.'), l10n.t('Nothing is streamed; bulk publish fails.')],
  },
];

/**
 * Cognito Events, beside the configuration file: the model's Events map holds at most one entry
 * and leaves its key and value unconstrained; SyncTrigger is the only documented event type.
 */
export const COGNITO_EVENTS = { maxEntries: 1, eventTypes: ['SyncTrigger'] as const };

/**
 * The SyncTrigger value: a Lambda function ARN with an optional version or alias. Lambda's own
 * rules, as the model has none: a function name of 1-64 letters, digits, `-` and `_`; a
 * qualifier of `$LATEST` or up to 128 of those. Partition `aws` only: Cognito Sync has no other.
 */
export const SYNC_TRIGGER_FIELD = {
  name: 'SyncTrigger',
  label: l10n.t('Sync trigger'),
  pattern: '^arn:aws:lambda:[a-z]{2}(-[a-z]+)+-\\d+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$',
  wrongKind: LAMBDA_FUNCTION_ARN_HINT,
} as const;

/** The fields of one object: the top level (`undefined`) or a section. */
export function fieldsOf(section: SectionName | undefined): FieldRule[] {
  return FIELDS.filter((field) => field.section === section);
}

/** The member names of the top level, in file order: its fields and its sections. */
export function topLevelNames(): string[] {
  return [...new Set(FIELDS.map((field) => field.section ?? field.name))];
}

/** "A", "A and B", "A, B and C" (or "A, B or C"). */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
