// The botocore service models (kept in emulator/models as data) are the emulator's only source of
// operations, HTTP bindings, shapes and constraints. Nothing here is shared with src/model, so a
// wrong rule on either side shows up as a failing test instead of agreeing with itself.
// The SNS, IAM, Kinesis and Lambda models are trimmed to the operations served (scripts/trimBotocoreModels.ts;
// each file names its botocore version under "trimmedFrom").
import syncModelJson from './models/cognito-sync.service-2.json';
import identityModelJson from './models/cognito-identity.service-2.json';
import snsModelJson from './models/sns.service-2.json';
import iamModelJson from './models/iam.service-2.json';
import kinesisModelJson from './models/kinesis.service-2.json';
import lambdaModelJson from './models/lambda.service-2.json';

export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  /** awsQuery: a list member written without its wrapper element. */
  flattened?: boolean;
}

export interface Shape {
  type: 'structure' | 'string' | 'list' | 'map' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'blob' | 'double' | 'float';
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  error?: { httpStatusCode?: number; code?: string; senderFault?: boolean };
  fault?: boolean;
  /** awsQuery: a list written without its wrapper element. */
  flattened?: boolean;
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  /** awsQuery: `resultWrapper` names the element around the output members. */
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
  /** `none`: called unsigned by real clients (Cognito Identity's GetId). */
  authtype?: string;
}

export interface ServiceModel {
  metadata: { endpointPrefix: string; protocol: string; apiVersion: string; targetPrefix?: string; jsonVersion?: string; xmlNamespace?: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export const cognitoSyncModel = syncModelJson as unknown as ServiceModel;
export const cognitoIdentityModel = identityModelJson as unknown as ServiceModel;
export const snsModel = snsModelJson as unknown as ServiceModel;
export const iamModel = iamModelJson as unknown as ServiceModel;
export const kinesisModel = kinesisModelJson as unknown as ServiceModel;
export const lambdaModel = lambdaModelJson as unknown as ServiceModel;

export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`model ${model.metadata.endpointPrefix} has no shape ${name}`);
  return shape;
}

/** HTTP status of an error shape: the model's (rest-json, awsQuery), else 400/500 (awsJson models give none). */
export function errorStatus(model: ServiceModel, errorName: string): number | undefined {
  const shape = model.shapes[errorName];
  if (!shape?.exception) return undefined;
  return shape.error?.httpStatusCode ?? (shape.fault ? 500 : 400);
}
