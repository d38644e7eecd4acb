// Decoding requests as the model's protocols bind them:
//   rest-json (Cognito Sync): method + URI template with percent-encoded labels, camelCase query
//             names, one header member, the other members in a JSON body.
//   awsJson1_1 (Cognito Identity): POST / with X-Amz-Target and the whole input as JSON.
import { ServiceError, invalidParameter, serialization } from './errors';
import { Operation, ServiceModel, shapeOf } from './serviceModel';
import { isPlainObject } from './validate';

type Segment = { literal: string } | { label: string };

export interface Route {
  operation: Operation;
  segments: Segment[];
}

export interface RestMatch {
  operation: Operation;
  /** Label values as received, still percent-encoded. */
  rawLabels: Record<string, string>;
}

export function compileRoutes(model: ServiceModel): Route[] {
  return Object.values(model.operations).map((operation) => ({
    operation,
    segments: operation.http.requestUri
      .split('?')[0]
      .split('/')
      .slice(1)
      .map((part): Segment => (/^\{(\w+)\+?\}$/.test(part) ? { label: part.slice(1, -1).replace(/\+$/, '') } : { literal: part })),
  }));
}

export function matchRoute(routes: Route[], method: string, rawPath: string): RestMatch | undefined {
  const parts = rawPath.split('/').slice(1);
  for (const route of routes) {
    if (route.operation.http.method !== method || route.segments.length !== parts.length) continue;
    const rawLabels: Record<string, string> = {};
    const matches = route.segments.every((segment, index) => {
      if ('literal' in segment) return segment.literal === parts[index];
      rawLabels[segment.label] = parts[index];
      return true;
    });
    if (matches) return { operation: route.operation, rawLabels };
  }
  return undefined;
}

/** Query string → decoded name/value pairs (a repeated name gives an array). */
export function parseQuery(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = Object.create(null);
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const name = decodeComponent(separator < 0 ? pair : pair.slice(0, separator), 'query parameter name');
    const value = separator < 0 ? '' : decodeComponent(pair.slice(separator + 1), `query parameter ${name}`);
    const previous = query[name];
    query[name] = previous === undefined ? value : ([] as string[]).concat(previous, value);
  }
  return query;
}

function decodeComponent(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw serialization(`The ${what} is not valid percent-encoded UTF-8: '${text.slice(0, 100)}'`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A JSON object body, or undefined when the body is empty. */
export function parseJsonBody(body: Buffer): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw serialization('The request body is not valid UTF-8.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw serialization(`The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (!isPlainObject(parsed)) throw serialization('The request body must be a JSON object.');
  return parsed;
}

function scalarFromText(model: ServiceModel, shapeName: string, text: string, wireName: string): unknown {
  const type = shapeOf(model, shapeName).type;
  if (type === 'integer' || type === 'long') {
    if (!/^-?\d+$/.test(text)) throw serialization(`Value '${text.slice(0, 100)}' of '${wireName}' is not an integer.`);
    return Number(text);
  }
  if (type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw serialization(`Value '${text.slice(0, 100)}' of '${wireName}' is not a boolean.`);
    return text === 'true';
  }
  return text;
}

/** Builds the operation's input structure from labels, query, headers and body. */
export function decodeRestInput(
  model: ServiceModel,
  match: RestMatch,
  query: Record<string, string | string[]>,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const inputShape = match.operation.input ? shapeOf(model, match.operation.input.shape) : undefined;
  const members = Object.entries(inputShape?.members ?? {});
  const hasBodyMembers = members.some(([, member]) => !member.location);
  const parsedBody = hasBodyMembers ? parseJsonBody(body) ?? {} : undefined;
  for (const [name, member] of members) {
    const wireName = member.locationName ?? name;
    switch (member.location) {
      case 'uri': {
        const raw = match.rawLabels[wireName];
        try {
          input[name] = decodeURIComponent(raw);
        } catch {
          throw invalidParameter(`The ${wireName} in the request path is not valid percent-encoded UTF-8.`);
        }
        break;
      }
      case 'querystring': {
        const value = query[wireName];
        if (Array.isArray(value)) throw serialization(`Query parameter '${wireName}' was given more than once.`);
        if (value !== undefined) input[name] = scalarFromText(model, member.shape, value, wireName);
        break;
      }
      case 'header': {
        const value = headers[wireName.toLowerCase()];
        if (value !== undefined) input[name] = Array.isArray(value) ? value.join(',') : value;
        break;
      }
      case undefined:
        if (parsedBody && parsedBody[name] !== undefined && parsedBody[name] !== null) input[name] = parsedBody[name];
        break;
      default:
        throw new ServiceError('InternalErrorException', 500, `Unsupported member location ${member.location}`);
    }
  }
  return input;
}

/** The awsJson1_1 target `AWSCognitoIdentityService.ListIdentityPools` → the operation. */
export function matchTarget(model: ServiceModel, target: string): Operation | undefined {
  const [prefix, name] = target.split('.');
  if (prefix !== model.metadata.targetPrefix || !name) return undefined;
  return Object.prototype.hasOwnProperty.call(model.operations, name) ? model.operations[name] : undefined;
}
