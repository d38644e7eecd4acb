// Validation of a decoded request against the botocore model: types, required members, length
// and size bounds, patterns and enums, recursively. Type mismatches are SerializationException
// (the request could not be read as the shape); constraint violations are
// InvalidParameterException naming the member, as the Cognito services word them:
//   1 validation error detected: Value 'x' at 'pushSync.roleArn' failed to satisfy constraint: …
import { invalidParameter, serialization } from './errors';
import { ServiceModel, Shape, shapeOf } from './serviceModel';

const patternCache = new Map<string, RegExp>();

/**
 * botocore patterns are unanchored Java regexes; the service matches them against the whole value.
 * Dot-all (`s`) because the service's own (Smithy) form of AssumeRoleArn is the prefix-only
 * `^arn:aws:iam::\d+:role/`, which accepts any characters after `role/`.
 */
function compiledPattern(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'su');
    patternCache.set(pattern, regex);
  }
  return regex;
}

/** Member paths are reported in lowerCamelCase, as the service's own validation messages do. */
function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

function violation(path: string, value: unknown, constraint: string) {
  return invalidParameter(`1 validation error detected: Value '${describe(value)}' at '${path}' failed to satisfy constraint: ${constraint}`);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function wrongType(path: string, expected: string, value: unknown) {
  return serialization(`Value at '${path}' must be ${expected}, not ${typeName(value)}`);
}

export function validateShape(model: ServiceModel, shapeName: string, value: unknown, path: string): void {
  const shape = shapeOf(model, shapeName);
  switch (shape.type) {
    case 'structure':
      return validateStructure(model, shape, value, path);
    case 'list':
      if (!Array.isArray(value)) throw wrongType(path, 'a list', value);
      checkSize(shape, value.length, path, value, 'length');
      value.forEach((item, index) => validateShape(model, shape.member!.shape, item, `${path}.${index + 1}.member`));
      return;
    case 'map': {
      if (!isPlainObject(value)) throw wrongType(path, 'a map', value);
      const entries = Object.entries(value);
      checkSize(shape, entries.length, path, value, 'length');
      for (const [key, item] of entries) {
        validateShape(model, shape.key!.shape, key, `${path}.key`);
        validateShape(model, shape.value!.shape, item, `${path}.${key}`);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') throw wrongType(path, 'a string', value);
      checkSize(shape, [...value].length, path, value, 'length');
      if (shape.enum && !shape.enum.includes(value)) throw violation(path, value, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      if (shape.pattern && !compiledPattern(shape.pattern).test(value)) throw violation(path, value, `Member must satisfy regular expression pattern: ${shape.pattern}`);
      return;
    }
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw wrongType(path, 'an integer', value);
      if (shape.type === 'integer' && (value > 2147483647 || value < -2147483648)) throw violation(path, value, 'Member must be a 32-bit integer');
      if (shape.min !== undefined && value < shape.min) throw violation(path, value, `Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) throw violation(path, value, `Member must have value less than or equal to ${shape.max}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType(path, 'a boolean', value);
      return;
    case 'timestamp':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType(path, 'a timestamp in epoch seconds', value);
      return;
    default:
      throw new Error(`shape type ${shape.type} is not used by these services`);
  }
}

function checkSize(shape: Shape, size: number, path: string, value: unknown, what: string): void {
  if (shape.min !== undefined && size < shape.min) throw violation(path, value, `Member must have ${what} greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && size > shape.max) throw violation(path, value, `Member must have ${what} less than or equal to ${shape.max}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateStructure(model: ServiceModel, shape: Shape, value: unknown, path: string): void {
  if (!isPlainObject(value)) throw wrongType(path || 'the request body', 'a structure', value);
  for (const name of shape.required ?? []) {
    if (value[name] === undefined || value[name] === null) {
      throw violation(join(path, name), null, 'Member must not be null');
    }
  }
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const memberValue = value[name];
    // JSON null is treated as absent, as the AWS SDKs do.
    if (memberValue === undefined || memberValue === null) continue;
    validateShape(model, member.shape, memberValue, join(path, name));
  }
}

function join(path: string, name: string): string {
  return path ? `${path}.${lowerCamel(name)}` : lowerCamel(name);
}
