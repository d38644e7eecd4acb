// cognitoSync.createRole and cognitoSync.createStream: from the palette or a pool's row. They run
// the same flows as the form's "Create…" buttons (creation.ts) on the pool's configuration document
// as it is now (an open, unsaved document included), then put the value into that document as an
// unsaved edit: dirty, undoable, saved like any other change.
import * as vscode from 'vscode';
import type { AwsSession } from '../aws';
import { CONFIGURATION_EDITOR_VIEW_TYPE } from '../editor/configurationEditor';
import { configurationUri, parseConfigurationUri } from '../editor/configurationUri';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import { formatConfiguration } from '../model/configuration';
import type { SyncConfiguration } from '../model/configuration';
import { validateConfigurationText } from '../model/configurationText';
import { CreatableField, CreationOutcome, ResourceCreation, RoleKind, creationTargetOf } from './creation';
import { poolOfActiveProfile } from './poolCommands';

export interface CreationCommandContext {
  session: AwsSession;
  tree: PoolsTreeProvider;
  creation: ResourceCreation;
}

/** The configuration with `field` set to `value` (sections created as needed). */
export function withCreatedValue(configuration: SyncConfiguration, field: CreatableField, value: string): SyncConfiguration {
  if (field === 'push-role') return { ...configuration, PushSync: { ...configuration.PushSync, RoleArn: value } };
  if (field === 'streams-role') return { ...configuration, CognitoStreams: { ...configuration.CognitoStreams, RoleArn: value } };
  return { ...configuration, CognitoStreams: { ...configuration.CognitoStreams, StreamName: value } };
}

/** Puts the value into the document as one edit (undoable); false when its text is not a configuration. */
async function putIntoDocument(document: vscode.TextDocument, field: CreatableField, value: string): Promise<boolean> {
  const { configuration } = validateConfigurationText(document.getText());
  if (!configuration) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), formatConfiguration(withCreatedValue(configuration, field, value)));
  return vscode.workspace.applyEdit(edit);
}

/** The configuration document the command is about: a document URI, or a pool's (the open one first, with its unsaved edits). */
async function documentFor(argument: unknown, context: CreationCommandContext, title: string): Promise<vscode.TextDocument | undefined> {
  if (argument instanceof vscode.Uri) return vscode.workspace.openTextDocument(argument);
  const pool = await poolOfActiveProfile(argument, context.tree, context.session, title);
  if (!pool) return undefined;
  const profile = context.session.profileName;
  const open = vscode.workspace.textDocuments.find((document) => {
    const address = parseConfigurationUri(document.uri);
    return address?.identityPoolId === pool.identityPoolId && address.profile === profile;
  });
  return open ?? vscode.workspace.openTextDocument(configurationUri({ profile, identityPoolId: pool.identityPoolId, poolName: pool.name }));
}

const EDIT_CONFIGURATION = vscode.l10n.t('Edit Configuration');

async function runCreation(document: vscode.TextDocument | undefined, field: CreatableField, context: CreationCommandContext): Promise<CreationOutcome> {
  if (!document) return undefined;
  const { prompts } = context.creation;
  const target = creationTargetOf(document);
  if (!target) {
    void prompts.notify('error', vscode.l10n.t('{0} is not a readable Cognito Sync configuration: fix its JSON first. Nothing was created.', vscode.workspace.asRelativePath(document.uri)));
    return undefined;
  }
  const outcome = await context.creation.create(field, target);
  if (!outcome) return undefined;
  if ('note' in outcome) {
    void prompts.notify('error', outcome.note);
    return outcome;
  }
  if (!(await putIntoDocument(document, field, outcome.value))) {
    void prompts.notify('warning', vscode.l10n.t('{0} is ready, but the configuration could not take it (its text is not a configuration now): enter it yourself.', outcome.value));
    return outcome;
  }
  const pool = target.poolName ?? target.identityPoolId;
  const message =
    field === 'stream-name'
      ? vscode.l10n.t('Stream name {0} is in the configuration of {1}, not saved yet: save to apply it.', outcome.value, pool)
      : vscode.l10n.t('Role ARN {0} is in the configuration of {1}, not saved yet: save to apply it.', outcome.value, pool);
  void prompts.notify('info', message, EDIT_CONFIGURATION).then((action) => {
    if (action === EDIT_CONFIGURATION) void vscode.commands.executeCommand('vscode.openWith', document.uri, CONFIGURATION_EDITOR_VIEW_TYPE);
  });
  return outcome;
}

/** cognitoSync.createRole: the pool (argument or quick pick), the kind (argument or quick pick), then the flow. */
export async function createRoleCommand(argument: unknown, kindArgument: unknown, context: CreationCommandContext): Promise<CreationOutcome> {
  const title = vscode.l10n.t('Cognito Sync: Create Role for Cognito Sync');
  const document = await documentFor(argument, context, title);
  if (!document) return undefined;
  let kind: RoleKind | undefined = kindArgument === 'push' || kindArgument === 'streams' ? kindArgument : undefined;
  if (!kind) {
    const picked = await context.creation.prompts.pick(
      [
        { label: vscode.l10n.t('Push Sync role'), description: vscode.l10n.t('sns:Publish to the endpoints of the pool\'s platform applications'), role: 'push' as const },
        { label: vscode.l10n.t('Cognito Streams role'), description: vscode.l10n.t('kinesis:PutRecord and PutRecords on the pool\'s stream'), role: 'streams' as const },
      ],
      { title, placeHolder: vscode.l10n.t('Which role?') },
    );
    kind = picked?.role;
  }
  if (!kind) return undefined;
  return runCreation(document, kind === 'push' ? 'push-role' : 'streams-role', context);
}

/** cognitoSync.createStream: the pool (argument or quick pick), then the flow. */
export async function createStreamCommand(argument: unknown, context: CreationCommandContext): Promise<CreationOutcome> {
  const document = await documentFor(argument, context, vscode.l10n.t('Cognito Sync: Create Kinesis Stream for Cognito Streams'));
  return runCreation(document, 'stream-name', context);
}
