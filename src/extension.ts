// Entry point. activate() reads as a table of contents: each line registers one part, and each
// part lives in its own folder. AWS is first touched when the tree or a command needs it, so
// activation stays cheap (requiring the SDK costs ~80 ms).
// First: configures @vscode/l10n before any other module computes a text.
import './l10n/configure';
import * as vscode from 'vscode';
import type { AwsSession } from './aws';
import { CommandPrompts, registerCommands } from './commands';
import { registerConfigurationDiagnostics } from './editor/configurationDiagnostics';
import { ConfigurationEditorProvider } from './editor/configurationEditor';
import { ConfigurationFileSystem } from './editor/configurationFileSystem';
import type { DataCommandContext } from './commands/dataCommands';
import { registerDatasetDocuments } from './editor/datasetDocuments';
import type { DatasetFileSystem } from './editor/datasetFileSystem';
import type { ConfigurationSaver } from './editor/configurationSave';
import { ResourcePickers } from './editor/resourcePickers';
import { ResourceCreation } from './commands/creation';
import { registerCreationPreview } from './commands/creationPreview';
import { PoolsTreeProvider } from './explorer/poolsTree';
import { createLog } from './log/outputLog';
import { ActiveProfile, createSessionFromSettings } from './profile/activeProfile';

/** What activate() returns: the explorer's internals, for the extension-host tests only. */
export interface ExtensionTestApi extends CommandPrompts {
  poolsTree: PoolsTreeProvider;
  session: AwsSession;
  configurationFileSystem: ConfigurationFileSystem;
  /** The form's ARN pickers (quick picks of roles, SNS applications and streams). */
  resourcePickers: ResourcePickers;
  /** The active profile and its status bar item. */
  activeProfile: ActiveProfile;
  /** The "Cognito Sync" output channel. */
  log: vscode.LogOutputChannel;
  /** The dataset documents (cognito-sync-data:); tests answer its conflictPrompt. */
  datasetFileSystem: DatasetFileSystem;
  /** Find Identity, Open/Delete Dataset; its prompts are syncPrompts. */
  dataCommands: DataCommandContext;
  /** The extension's own save of configuration documents; tests replace its notices. */
  configurationSaver: ConfigurationSaver;
}

export function activate(context: vscode.ExtensionContext): ExtensionTestApi {
  const log = createLog();
  context.subscriptions.push(log);
  const session = createSessionFromSettings(context, log);
  const activeProfile = ActiveProfile.register(context, session, log);
  const tree = PoolsTreeProvider.register(context, session, log, activeProfile);
  const fileSystem = ConfigurationFileSystem.register(context, session);
  const resourcePickers = new ResourcePickers(session);
  const creation = new ResourceCreation(session);
  context.subscriptions.push(registerCreationPreview());
  const configurationSaver = ConfigurationEditorProvider.register(context, fileSystem, log, resourcePickers, creation);
  context.subscriptions.push(
    registerConfigurationDiagnostics(),
    // After a save the tree shows the new values without a manual refresh.
    fileSystem.onDidSaveConfiguration((identityPoolId) => tree.refreshPool(identityPoolId)),
  );
  const datasets = registerDatasetDocuments(context, session, tree);
  const prompts = registerCommands(context, { session, activeProfile, tree, fileSystem, log, datasetDetails: datasets.details, creation });
  return { poolsTree: tree, session, configurationFileSystem: fileSystem, resourcePickers, activeProfile, log, configurationSaver, datasetFileSystem: datasets.fileSystem, ...prompts };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
