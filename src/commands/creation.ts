// "Create role…" and "Create stream…": the questions before anything is written (name, capacity,
// one modal that shows what will be created and names profile, account and region), the calls,
// and the answers to a taken name or a denied call. The form and the commands
// (creationCommands.ts) both run these flows; they return the value for the field, a note saying
// why there is none, or undefined when the user cancelled. Nothing is written to the document here.
import * as vscode from 'vscode';
import { AwsError, AwsSession, regionOfPoolId } from '../aws';
import type { StreamCapacity } from '../aws';
import { accountOfArn, accountOfConfiguration } from '../model/arns';
import type { SyncConfiguration } from '../model/configuration';
import { validateConfigurationText } from '../model/configurationText';
import { parseConfigurationUri } from '../editor/configurationUri';
import { roleNameProblem, shardCountProblem, streamNameProblem, suggestedRoleName, suggestedStreamName } from '../model/resourceNames';
import { cognitoSyncTrustPolicy, pushSyncPermissions, streamArn, streamsPermissions } from '../model/rolePolicies';
import { showCreationPreview } from './creationPreview';
import { messageOf, poolLabel } from './fileCommands';

/** The fields "Create…" fills: the two role ARNs and the stream name. */
export const CREATABLE_FIELDS = ['push-role', 'streams-role', 'stream-name'] as const;
export type CreatableField = (typeof CREATABLE_FIELDS)[number];
export type RoleKind = 'push' | 'streams';

/** The questions of the flows, in one replaceable object so host tests can answer them. */
export interface CreationPrompts {
  inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  /** A modal question; resolves to the action chosen, undefined for Cancel (or Escape). */
  ask(message: string, detail: string, ...actions: string[]): Thenable<string | undefined>;
  /** Shows what will be created (JSON) beside the form while the confirmation is asked; dispose closes it. */
  preview(name: string, text: string): Thenable<{ dispose(): void }>;
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
  /** A notification (the commands' result); resolves to the action clicked. */
  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Thenable<string | undefined>;
}

export function defaultCreationPrompts(): CreationPrompts {
  return {
    inputBox: (options) => vscode.window.showInputBox(options),
    pick: (items, options) => vscode.window.showQuickPick(items, options),
    ask: (message, detail, ...actions) => vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions),
    preview: showCreationPreview,
    withProgress: (options, task) => vscode.window.withProgress(options, task),
    notify: (severity, message, ...actions) =>
      severity === 'error' ? vscode.window.showErrorMessage(message, ...actions) : severity === 'warning' ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions),
  };
}

/** The pool a creation is for, and its configuration as the form shows it now (possibly unsaved). */
export interface CreationTarget {
  identityPoolId: string;
  poolName?: string;
  /** The profile the configuration belongs to; creation runs with the active profile only. */
  profile?: string;
  configuration: SyncConfiguration | undefined;
}

/** The creation target of a configuration document: its pool and its current (unsaved) values. */
export function creationTargetOf(document: vscode.TextDocument): CreationTarget | undefined {
  const { configuration } = validateConfigurationText(document.getText());
  const address = parseConfigurationUri(document.uri);
  const identityPoolId = configuration?.IdentityPoolId ?? address?.identityPoolId;
  if (!identityPoolId) return undefined;
  return { identityPoolId, poolName: address?.poolName, profile: address?.profile, configuration };
}

export type CreationOutcome = { value: string } | { note: string } | undefined;

export const CREATE_ROLE = 'Create Role';
export const CREATE_STREAM = 'Create Stream';
export const USE_EXISTING_ROLE = 'Use Existing Role';
export const USE_EXISTING_STREAM = 'Use Existing Stream';
export const CHOOSE_ANOTHER_NAME = 'Choose Another Name';

/** Up to five names, then how many more: a modal's text does not scroll. */
const listed = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', '));
const nameTaken = (error: unknown): error is AwsError => error instanceof AwsError && error.kind === 'conflict' && ['EntityAlreadyExists', 'EntityAlreadyExistsException', 'ResourceInUseException'].includes(error.details.code ?? '');

export class ResourceCreation {
  readonly prompts: CreationPrompts = defaultCreationPrompts();

  constructor(private readonly session: AwsSession) {}

  /** "Create…" for `field`: a role of that kind, or the stream. */
  async create(field: CreatableField, target: CreationTarget): Promise<CreationOutcome> {
    if (!target.poolName && regionOfPoolId(target.identityPoolId)) {
      // The name makes the suggested role or stream name readable; without it, the id's start does.
      target = { ...target, poolName: await this.session.getPoolName(target.identityPoolId).catch(() => undefined) };
    }
    return field === 'stream-name' ? this.createStream(target) : this.createRole(field === 'push-role' ? 'push' : 'streams', target);
  }

  /** Why nothing can be created for the target with the active profile, or undefined. */
  private refusal(target: CreationTarget, what: string): string | undefined {
    const active = this.session.profileName;
    if (target.profile && target.profile !== active) return otherProfileNote(what, active, target.profile);
    if (!regionOfPoolId(target.identityPoolId)) return `Enter a valid identity pool ID first: the ${what} is made for that pool. Nothing was created.`;
    return undefined;
  }

