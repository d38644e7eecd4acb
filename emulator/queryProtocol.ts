// The awsQuery protocol (SNS, IAM), as the models bind it:
//   request  POST / with a form-encoded body `Action=<Operation>&Version=<apiVersion>&<members>`;
//            members by name, lists as `Name.member.N`, maps as `Name.entry.N.key|value`,
//            nested structures as `Name.Member`.
//   reply    `<OperationResponse xmlns=…><OperationResult>…members…</OperationResult>
//            <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></OperationResponse>`
//   error    `<ErrorResponse xmlns=…><Error><Type>Sender|Receiver</Type><Code>…</Code>
//            <Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>`
// Output is written from the model's output shape, so a handler that returns a member the model
// does not have, or a value of the wrong type, fails loudly instead of reaching a client.
import { serialization } from './errors';
import { parseQuery } from './protocols';
import { MemberRef, Operation, ServiceModel, shapeOf } from './serviceModel';
import { isPlainObject } from './validate';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A form-encoded body → name/value pairs (`+` is a space, as in every form encoding). */
export function parseFormBody(body: Buffer): Record<string, string | string[]> {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw serialization('The request body is not valid UTF-8.');
  }
  return parseQuery(text.replace(/\+/g, '%20'));
}

/** One value per parameter name; a repeated name is a mistake of the client. */
export function singleValues(parameters: Record<string, string | string[]>): Record<string, string> {
  const single: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(parameters)) {
    if (Array.isArray(value)) throw serialization(`Parameter '${name}' was given more than once.`);
    single[name] = value;
  }
  return single;
}

function scalar(model: ServiceModel, shapeName: string, text: string, name: string): unknown {
  const type = shapeOf(model, shapeName).type;
  if (type === 'integer' || type === 'long') {
    if (!/^-?\d+$/.test(text)) throw serialization(`Value '${text.slice(0, 100)}' of parameter '${name}' is not an integer.`);
    return Number(text);
  }
  if (type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw serialization(`Value '${text.slice(0, 100)}' of parameter '${name}' is not a boolean.`);
    return text === 'true';
  }
  if (type === 'timestamp') {
    const time = Date.parse(text);
    if (Number.isNaN(time)) throw serialization(`Value '${text.slice(0, 100)}' of parameter '${name}' is not a timestamp.`);
    return time / 1000;
  }
  return text;
}

