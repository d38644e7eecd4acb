import * as vscode from 'vscode';
import { AwsError, AwsSession, DEFAULT_REGION, createAwsSession, formatApiCall, isCognitoSyncRegion } from './aws';
import type { ProfileInfo } from './aws';
import { openAwsConfigFile, selectProfile, selectRegions } from './commands/profileCommands';
import { copyIdentityPoolId, copyValue, openConfiguration, openConfigurationAsJson } from './commands/poolCommands';
import { exportConfiguration } from './commands/exportCommand';
import { FileCommandsContext, applyConfiguration, compareWithRemote } from './commands/fileCommands';
import { newConfigurationFile } from './commands/newFileCommand';
import { FileCommandPrompts, defaultFileCommandPrompts } from './commands/fileCommandPrompts';
import { SyncCommandPrompts, bulkPublish, defaultSyncCommandPrompts, setSyncTrigger, showUsage } from './commands/syncCommands';
import { CONFIGURATION_EDITOR_VIEW_TYPE, ConfigurationEditorProvider } from './editor/configurationEditor';
import { registerConfigurationDiagnostics } from './editor/configurationDiagnostics';
import { ConfigurationFileSystem, LIVE_SCHEME } from './editor/configurationFileSystem';
import { CONFIGURATION_SCHEME } from './editor/configurationUri';
import { ResourcePickers } from './editor/resourcePickers';
import { PoolsTreeProvider } from './explorer/poolsTree';
import { DataCommandContext, deleteDataset, findIdentity, loadMoreIdentities, openDataset, setHideDisabled, showDatasetDetails, viewFormattedValue } from './commands/dataCommands';
import { DATASET_LIVE_SCHEME, DatasetFileSystem } from './editor/datasetFileSystem';
import { DATASET_DETAILS_SCHEME, DATASET_VALUE_SCHEME, DatasetDetailsProvider, DatasetHovers } from './editor/datasetDetails';
import { DATASET_SCHEME } from './editor/datasetUri';
import { ProfileStatusBar } from './explorer/profileStatusBar';
import { createLog } from './log/outputLog';

/**
 * Entry point. Registers views and commands and nothing else: AWS is first touched when the tree
 * or a command needs it, so activation stays cheap (requiring the SDK costs ~80 ms).
 */
/** What activate() returns: the explorer's internals, for the extension-host tests only. */
export interface ExtensionTestApi {
  poolsTree: PoolsTreeProvider;
  session: AwsSession;
  configurationFileSystem: ConfigurationFileSystem;
  /** The questions and notices of New File, Export, Compare and Apply; tests replace its members. */
  fileCommandPrompts: FileCommandPrompts;
  /** The prompts of Set Sync Trigger, Bulk Publish and Show Usage; tests replace its members. */
  syncPrompts: SyncCommandPrompts;
  /** The form's ARN pickers (quick picks of roles, SNS applications and streams). */
  resourcePickers: ResourcePickers;
  /** The dataset documents (cognito-sync-data:); tests answer its conflictPrompt. */
  datasetFileSystem: DatasetFileSystem;
  /** Find Identity, Open/Delete Dataset; its prompts are syncPrompts. */
  dataCommands: DataCommandContext;
}

