// Configuration as code: a diff of a *.cognito-sync.json file against the live pool, and applying
// a file to its pool (validated, confirmed, and saved with the editor's conflict check), plus what
// the file commands share. New File is in newFileCommand.ts, Export in exportCommand.ts. Every
// question and notice goes through FileCommandPrompts, so the host tests can answer them.
import * as vscode from 'vscode';
import { AwsSession, regionOfPoolId } from '../aws';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import { ConfigurationFileSystem, fileNameOf } from '../editor/configurationFileSystem';
import { CONFIGURATION_SCHEME } from '../editor/configurationUri';
import { describeChanges } from '../model/changes';
import { SyncConfiguration, sameConfiguration } from '../model/configuration';
import { TextProblem, validateConfigurationText } from '../model/configurationText';
import { CONFIGURATION_FILE_SUFFIX } from './configurationFileNames';
import type { FileCommandPrompts } from './fileCommandPrompts';

export interface FileCommandsContext {
  session: AwsSession;
  tree: PoolsTreeProvider;
  fileSystem: ConfigurationFileSystem;
  log: vscode.LogOutputChannel;
  prompts: FileCommandPrompts;
  /** The regions the explorer lists (the setting, else the profile's region). */
  regions(): Promise<string[]>;
}

export type ApplyOutcome = 'applied' | 'unchanged' | 'refused' | 'declined' | 'notApplied' | 'failed' | 'untrusted' | 'noTarget';

/** How many problems a refusal lists; the Problems panel has them all. */
const LISTED_PROBLEMS = 5;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function poolLabel(identityPoolId: string, name: string | undefined): string {
  return name ? `${name} (${identityPoolId})` : identityPoolId;
}

/** A folder as messages name it: relative to the workspace when inside it, else its full path. */
export function folderLabel(folder: string | vscode.Uri): string {
  return vscode.workspace.asRelativePath(folder, false);
}