  /**
   * The pool's account: the account of the profile's roles (ListRoles, the role picker's cached
   * list), else the one the configuration's ARNs name, else asked. Undefined: cancelled.
   */
  private async accountOf(target: CreationTarget, title: string): Promise<string | undefined> {
    try {
      const account = (await this.session.listRoles()).items.map((role) => accountOfArn(role.arn)).find((found) => found !== undefined);
      if (account) return account;
    } catch {
      // Listing refused or failed: the configuration's ARNs may still say it.
    }
    const fromConfiguration = accountOfConfiguration(target.configuration);
    if (fromConfiguration) return fromConfiguration;
    const typed = await this.prompts.inputBox({
      title,
      prompt: `The AWS account of identity pool ${target.identityPoolId} could not be read from profile ${this.session.profileName}. Enter its 12-digit account ID: the trust policy admits Cognito Sync only for this pool of this account.`,
      placeHolder: '123456789012',
      ignoreFocusOut: true,
      validateInput: (text) => (/^\d{12}$/.test(text.trim()) ? undefined : 'An account ID is 12 digits.'),
    });
    return typed?.trim();
  }

  async createRole(kind: RoleKind, target: CreationTarget): Promise<CreationOutcome> {
    const what = kind === 'push' ? 'Push Sync role' : 'Cognito Streams role';
    const refused = this.refusal(target, what);
    if (refused) return { note: refused };
    const region = regionOfPoolId(target.identityPoolId) as string;
    const label = poolLabel(target.identityPoolId, target.poolName);
    const title = `Cognito Sync: Create ${what} for ${label}`;

    // What the role may do comes from the form; without it there is nothing to scope the role to.
    const applications = (target.configuration?.PushSync?.ApplicationArns ?? []).filter((arn) => arn.trim() !== '');
    const streamName = target.configuration?.CognitoStreams?.StreamName?.trim() ?? '';
    if (kind === 'push') {
      try {
        pushSyncPermissions(applications);
      } catch {
        return { note: 'Add the SNS platform applications first: the role may publish only to their endpoints. Nothing was created.' };
      }
    } else if (streamNameProblem(streamName)) {
      return { note: 'Choose or create the Kinesis stream first: the role may put records on that one stream only. Nothing was created.' };
    }
    const account = await this.accountOf(target, title);
    if (!account) return undefined;
    const trustPolicy = cognitoSyncTrustPolicy(target.identityPoolId, account);
    const permissions = kind === 'push' ? pushSyncPermissions(applications) : streamsPermissions(streamArn(region, account, streamName));
    const policyName = kind === 'push' ? 'CognitoSyncPushSync' : 'CognitoSyncStreams';
    const profile = this.session.profileName;
    const summary =
      kind === 'push'
        ? `sns:Publish to the endpoints of ${applications.length === 1 ? 'the platform application' : `${applications.length} platform applications`} (${listed(applications.map((arn) => arn.split('/').pop() ?? arn))})`
        : `kinesis:PutRecord and PutRecords on stream ${streamName} only`;

    let roleName = suggestedRoleName(kind, target.poolName, target.identityPoolId);
    for (;;) {
      const typed = await this.prompts.inputBox({
        title,
        prompt: `Name of the new IAM role (up to 64 letters, digits and + = , . @ _ -). Next you see its policies before anything is created.`,
        value: roleName,
        ignoreFocusOut: true,
        validateInput: (text) => roleNameProblem(text),
      });
      if (typed === undefined) return undefined;
      roleName = typed;
      const preview = await this.prompts.preview(
        roleName,
        `// Preview of IAM role ${roleName}: nothing is created until you confirm.\n` +
          `// Profile ${profile} · account ${account} · for identity pool ${target.identityPoolId} (${region}).\n` +
          `${JSON.stringify({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy, Policies: [{ PolicyName: policyName, PolicyDocument: permissions }] }, null, 2)}\n`,
      );
      let confirmed: string | undefined;
      try {
        confirmed = await this.prompts.ask(
          `Create IAM role ${roleName} for ${label}?`,
          `Profile ${profile} · account ${account} · region ${region} (IAM roles are global).\n\n` +
            `Trust: only cognito-sync.amazonaws.com may assume it (sts:AssumeRole), only for this pool of account ${account}.\n` +
            `Permissions: ${summary}.\n\n` +
            `Both policies are shown in full in the preview beside the form. The role's ARN then goes into the form as an unsaved change.`,
          CREATE_ROLE,
        );
      } finally {
        preview.dispose();
      }
      if (confirmed !== CREATE_ROLE) return undefined;
      try {
        const arn = await this.prompts.withProgress({ location: vscode.ProgressLocation.Notification, title: `Creating IAM role ${roleName}…` }, () =>
          this.session.createRole({ roleName, description: `Lets Cognito Sync use ${kind === 'push' ? 'SNS push' : 'Kinesis'} for identity pool ${target.identityPoolId}.`, trustPolicy, policyName, permissions }),
        );
        return { value: arn };
      } catch (error) {
        if (!nameTaken(error)) return { note: `The ${what} was not created: ${messageOf(error)}` };
        const next = await this.prompts.ask(
          `A role named ${roleName} already exists in account ${account}.`,
          `Use it as the ${what} (its trust policy and permissions stay as they are: check that they let Cognito Sync in for this pool), or choose another name.`,
          USE_EXISTING_ROLE,
          CHOOSE_ANOTHER_NAME,
        );
        if (next === USE_EXISTING_ROLE) {
          try {
            return { value: await this.session.getRoleArn(roleName) };
          } catch (readError) {
            return { note: `The existing role ${roleName} could not be read: ${messageOf(readError)}` };
          }
        }
        if (next !== CHOOSE_ANOTHER_NAME) return undefined;
      }
    }
  }