export function activate(context: vscode.ExtensionContext): ExtensionTestApi {
  const log = createLog();
  const settings = () => vscode.workspace.getConfiguration('cognitoSync');
  const session = createAwsSession({
    profile: settings().get<string>('profile'),
    endpoint: settings().get<string>('endpoint') || undefined,
    requestTimeoutSeconds: settings().get<number>('requestTimeoutSeconds'),
    extensionVersion: String(context.extension.packageJSON.version),
    logger: (record) => (record.outcome === 'ok' ? log.info(formatApiCall(record)) : log.warn(formatApiCall(record))),
    mfaCodeProvider: (mfaSerial) => askMfaCode(session, mfaSerial),
  });
  const statusBar = new ProfileStatusBar();

  const activeProfile = async (): Promise<{ profile?: ProfileInfo; anyProfile: boolean }> => {
    const snapshot = await session.listProfiles();
    return { profile: snapshot.profiles.find((profile) => profile.name === session.profileName), anyProfile: snapshot.profiles.length > 0 };
  };

  /** The setting's regions; when empty the profile's region (if Cognito Sync has it), else us-east-1. */
  const effectiveRegions = async (): Promise<string[]> => {
    const chosen = (settings().get<string[]>('regions') ?? []).filter(isCognitoSyncRegion);
    if (chosen.length) return chosen;
    const { profile } = await activeProfile();
    return [profile?.region && isCognitoSyncRegion(profile.region) ? profile.region : DEFAULT_REGION];
  };

  const tree = new PoolsTreeProvider({
    session,
    log,
    regions: () => effectiveRegions(),
    async profileProblem() {
      const { profile, anyProfile } = await activeProfile();
      statusBar.update(session.profileName, profile);
      await vscode.commands.executeCommand('setContext', 'cognitoSync.noProfiles', !anyProfile);
      if (!anyProfile) return 'noProfiles';
      if (profile) return undefined;
      return new AwsError('profileNotFound', `The AWS profile "${session.profileName}" is not in ${session.profileFiles.configFile} or ${session.profileFiles.credentialsFile}. Select another profile, or add it to one of those files.`);
    },
  });
  const view = vscode.window.createTreeView('cognitoSync.pools', { treeDataProvider: tree, showCollapseAll: true });
  const fileSystem = new ConfigurationFileSystem(session);
  const resourcePickers = new ResourcePickers(session);
  const fileCommands: FileCommandsContext = { session, tree, fileSystem, log, prompts: defaultFileCommandPrompts(), regions: () => effectiveRegions() };
  const syncCommands = { session, tree, prompts: defaultSyncCommandPrompts() };
  const datasetFileSystem = new DatasetFileSystem(session);
  const datasetDetails = new DatasetDetailsProvider(session);
  const dataCommands: DataCommandContext = { session, tree, view, details: datasetDetails, prompts: syncCommands.prompts };

  context.subscriptions.push(
    log,
    statusBar,
    tree,
    view,
    fileSystem,
    vscode.workspace.registerFileSystemProvider(CONFIGURATION_SCHEME, fileSystem, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, fileSystem.liveContent),
    registerConfigurationDiagnostics(),
    vscode.window.registerCustomEditorProvider(CONFIGURATION_EDITOR_VIEW_TYPE, new ConfigurationEditorProvider(context.extensionUri, fileSystem, log, resourcePickers), {
      webviewOptions: { retainContextWhenHidden: false },
    }),
    // After a save the tree shows the new values without a manual refresh.
    fileSystem.onDidSaveConfiguration((identityPoolId) => tree.refreshPool(identityPoolId)),
    datasetFileSystem,
    vscode.workspace.registerFileSystemProvider(DATASET_SCHEME, datasetFileSystem, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(DATASET_LIVE_SCHEME, datasetFileSystem.liveSnapshots),
    vscode.workspace.registerTextDocumentContentProvider(DATASET_DETAILS_SCHEME, datasetDetails),
    vscode.workspace.registerTextDocumentContentProvider(DATASET_VALUE_SCHEME, datasetDetails),
    vscode.languages.registerHoverProvider({ scheme: DATASET_SCHEME }, new DatasetHovers(datasetFileSystem)),
    datasetFileSystem.onDidSaveDataset((address) => tree.identities.refreshIdentity(address.identityPoolId, address.identityId)),
    vscode.commands.registerCommand('cognitoSync.findIdentity', (target?: unknown) => findIdentity(target, dataCommands)),
    vscode.commands.registerCommand('cognitoSync.openDataset', (target?: unknown) => openDataset(target, dataCommands)),
    vscode.commands.registerCommand('cognitoSync.deleteDataset', (target?: unknown) => deleteDataset(target, dataCommands)),
    vscode.commands.registerCommand('cognitoSync.showDatasetDetails', (target?: unknown) => showDatasetDetails(target, dataCommands)),
    vscode.commands.registerCommand('cognitoSync.viewFormattedValue', () => viewFormattedValue(dataCommands)),
    vscode.commands.registerCommand('cognitoSync.loadMoreIdentities', (identityPoolId?: unknown) => loadMoreIdentities(identityPoolId, tree)),
    vscode.commands.registerCommand('cognitoSync.hideDisabledIdentities', (target?: unknown) => setHideDisabled(target, tree, true)),
    vscode.commands.registerCommand('cognitoSync.showDisabledIdentities', (target?: unknown) => setHideDisabled(target, tree, false)),
    vscode.commands.registerCommand('cognitoSync.refreshIdentity', (identityPoolId?: unknown, identityId?: unknown) => {
      if (typeof identityPoolId === 'string' && typeof identityId === 'string') tree.identities.refreshIdentity(identityPoolId, identityId);
    }),
    { dispose: () => session.dispose() },
    session.onDidChangeProfileFiles(() => {
      log.info('AWS config or credentials file changed: reloading');
      tree.refresh();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('cognitoSync')) return;
      if (event.affectsConfiguration('cognitoSync.profile')) session.setProfile(settings().get<string>('profile'));
      if (event.affectsConfiguration('cognitoSync.endpoint') || event.affectsConfiguration('cognitoSync.requestTimeoutSeconds')) {
        session.updateSettings({ endpoint: settings().get<string>('endpoint') || undefined, requestTimeoutSeconds: settings().get<number>('requestTimeoutSeconds') });
      }
      tree.refresh();
    }),
    vscode.commands.registerCommand('cognitoSync.showLog', () => log.show(true)),
    vscode.commands.registerCommand('cognitoSync.refresh', () => {
      // An explicit refresh also forgets the pickers' lists (roles, streams, SNS applications).
      session.clearResourceLists();
      tree.refresh();
    }),
    vscode.commands.registerCommand('cognitoSync.retryRegion', (region: string) => tree.retryRegion(region)),
    vscode.commands.registerCommand('cognitoSync.retryPool', (identityPoolId: string) => tree.refreshPool(identityPoolId)),
    vscode.commands.registerCommand('cognitoSync.selectProfile', () => selectProfile(session)),
    vscode.commands.registerCommand('cognitoSync.selectRegions', async () => selectRegions(await effectiveRegions())),
    vscode.commands.registerCommand('cognitoSync.openAwsConfigFile', () => openAwsConfigFile(session)),
    vscode.commands.registerCommand('cognitoSync.copyIdentityPoolId', (node?: unknown) => copyIdentityPoolId(node, tree)),
    vscode.commands.registerCommand('cognitoSync.copyValue', (node?: unknown) => copyValue(node)),
    vscode.commands.registerCommand('cognitoSync.openConfiguration', (target?: unknown) => openConfiguration(target, tree, session)),
    vscode.commands.registerCommand('cognitoSync.openConfigurationAsJson', (target?: unknown) => openConfigurationAsJson(target, tree, session)),
    vscode.commands.registerCommand('cognitoSync.setSyncTrigger', (target?: unknown) => setSyncTrigger(target, syncCommands)),
    vscode.commands.registerCommand('cognitoSync.bulkPublish', (target?: unknown) => bulkPublish(target, syncCommands)),
    vscode.commands.registerCommand('cognitoSync.showUsage', (target?: unknown) => showUsage(target, syncCommands)),
    vscode.commands.registerCommand('cognitoSync.newConfigurationFile', (target?: unknown) => newConfigurationFile(target, fileCommands)),
    vscode.commands.registerCommand('cognitoSync.exportConfiguration', (target?: unknown) => exportConfiguration(target, fileCommands)),
    vscode.commands.registerCommand('cognitoSync.compareWithRemote', (target?: unknown) => compareWithRemote(target, fileCommands)),
    vscode.commands.registerCommand('cognitoSync.applyConfiguration', (target?: unknown) => applyConfiguration(target, fileCommands)),
    vscode.commands.registerCommand('cognitoSync.openInForm', (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target) return vscode.commands.executeCommand('vscode.openWith', target, CONFIGURATION_EDITOR_VIEW_TYPE);
    }),
  );
  return { poolsTree: tree, session, configurationFileSystem: fileSystem, fileCommandPrompts: fileCommands.prompts, syncPrompts: syncCommands.prompts, resourcePickers, datasetFileSystem, dataCommands };
}

async function askMfaCode(session: AwsSession, mfaSerial: string): Promise<string> {
  const code = await vscode.window.showInputBox({
    title: `Cognito Sync: MFA code for profile ${session.profileName}`,
    prompt: `Enter the current code of MFA device ${mfaSerial}`,
    placeHolder: '6-digit code',
    ignoreFocusOut: true,
    validateInput: (text) => (/^\d{6}$/.test(text.trim()) ? undefined : 'An MFA code is 6 digits'),
  });
  if (code === undefined) throw new AwsError('mfaRequired', `No MFA code was entered for profile ${session.profileName}; run the command again to be asked once more.`);
  return code.trim();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
