// The JSON schema of `*.cognito-sync.json` files, generated from the field table the form and
// the save use. schemas/cognito-sync.schema.json is this object written out (npm run schema);
// a unit test fails when the two differ, another compares it with the botocore model.
import { FieldRule, fieldsOf, SECTIONS } from './fields';
import * as l10n from '@vscode/l10n';

/** A string value or list item: its bounds, pattern and messages. */
function stringSchema(field: FieldRule, description: string): Record<string, unknown> {
  const schema: Record<string, unknown> = { type: 'string' };
  if (field.minLength !== undefined) schema.minLength = field.minLength;
  if (field.maxLength !== undefined) schema.maxLength = field.maxLength;
  if (field.pattern !== undefined) schema.pattern = field.pattern;
  schema.description = description;
  if (field.pattern !== undefined && field.kind && field.wrongKind) schema.patternErrorMessage = l10n.t('Not {0}: {1}.', field.kind, field.wrongKind);
  return schema;
}

function fieldSchema(field: FieldRule): Record<string, unknown> {
  switch (field.type) {
    case 'enum':
      return { type: 'string', enum: [...(field.enum ?? [])], enumDescriptions: [...(field.enumDescriptions ?? [])], description: field.description };
    case 'stringList':
      return { type: 'array', description: field.description, items: stringSchema(field, field.itemDescription ?? field.description) };
    case 'string':
      return stringSchema(field, field.description);
  }
}

export function configurationSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  const topLevel = fieldsOf(undefined);
  for (const field of topLevel) properties[field.name] = fieldSchema(field);
  for (const section of SECTIONS) {
    properties[section.name] = {
      type: 'object',
      additionalProperties: false,
      description: section.description,
      properties: Object.fromEntries(fieldsOf(section.name).map((field) => [field.name, fieldSchema(field)])),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cognito-sync-explorer/schemas/cognito-sync.schema.json',
    title: l10n.t('Cognito Sync configuration of an identity pool'),
    description:
      l10n.t('The input of `aws cognito-sync set-identity-pool-configuration --cli-input-json`: the push sync and Cognito Streams configuration of one identity pool. Applied or saved by Cognito Sync Explorer, the file is the whole configuration: a member left out is cleared (the confirmation lists it). The AWS CLI leaves a member that is left out unchanged; an empty PushSync or CognitoStreams object clears it with both.'),
    type: 'object',
    additionalProperties: false,
    required: topLevel.filter((field) => field.required).map((field) => field.name),
    properties,
  };
}