  async createStream(target: CreationTarget): Promise<CreationOutcome> {
    const refused = this.refusal(target, 'Kinesis stream');
    if (refused) return { note: refused };
    const region = regionOfPoolId(target.identityPoolId) as string;
    const label = poolLabel(target.identityPoolId, target.poolName);
    const title = `Cognito Sync: Create Kinesis stream for ${label}`;
    const account = await this.accountOf(target, title);
    if (!account) return undefined;
    const profile = this.session.profileName;

    let streamName = suggestedStreamName(target.poolName, target.identityPoolId);
    for (;;) {
      const typed = await this.prompts.inputBox({
        title,
        prompt: `Name of the new Kinesis stream in ${region} (up to 128 letters, digits and . _ -).`,
        value: streamName,
        ignoreFocusOut: true,
        validateInput: (text) => streamNameProblem(text),
      });
      if (typed === undefined) return undefined;
      streamName = typed;
      const capacity = await this.askCapacity(title);
      if (!capacity) return undefined;
      const capacityText = capacity.mode === 'ON_DEMAND' ? 'on-demand (scales by itself; billed per stream-hour and per GB)' : `provisioned, ${capacity.shardCount} shard${capacity.shardCount === 1 ? '' : 's'} (billed per shard-hour)`;
      const confirmed = await this.prompts.ask(
        `Create Kinesis stream ${streamName} in ${region}?`,
        `Profile ${profile} · account ${account} · region ${region}.\nCapacity: ${capacityText}.\n\nOnce it is ACTIVE its name goes into the form as an unsaved change; Cognito Streams publishes to it after you save.`,
        CREATE_STREAM,
      );
      if (confirmed !== CREATE_STREAM) return undefined;
      try {
        await this.prompts.withProgress({ location: vscode.ProgressLocation.Notification, title: `Creating Kinesis stream ${streamName}`, cancellable: true }, (progress, token) =>
          this.session.createStream(region, streamName, capacity, {
            onStatus: (status) => progress.report({ message: status === 'ACTIVE' ? 'ACTIVE' : `${status}: waiting until it is ACTIVE…` }),
            cancelled: () => token.isCancellationRequested,
          }),
        );
        return { value: streamName };
      } catch (error) {
        if (error instanceof AwsError && error.kind === 'cancelled') return { note: `${error.message} The form was left as it was; choose the stream once it is ACTIVE.` };
        if (!nameTaken(error)) return { note: `The Kinesis stream was not created: ${messageOf(error)}` };
        const next = await this.prompts.ask(
          `A stream named ${streamName} already exists in ${region} (account ${account}).`,
          'Use it for Cognito Streams as it is, or choose another name.',
          USE_EXISTING_STREAM,
          CHOOSE_ANOTHER_NAME,
        );
        if (next === USE_EXISTING_STREAM) return { value: streamName };
        if (next !== CHOOSE_ANOTHER_NAME) return undefined;
      }
    }
  }

  private async askCapacity(title: string): Promise<StreamCapacity | undefined> {
    type CapacityItem = vscode.QuickPickItem & { mode: StreamCapacity['mode'] };
    const items: CapacityItem[] = [
      { label: 'On-demand', description: 'Scales with the traffic; no shards to plan', mode: 'ON_DEMAND' },
      { label: 'Provisioned', description: 'A fixed number of shards (1 MB/s or 1,000 records/s each for writes)', mode: 'PROVISIONED' },
    ];
    const picked = await this.prompts.pick(items, { title, placeHolder: 'Capacity mode of the stream', ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.mode === 'ON_DEMAND') return { mode: 'ON_DEMAND' };
    const shards = await this.prompts.inputBox({ title, prompt: 'Number of shards', value: '1', ignoreFocusOut: true, validateInput: (text) => shardCountProblem(text) });
    return shards === undefined ? undefined : { mode: 'PROVISIONED', shardCount: Number(shards.trim()) };
  }
}

function otherProfileNote(what: string, active: string, documentProfile: string): string {
  return `The ${what} would be created with the active AWS profile ${active}, but this configuration belongs to ${documentProfile}. Switch back to ${documentProfile} first. Nothing was created.`;
}
