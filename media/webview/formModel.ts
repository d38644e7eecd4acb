// What the form shows, as plain data, and the conversions between it and a SyncConfiguration.
// Pure: no DOM, so the rules of what the form posts are easy to read in one place.
import type { StreamingStatus, SyncConfiguration } from '../../src/model/configuration';

export interface FormModel {
  identityPoolId: string;
  pushOn: boolean;
  /** The rows of the application ARN list, empty rows included. */
  arns: string[];
  pushRole: string;
  streamsOn: boolean;
  streamName: string;
  streamsRole: string;
  status: StreamingStatus | '';
}

export interface BuiltConfiguration {
  configuration: SyncConfiguration;
  /** For each index of configuration.PushSync.ApplicationArns, the form row it came from. */
  rowOfIndex: number[];
}

export function modelOf(configuration: SyncConfiguration): FormModel {
  const push = configuration.PushSync;
  const streams = configuration.CognitoStreams;
  return {
    identityPoolId: configuration.IdentityPoolId,
    pushOn: push !== undefined,
    arns: [...(push?.ApplicationArns ?? [])],
    pushRole: push?.RoleArn ?? '',
    streamsOn: streams !== undefined,
    streamName: streams?.StreamName ?? '',
    streamsRole: streams?.RoleArn ?? '',
    status: streams?.StreamingStatus ?? '',
  };
}

const blank = (text: string): boolean => text.trim() === '';

/**
 * The configuration the form posts: a section whose switch is off is left out; blank optional
 * strings are left out; blank ARN rows are kept in the form but not in the list; nothing is
 * trimmed or re-ordered (the rules report what the user typed, and the JSON keeps their order).
 */
export function buildConfiguration(model: FormModel): BuiltConfiguration {
  const configuration: SyncConfiguration = { IdentityPoolId: model.identityPoolId };
  const rowOfIndex: number[] = [];
  if (model.pushOn) {
    const arns: string[] = [];
    model.arns.forEach((arn, row) => {
      if (blank(arn)) return;
      arns.push(arn);
      rowOfIndex.push(row);
    });
    configuration.PushSync = {};
    if (arns.length) configuration.PushSync.ApplicationArns = arns;
    if (!blank(model.pushRole)) configuration.PushSync.RoleArn = model.pushRole;
  }
  if (model.streamsOn) {
    configuration.CognitoStreams = {};
    if (!blank(model.streamName)) configuration.CognitoStreams.StreamName = model.streamName;
    if (!blank(model.streamsRole)) configuration.CognitoStreams.RoleArn = model.streamsRole;
    if (model.status) configuration.CognitoStreams.StreamingStatus = model.status;
  }
  return { configuration, rowOfIndex };
}

/** A configuration as the form would post it after showing it: the key to "does the form show this?". */
export function shownKey(configuration: SyncConfiguration): string {
  return JSON.stringify(buildConfiguration(modelOf(configuration)).configuration);
}

/** Several ARNs pasted or typed at once: separated by new lines, commas, semicolons or spaces. */
export function splitArns(text: string): string[] {
  return text.split(/[\s,;]+/u).filter((part) => part !== '');
}

/** The field keys of the form; each is also the id of its control and, with "-msg", of its messages. */
export type FieldKey = 'pool-id' | 'push-enabled' | 'arn-new' | 'push-role' | 'streams-enabled' | 'stream-name' | 'streams-role' | 'status' | `arn-${number}`;

/**
 * The field that shows a problem at `path`, or undefined when the form has no field for it (the
 * whole document, unknown members): those go to the banner. `rowOfIndex` maps list indexes to rows.
 */
export function fieldOf(path: (string | number)[], rowOfIndex?: number[]): FieldKey | undefined {
  const [section, member, index] = path;
  if (path.length === 1 && section === 'IdentityPoolId') return 'pool-id';
  if (section === 'PushSync') {
    if (path.length === 1) return 'push-enabled';
    if (member === 'ApplicationArns' && path.length === 2) return 'arn-new';
    if (member === 'ApplicationArns' && path.length === 3 && typeof index === 'number') return `arn-${rowOfIndex ? (rowOfIndex[index] ?? index) : index}`;
    if (member === 'RoleArn' && path.length === 2) return 'push-role';
  }
  if (section === 'CognitoStreams') {
    if (path.length === 1) return 'streams-enabled';
    if (path.length === 2 && member === 'StreamName') return 'stream-name';
    if (path.length === 2 && member === 'RoleArn') return 'streams-role';
    if (path.length === 2 && member === 'StreamingStatus') return 'status';
  }
  return undefined;
}

/** What a field shows in a model, to compare a field of the form with the same field of the document. */
export function fieldValue(model: FormModel, key: FieldKey): string | boolean | undefined {
  switch (key) {
    case 'pool-id':
      return model.identityPoolId;
    case 'push-enabled':
      return model.pushOn;
    case 'arn-new':
      return JSON.stringify(model.arns);
    case 'push-role':
      return model.pushRole;
    case 'streams-enabled':
      return model.streamsOn;
    case 'stream-name':
      return model.streamName;
    case 'streams-role':
      return model.streamsRole;
    case 'status':
      return model.status;
    default:
      return model.arns[Number(key.slice('arn-'.length))];
  }
}
