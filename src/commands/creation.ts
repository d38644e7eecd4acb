// "Create role…" and "Create stream…": the questions before anything is written (name, capacity,
// one modal that shows what will be created and names profile, account and region), the calls,
// and the answers to a taken name or a denied call. The form and the commands
// (creationCommands.ts) both run these flows; they return the value for the field, a note saying
// why there is none, or undefined when the user cancelled. Nothing is written to the document here.
import * as vscode from 'vscode';
import { AwsError, AwsSession, isNameTaken, regionOfPoolId } from '../aws';
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

// Button labels, localized once; a choice is compared with the label shown.
export const CREATE_ROLE = vscode.l10n.t('Create Role');
export const CREATE_STREAM = vscode.l10n.t('Create Stream');
export const USE_EXISTING_ROLE = vscode.l10n.t('Use Existing Role');
export const USE_EXISTING_STREAM = vscode.l10n.t('Use Existing Stream');
export const CHOOSE_ANOTHER_NAME = vscode.l10n.t('Choose Another Name');

/** Up to five names, then how many more: a modal's text does not scroll. */
const listed = (names: string[]) => (names.length > 5 ? vscode.l10n.t('{0} and {1} more', names.slice(0, 5).join(', '), names.length - 5) : names.join(', '));

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
  private refusal(target: CreationTarget): string | undefined {
    const active = this.session.profileName;
    if (target.profile && target.profile !== active) {
      return vscode.l10n.t('Creating uses the active AWS profile {0}, but this configuration belongs to {1}. Switch back to {1} first. Nothing was created.', active, target.profile);
    }
    if (!regionOfPoolId(target.identityPoolId)) return vscode.l10n.t('Enter a valid identity pool ID first: the role or stream is made for that pool. Nothing was created.');
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
      prompt: vscode.l10n.t('The AWS account of identity pool {0} could not be read from profile {1}. Enter its 12-digit account ID: the trust policy admits Cognito Sync only for this pool of this account.', target.identityPoolId, this.session.profileName),
      placeHolder: '123456789012',
      ignoreFocusOut: true,
      validateInput: (text) => (/^\d{12}$/.test(text.trim()) ? undefined : vscode.l10n.t('An account ID is 12 digits.')),
    });
    return typed?.trim();
  }

  async createRole(kind: RoleKind, target: CreationTarget): Promise<CreationOutcome> {
    const refused = this.refusal(target);
    if (refused) return { note: refused };
    const region = regionOfPoolId(target.identityPoolId) as string;
    const label = poolLabel(target.identityPoolId, target.poolName);
    const title = kind === 'push' ? vscode.l10n.t('Cognito Sync: Create Push Sync role for {0}', label) : vscode.l10n.t('Cognito Sync: Create Cognito Streams role for {0}', label);

    // What the role may do comes from the form; without it there is nothing to scope the role to.
    const applications = (target.configuration?.PushSync?.ApplicationArns ?? []).filter((arn) => arn.trim() !== '');
    const streamName = target.configuration?.CognitoStreams?.StreamName?.trim() ?? '';
    if (kind === 'push') {
      try {
        pushSyncPermissions(applications);
      } catch {
        return { note: vscode.l10n.t('Add the SNS platform applications first: the role may publish only to their endpoints. Nothing was created.') };
      }
    } else if (streamNameProblem(streamName)) {
      return { note: vscode.l10n.t('Choose or create the Kinesis stream first: the role may put records on that one stream only. Nothing was created.') };
    }
    const account = await this.accountOf(target, title);
    if (!account) return undefined;
    const trustPolicy = cognitoSyncTrustPolicy(target.identityPoolId, account);
    const permissions = kind === 'push' ? pushSyncPermissions(applications) : streamsPermissions(streamArn(region, account, streamName));
    const policyName = kind === 'push' ? 'CognitoSyncPushSync' : 'CognitoSyncStreams';
    const profile = this.session.profileName;
    const summary =
      kind === 'push'
        ? applications.length === 1
          ? vscode.l10n.t('sns:Publish to the endpoints of the platform application {0}', listed(applications.map((arn) => arn.split('/').pop() ?? arn)))
          : vscode.l10n.t('sns:Publish to the endpoints of {0} platform applications ({1})', applications.length, listed(applications.map((arn) => arn.split('/').pop() ?? arn)))
        : vscode.l10n.t('kinesis:PutRecord and PutRecords on stream {0} only', streamName);

    let roleName = suggestedRoleName(kind, target.poolName, target.identityPoolId);
    for (;;) {
      const typed = await this.prompts.inputBox({
        title,
        prompt: vscode.l10n.t('Name of the new IAM role (up to 64 letters, digits and + = , . @ _ -). Next you see its policies before anything is created.'),
        value: roleName,
        ignoreFocusOut: true,
        validateInput: (text) => roleNameProblem(text),
      });
      if (typed === undefined) return undefined;
      roleName = typed;
      const preview = await this.prompts.preview(
        roleName,
        `// ${vscode.l10n.t('Preview of IAM role {0}: nothing is created until you confirm.', roleName)}\n` +
          `// ${vscode.l10n.t('Profile {0} · account {1} · for identity pool {2} ({3}).', profile, account, target.identityPoolId, region)}\n` +
          `${JSON.stringify({ RoleName: roleName, AssumeRolePolicyDocument: trustPolicy, Policies: [{ PolicyName: policyName, PolicyDocument: permissions }] }, null, 2)}\n`,
      );
      let confirmed: string | undefined;
      try {
        confirmed = await this.prompts.ask(
          vscode.l10n.t('Create IAM role {0} for {1}?', roleName, label),
          vscode.l10n.t(
            'Profile {0} · account {1} · region {2} (IAM roles are global).\n\nTrust: only cognito-sync.amazonaws.com may assume it (sts:AssumeRole), only for this pool of account {1}.\nPermissions: {3}.\n\nBoth policies are shown in full in the preview beside the form. The role\'s ARN then goes into the form as an unsaved change.',
            profile,
            account,
            region,
            summary,
          ),
          CREATE_ROLE,
        );
      } finally {
        preview.dispose();
      }
      if (confirmed !== CREATE_ROLE) return undefined;
      try {
        const arn = await this.prompts.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating IAM role {0}…', roleName) }, () =>
          this.session.createRole({ roleName, description: kind === 'push' ? `Lets Cognito Sync send push sync messages through SNS for identity pool ${target.identityPoolId}.` : `Lets Cognito Sync publish to Kinesis for identity pool ${target.identityPoolId}.`, trustPolicy, policyName, permissions }),
        );
        return { value: arn };
      } catch (error) {
        if (!isNameTaken(error)) return { note: kind === 'push' ? vscode.l10n.t('The Push Sync role was not created: {0}', messageOf(error)) : vscode.l10n.t('The Cognito Streams role was not created: {0}', messageOf(error)) };
        const next = await this.prompts.ask(
          vscode.l10n.t('A role named {0} already exists in account {1}.', roleName, account),
          vscode.l10n.t('Use it as it is (its trust policy and permissions stay unchanged: check that they let Cognito Sync in for this pool), or choose another name.'),
          USE_EXISTING_ROLE,
          CHOOSE_ANOTHER_NAME,
        );
        if (next === USE_EXISTING_ROLE) {
          try {
            return { value: await this.session.getRoleArn(roleName) };
          } catch (readError) {
            return { note: vscode.l10n.t('The existing role {0} could not be read: {1}', roleName, messageOf(readError)) };
          }
        }
        if (next !== CHOOSE_ANOTHER_NAME) return undefined;
      }
    }
  }

  async createStream(target: CreationTarget): Promise<CreationOutcome> {
    const refused = this.refusal(target);
    if (refused) return { note: refused };
    const region = regionOfPoolId(target.identityPoolId) as string;
    const label = poolLabel(target.identityPoolId, target.poolName);
    const title = vscode.l10n.t('Cognito Sync: Create Kinesis stream for {0}', label);
    const account = await this.accountOf(target, title);
    if (!account) return undefined;
    const profile = this.session.profileName;

    let streamName = suggestedStreamName(target.poolName, target.identityPoolId);
    for (;;) {
      const typed = await this.prompts.inputBox({
        title,
        prompt: vscode.l10n.t('Name of the new Kinesis stream in {0} (up to 128 letters, digits and . _ -).', region),
        value: streamName,
        ignoreFocusOut: true,
        validateInput: (text) => streamNameProblem(text),
      });
      if (typed === undefined) return undefined;
      streamName = typed;
      const capacity = await this.askCapacity(title);
      if (!capacity) return undefined;
      const capacityText =
        capacity.mode === 'ON_DEMAND'
          ? vscode.l10n.t('on-demand (scales by itself; billed per stream-hour and per GB)')
          : capacity.shardCount === 1
            ? vscode.l10n.t('provisioned, 1 shard (billed per shard-hour)')
            : vscode.l10n.t('provisioned, {0} shards (billed per shard-hour)', capacity.shardCount);
      const confirmed = await this.prompts.ask(
        vscode.l10n.t('Create Kinesis stream {0} in {1}?', streamName, region),
        vscode.l10n.t('Profile {0} · account {1} · region {2}.\nCapacity: {3}.\n\nOnce it is ACTIVE its name goes into the form as an unsaved change; Cognito Streams publishes to it after you save.', profile, account, region, capacityText),
        CREATE_STREAM,
      );
      if (confirmed !== CREATE_STREAM) return undefined;
      try {
        await this.prompts.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating Kinesis stream {0}', streamName), cancellable: true }, (progress, token) =>
          this.session.createStream(region, streamName, capacity, {
            onStatus: (status) => progress.report({ message: status === 'ACTIVE' ? 'ACTIVE' : vscode.l10n.t('{0}: waiting until it is ACTIVE…', status) }),
            cancelled: () => token.isCancellationRequested,
          }),
        );
        return { value: streamName };
      } catch (error) {
        if (error instanceof AwsError && error.kind === 'cancelled') return { note: vscode.l10n.t('{0} The form was left as it was; choose the stream once it is ACTIVE.', error.message) };
        if (!isNameTaken(error)) return { note: vscode.l10n.t('The Kinesis stream was not created: {0}', messageOf(error)) };
        const next = await this.prompts.ask(
          vscode.l10n.t('A stream named {0} already exists in {1} (account {2}).', streamName, region, account),
          vscode.l10n.t('Use it for Cognito Streams as it is, or choose another name.'),
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
      { label: vscode.l10n.t('On-demand'), description: vscode.l10n.t('Scales with the traffic; no shards to plan'), mode: 'ON_DEMAND' },
      { label: vscode.l10n.t('Provisioned'), description: vscode.l10n.t('A fixed number of shards (1 MB/s or 1,000 records/s each for writes)'), mode: 'PROVISIONED' },
    ];
    const picked = await this.prompts.pick(items, { title, placeHolder: vscode.l10n.t('Capacity mode of the stream'), ignoreFocusOut: true });
    if (!picked) return undefined;
    if (picked.mode === 'ON_DEMAND') return { mode: 'ON_DEMAND' };
    const shards = await this.prompts.inputBox({ title, prompt: vscode.l10n.t('Number of shards'), value: '1', ignoreFocusOut: true, validateInput: (text) => shardCountProblem(text) });
    return shards === undefined ? undefined : { mode: 'PROVISIONED', shardCount: Number(shards.trim()) };
  }
}
