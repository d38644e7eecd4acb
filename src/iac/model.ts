// The neutral form every generator renders: CloudFormation resources (type, logical id,
// properties) whose values may hold the few intrinsics an export needs. CloudFormation, CDK and
// Terraform each render the same list, so the three stay equal by construction. Pure: no vscode,
// no AWS SDK.
export type { IdentitySettings, PoolDefinition } from '../model/poolDefinition';

export type IacFormat = 'cloudformation-yaml' | 'cloudformation-json' | 'cdk' | 'terraform';

export const IAC_FORMATS: readonly IacFormat[] = ['cloudformation-yaml', 'cloudformation-json', 'cdk', 'terraform'];

export interface IacOptions {
  /** Also define the push sync and streams roles (AWS::IAM::Role) and point the pool at them. */
  withRoles?: boolean;
}

/** A pseudo parameter of the stack: the account, region or partition it is deployed to. */
export class Pseudo {
  constructor(readonly name: 'AccountId' | 'Region' | 'Partition') {}
}

/** The resource's primary id (CloudFormation `Ref`): an identity pool's id. */
export class Ref {
  constructor(readonly target: string) {}
}

/** The resource's ARN (`Fn::GetAtt [target, Arn]`): a role's ARN. */
export class ArnOf {
  constructor(readonly target: string) {}
}

/** A string joined from literal text, pseudo parameters and references (`Fn::Sub`). */
export class Joined {
  constructor(readonly parts: readonly (string | Pseudo | Ref)[]) {}
}

/**
 * A property CloudFormation types as free JSON (policy documents, CognitoEvents,
 * SupportedLoginProviders): its keys are kept as they are in every format (CDK passes it
 * through, Terraform's awscc provider takes it as a JSON string).
 */
export class Json {
  constructor(readonly value: IacValue) {}
}

export type IacValue = string | number | boolean | Pseudo | Ref | ArnOf | Joined | Json | IacValue[] | { [key: string]: IacValue };

export type ResourceType = 'AWS::Cognito::IdentityPool' | 'AWS::Lambda::Permission' | 'AWS::IAM::Role';

export interface IacResource {
  logicalId: string;
  type: ResourceType;
  properties: Record<string, IacValue>;
}

export interface IacDocument {
  /** The region of every pool in it (a template deploys to one region). */
  region: string;
  description: string;
  resources: IacResource[];
  /** What the reader should know (a trigger in another region, a widened policy); rendered as comments or metadata. */
  notes: string[];
  /** The account the pools' ARNs name, when they all agree (Terraform's default for var.account_id). */
  accountId?: string;
}

export function isPlainObject(value: unknown): value is { [key: string]: IacValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/** Text safe on one comment line of any format: control and line-separator characters become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}
