// The botocore service models (kept in emulator/models as data) are the emulator's only source of
// operations, HTTP bindings, shapes and constraints. Nothing here is shared with src/model, so a
// wrong rule on either side shows up as a failing test instead of agreeing with itself.
import syncModelJson from './models/cognito-sync.service-2.json';
import identityModelJson from './models/cognito-identity.service-2.json';

export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
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
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
}

export interface ServiceModel {
  metadata: { endpointPrefix: string; protocol: string; targetPrefix?: string; jsonVersion?: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

export const cognitoSyncModel = syncModelJson as unknown as ServiceModel;
export const cognitoIdentityModel = identityModelJson as unknown as ServiceModel;

export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`model ${model.metadata.endpointPrefix} has no shape ${name}`);
  return shape;
}

/** HTTP status of an error shape: the model's for rest-json, 400/500 for awsJson (no status in that model). */
export function errorStatus(model: ServiceModel, errorName: string): number | undefined {
  const shape = model.shapes[errorName];
  if (!shape?.exception) return undefined;
  return shape.error?.httpStatusCode ?? (shape.fault ? 500 : 400);
}