/** Whether a file or folder exists at `uri`. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The pool's name: as listed in the tree, else asked of Cognito Identity; undefined if neither knows. */
export async function poolNameOf(context: FileCommandsContext, identityPoolId: string): Promise<string | undefined> {
  const listed = context.tree.listedPools().find((pool) => pool.identityPoolId === identityPoolId);
  if (listed?.name) return listed.name;
  try {
    return await context.session.getPoolName(identityPoolId);
  } catch (error) {
    // A profile denied Cognito Identity still works with pools by id: the name is only for messages.
    context.log.warn(`The name of identity pool ${identityPoolId} is unavailable: ${messageOf(error)}`);
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Compare and apply: the target file and its pool

/** The document of a command's target: the Uri it was given (explorer, editor title), else the active editor's. */
async function targetDocument(argument: unknown, context: FileCommandsContext, action: string): Promise<vscode.TextDocument | undefined> {
  const uri = argument instanceof vscode.Uri ? argument : vscode.window.activeTextEditor?.document.uri;
  if (!uri || !uri.path.endsWith(CONFIGURATION_FILE_SUFFIX)) {
    void context.prompts.notify('error', vscode.l10n.t('Nothing to {0}: open a *{1} file first, or run the command from one in the Explorer.', action, CONFIGURATION_FILE_SUFFIX));
    return undefined;
  }
  try {
    // The open document when there is one, so unsaved edits count.
    return await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    void context.prompts.notify('error', vscode.l10n.t('Cannot {0} {1}: it cannot be read ({2}).', action, fileNameOf(uri), messageOf(error)));
    return undefined;
  }
}

/** The document's configuration if it has a valid IdentityPoolId; otherwise a clear error and undefined. */
function readConfiguration(document: vscode.TextDocument, context: FileCommandsContext, action: string): SyncConfiguration | undefined {
  const file = fileNameOf(document.uri);
  const { configuration, problems } = validateConfigurationText(document.getText());
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (!configuration) {
    void context.prompts.notify('error', vscode.l10n.t('Cannot {0} {1}: {2} It must be the JSON input of aws cognito-sync set-identity-pool-configuration.', action, file, errors[0]?.message ?? vscode.l10n.t('it is not a Cognito Sync configuration.')));
    return undefined;
  }
  const poolIdError = errors.find((problem) => problem.path[0] === 'IdentityPoolId');
  if (poolIdError || !configuration.IdentityPoolId) {
    void context.prompts.notify('error', vscode.l10n.t('Cannot {0} {1}: it has no valid IdentityPoolId. {2}', action, file, poolIdError?.message ?? '').trim());
    return undefined;
  }
  return configuration;
}

async function liveConfiguration(context: FileCommandsContext, identityPoolId: string, failure: string): Promise<SyncConfiguration | undefined> {
  try {
    return await context.session.getConfiguration(identityPoolId);
  } catch (error) {
    context.log.error(`${failure} ${messageOf(error)}`);
    void context.prompts.notify('error', `${failure} ${messageOf(error)}`);
    return undefined;
  }
}

function diffTitle(identityPoolId: string, name: string | undefined, document: vscode.Uri): string {
  return vscode.l10n.t('{0}: live ↔ {1}', name ?? identityPoolId, fileNameOf(document));
}

/** Opens a diff of the live configuration (left, read-only) against the file (right, editable). */
export async function compareWithRemote(argument: unknown, context: FileCommandsContext): Promise<boolean> {
  const document = await targetDocument(argument, context, 'compare');
  if (!document) return false;
  const configuration = readConfiguration(document, context, 'compare');
  if (!configuration) return false;
  const { IdentityPoolId: identityPoolId } = configuration;
  const live = await liveConfiguration(context, identityPoolId, vscode.l10n.t('Cannot compare {0} with identity pool {1}:', fileNameOf(document.uri), identityPoolId));
  if (!live) return false;
  const name = await poolNameOf(context, identityPoolId);
  await context.fileSystem.showLiveDiff(document.uri, identityPoolId, live, diffTitle(identityPoolId, name, document.uri));
  return true;
}

function describeProblems(document: vscode.TextDocument, problems: TextProblem[]): string {
  const lines = problems.slice(0, LISTED_PROBLEMS).map((problem) => {
    const where = problem.offset !== undefined ? vscode.l10n.t('line {0}', document.positionAt(problem.offset).line + 1) : 'file';
    return vscode.l10n.t('• {0}{1}: {2}', where, problem.path.length ? ` (${problem.path.join('.')})` : '', problem.message);
  });
  if (problems.length > LISTED_PROBLEMS) lines.push(vscode.l10n.t('…and {0} more in the Problems panel.', problems.length - LISTED_PROBLEMS));
  return lines.join('\n');
}

/**
 * Applies the document's current text to its pool: refused with its problems when it is invalid;
 * otherwise the diff against the live configuration, a modal naming pool, profile, region and the
 * changes, then the editor's conflict-checked save. Nothing is written on any failure.
 */
export async function applyConfiguration(argument: unknown, context: FileCommandsContext): Promise<ApplyOutcome> {
  if (!vscode.workspace.isTrusted) {
    void context.prompts.notify('error', vscode.l10n.t('Apply Configuration is not available in an untrusted workspace: a file from an untrusted folder is never written to an identity pool. Trust the workspace first (Manage Workspace Trust).'));
    return 'untrusted';
  }
  const document = await targetDocument(argument, context, 'apply');
  if (!document) return 'noTarget';
  const file = fileNameOf(document.uri);
  if (document.uri.scheme === CONFIGURATION_SCHEME) {
    void context.prompts.notify('error', vscode.l10n.t('{0} is the pool\'s own configuration document: save it (Ctrl+S) to write it to the pool.', file));
    return 'noTarget';
  }

  const { configuration, problems } = validateConfigurationText(document.getText());
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (!configuration || errors.length) {
    const showProblems = await context.prompts.refuseApply(
      errors.length === 1 ? vscode.l10n.t('{0} was not applied: it has 1 problem.', file) : vscode.l10n.t('{0} was not applied: it has {1} problems.', file, errors.length),
      errors.length === 1 ? vscode.l10n.t('{0}\n\nFix it and apply again. Nothing was written.', describeProblems(document, errors)) : vscode.l10n.t('{0}\n\nFix them and apply again. Nothing was written.', describeProblems(document, errors)),
    );
    if (showProblems) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
    return 'refused';
  }

  const { IdentityPoolId: identityPoolId } = configuration;
  const profile = context.session.profileName;
  const region = regionOfPoolId(identityPoolId) ?? '';
  const live = await liveConfiguration(context, identityPoolId, vscode.l10n.t('{0} was not applied to identity pool {1}:', file, identityPoolId));
  if (!live) return 'failed';
  const name = await poolNameOf(context, identityPoolId);
  const pool = poolLabel(identityPoolId, name);
  if (sameConfiguration(live, configuration)) {
    void context.prompts.notify('info', vscode.l10n.t('Identity pool {0} already has the configuration of {1}: nothing to apply.', pool, file));
    return 'unchanged';
  }

  await context.fileSystem.showLiveDiff(document.uri, identityPoolId, live, diffTitle(identityPoolId, name, document.uri));
  const changes = describeChanges(live, configuration);
  const confirmed = await context.prompts.confirmApply(
    vscode.l10n.t('Apply {0} to identity pool {1}?', file, pool),
    vscode.l10n.t('Pool: {0}\nPool ID: {1}\nProfile: {2}\nRegion: {3}\n\nChanges:\n{4}', name ?? vscode.l10n.t('(name unavailable)'), identityPoolId, profile, region, changes.map((change) => `• ${change}`).join('\n')),
  );
  if (!confirmed) return 'declined';

  try {
    const outcome = await context.fileSystem.saveChecked({ profile, identityPoolId, poolName: name }, live, configuration, document.uri, 'compared');
    if (outcome.status !== 'saved') {
      const why = outcome.status === 'declined' ? vscode.l10n.t('its configuration was changed on AWS after the diff was shown') : vscode.l10n.t('its configuration changed again while you decided');
      void context.prompts.notify('warning', vscode.l10n.t('{0} was not applied to identity pool {1}: {2}. Nothing was written; compare and apply again.', file, pool, why));
      return 'notApplied';
    }
  } catch (error) {
    context.log.error(`${file} was not applied to identity pool ${pool}: ${messageOf(error)}`);
    void context.prompts.notify('error', vscode.l10n.t('{0} was not applied to identity pool {1}: {2}', file, pool, messageOf(error)));
    return 'failed';
  }
  context.log.info(`Applied ${file} to identity pool ${pool} (profile ${profile}).`);
  void context.prompts.notify('info', vscode.l10n.t('Applied {0} to identity pool {1} (profile {2}, {3}).', file, pool, profile, region));
  return 'applied';
}