/** The value of `shapeName` written under parameter name `key`, or undefined when nothing was sent. */
function decodeValue(model: ServiceModel, shapeName: string, key: string, parameters: Record<string, string>, flattened: boolean): unknown {
  const shape = shapeOf(model, shapeName);
  switch (shape.type) {
    case 'structure': {
      const value: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members ?? {})) {
        const decoded = decodeMember(model, member, `${key}.${member.locationName ?? name}`, parameters);
        if (decoded !== undefined) value[name] = decoded;
      }
      return Object.keys(value).length ? value : undefined;
    }
    case 'list': {
      const itemPrefix = flattened || shape.flattened ? key : `${key}.${shape.member!.locationName ?? 'member'}`;
      const items: unknown[] = [];
      for (let index = 1; ; index += 1) {
        const item = decodeValue(model, shape.member!.shape, `${itemPrefix}.${index}`, parameters, false);
        if (item === undefined) break;
        items.push(item);
      }
      // `Name=` with nothing after it is how the query serializers send an empty list.
      return items.length ? items : parameters[key] === '' ? [] : undefined;
    }
    case 'map': {
      const entryPrefix = flattened || shape.flattened ? key : `${key}.entry`;
      const map: Record<string, unknown> = {};
      for (let index = 1; ; index += 1) {
        const entryKey = parameters[`${entryPrefix}.${index}.${shape.key!.locationName ?? 'key'}`];
        if (entryKey === undefined) break;
        Object.defineProperty(map, entryKey, {
          value: decodeValue(model, shape.value!.shape, `${entryPrefix}.${index}.${shape.value!.locationName ?? 'value'}`, parameters, false),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return Object.keys(map).length ? map : undefined;
    }
    default:
      return Object.prototype.hasOwnProperty.call(parameters, key) ? scalar(model, shapeName, parameters[key], key) : undefined;
  }
}

function decodeMember(model: ServiceModel, member: MemberRef, key: string, parameters: Record<string, string>): unknown {
  return decodeValue(model, member.shape, key, parameters, member.flattened === true);
}

/** The operation's input structure from the request parameters (Action and Version excluded). */
export function decodeQueryInput(model: ServiceModel, operation: Operation, parameters: Record<string, string>): Record<string, unknown> {
  if (!operation.input) return {};
  const input: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shapeOf(model, operation.input.shape).members ?? {})) {
    const value = decodeMember(model, member, member.locationName ?? name, parameters);
    if (value !== undefined) input[name] = value;
  }
  return input;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[character]};`);
}

const element = (name: string, content: string) => `<${name}>${content}</${name}>`;

/** IAM and SNS write timestamps as ISO 8601 in UTC, without milliseconds. */
const iso8601 = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The XML content of `value` as shape `shapeName` (without its own element). */
function xmlContent(model: ServiceModel, shapeName: string, value: unknown, path: string): string {
  const shape = shapeOf(model, shapeName);
  const wrong = (expected: string) => new Error(`the emulator produced ${path} as ${JSON.stringify(value)?.slice(0, 80)}, not ${expected} (shape ${shapeName})`);
  switch (shape.type) {
    case 'structure': {
      if (!isPlainObject(value)) throw wrong('a structure');
      const members = shape.members ?? {};
      const unknown = Object.keys(value).filter((name) => !Object.prototype.hasOwnProperty.call(members, name));
      if (unknown.length) throw new Error(`the emulator produced ${unknown.join(', ')} in ${path || 'the output'}, which shape ${shapeName} does not have`);
      return Object.entries(members)
        .filter(([name]) => value[name] !== undefined)
        .map(([name, member]) => xmlMember(model, member, member.locationName ?? name, value[name], `${path}.${name}`))
        .join('');
    }
    case 'list':
      if (!Array.isArray(value)) throw wrong('a list');
      return value.map((item, index) => element(shape.member!.locationName ?? 'member', xmlContent(model, shape.member!.shape, item, `${path}[${index}]`))).join('');
    case 'map':
      if (!isPlainObject(value)) throw wrong('a map');
      return Object.entries(value)
        .map(([key, item]) => element('entry', element(shape.key!.locationName ?? 'key', escapeXml(key)) + element(shape.value!.locationName ?? 'value', xmlContent(model, shape.value!.shape, item, `${path}.${key}`))))
        .join('');
    case 'string':
      if (typeof value !== 'string') throw wrong('a string');
      return escapeXml(value);
    case 'integer':
    case 'long':
      if (!Number.isSafeInteger(value)) throw wrong('an integer');
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('a boolean');
      return String(value);
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a timestamp in epoch seconds');
      return iso8601(value);
    default:
      throw new Error(`shape type ${shape.type} is not written by the emulator`);
  }
}

function xmlMember(model: ServiceModel, member: MemberRef, name: string, value: unknown, path: string): string {
  const shape = shapeOf(model, member.shape);
  if (shape.type === 'list' && (member.flattened || shape.flattened)) {
    if (!Array.isArray(value)) throw new Error(`the emulator produced ${path} that is not a list`);
    return value.map((item, index) => element(name, xmlContent(model, shape.member!.shape, item, `${path}[${index}]`))).join('');
  }
  return element(name, xmlContent(model, member.shape, value, path));
}

/** The whole reply document of a successful call. */
export function queryResponseXml(model: ServiceModel, operation: Operation, output: Record<string, unknown> | undefined, requestId: string): string {
  const result = operation.output ? xmlContent(model, operation.output.shape, output ?? {}, '') : '';
  const wrapped = operation.output?.resultWrapper ? element(operation.output.resultWrapper, result) : result;
  const namespace = model.metadata.xmlNamespace ? ` xmlns="${escapeXml(model.metadata.xmlNamespace)}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${operation.name}Response${namespace}>${wrapped}${element('ResponseMetadata', element('RequestId', requestId))}</${operation.name}Response>\n`;
}

/** The error document: `Type` is Sender for 4xx, Receiver for 5xx. */
export function queryErrorXml(model: ServiceModel, code: string, message: string, status: number, requestId: string): string {
  const namespace = model.metadata.xmlNamespace ? ` xmlns="${escapeXml(model.metadata.xmlNamespace)}"` : '';
  const error = element('Type', status >= 500 ? 'Receiver' : 'Sender') + element('Code', escapeXml(code)) + element('Message', escapeXml(message));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse${namespace}>${element('Error', error)}${element('RequestId', requestId)}</ErrorResponse>\n`;
}

/** The operation named by `Action`, when the model has it. */
export function matchAction(model: ServiceModel, action: string | undefined): Operation | undefined {
  return action !== undefined && Object.prototype.hasOwnProperty.call(model.operations, action) ? model.operations[action] : undefined;
}
