// Every command of the extension, registered in one place: the palette, menus and tree rows run
// these ids (package.json lists them). The handlers live in the files of their feature.
import * as vscode from 'vscode';
import type { AwsSession } from '../aws';
import type { ConfigurationFileSystem } from '../editor/configurationFileSystem';
import { CONFIGURATION_EDITOR_VIEW_TYPE } from '../editor/configurationEditor';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import type { ActiveProfile } from '../profile/activeProfile';
import { exportConfiguration } from './exportCommand';
import type { CreationPrompts, ResourceCreation } from './creation';
import { createRoleCommand, createStreamCommand } from './creationCommands';
import { ExportSyncDataPrompts, defaultExportSyncDataPrompts, exportSyncData } from './exportSyncDataCommand';
import { FileCommandPrompts, defaultFileCommandPrompts } from './fileCommandPrompts';
import { FileCommandsContext, applyConfiguration, compareWithRemote } from './fileCommands';
import { HealthReportPrompts, defaultHealthReportPrompts, showHealthReport } from './healthReport';
import { IacPrompts, defaultIacPrompts } from './iacPrompts';
import { newConfigurationFile } from './newFileCommand';
import { copyIdentityPoolId, copyValue, openConfiguration, openConfigurationAsJson } from './poolCommands';
import { openAwsConfigFile, selectProfile, selectRegions } from './profileCommands';
import { SyncCommandPrompts, bulkPublish, defaultSyncCommandPrompts, setSyncTrigger, showUsage } from './syncCommands';
import type { DatasetDetailsProvider } from '../editor/datasetDetails';
import { DataCommandContext, deleteDataset, findIdentity, loadMoreIdentities, openDataset, setHideDisabled, showDatasetDetails, viewFormattedValue } from './dataCommands';

export interface CommandDependencies {
  session: AwsSession;
  activeProfile: ActiveProfile;
  tree: PoolsTreeProvider;
  fileSystem: ConfigurationFileSystem;
  log: vscode.LogOutputChannel;
  datasetDetails: DatasetDetailsProvider;
  /** "Create role…" / "Create stream…" (shared with the form). */
  creation: ResourceCreation;
}

/** The prompts the commands ask through; the extension-host tests replace their members. */
export interface CommandPrompts {
  /** The questions and notices of New File, Export, Compare and Apply. */
  fileCommandPrompts: FileCommandPrompts;
  /** The prompts of Set Sync Trigger, Bulk Publish and Show Usage. */
  syncPrompts: SyncCommandPrompts;
  /** The data commands' context (their prompts are syncPrompts). */
  dataCommands: DataCommandContext;
  /** The folder picker, questions and notices of Export Sync Data. */
  exportSyncDataPrompts: ExportSyncDataPrompts;
  /** The questions of Export / Copy as Infrastructure as Code. */
  iacPrompts: IacPrompts;
  /** The questions of Create Role / Create Stream (the form's and the commands'). */
  creationPrompts: CreationPrompts;
  /** The source pick, folder and save pickers, progress and notices of Show Pool Health Report. */
  healthReportPrompts: HealthReportPrompts;
}

export function registerCommands(context: vscode.ExtensionContext, { session, activeProfile, tree, fileSystem, log, datasetDetails, creation }: CommandDependencies): CommandPrompts {
  const fileCommands: FileCommandsContext = { session, tree, fileSystem, log, prompts: defaultFileCommandPrompts(), regions: () => activeProfile.regions() };
  const syncCommands = { session, tree, prompts: defaultSyncCommandPrompts() };
  const dataCommands: DataCommandContext = { session, tree, details: datasetDetails, prompts: syncCommands.prompts };
  const exportCommands = { session, tree, log, prompts: defaultExportSyncDataPrompts(), toolVersion: String(context.extension.packageJSON.version) };
  const iacCommands = { ...fileCommands, iacPrompts: defaultIacPrompts() };
  const healthReport = { session, tree, log, prompts: defaultHealthReportPrompts(), extensionUri: context.extensionUri };
  // The IaC generators (and the YAML library) load on first use, not at activation.
  const exportInfrastructureCode = async (target: unknown, mode: 'export' | 'copy') => (await import('./iacCommand')).exportInfrastructureCode(target, iacCommands, mode);
  const commands: Record<string, (...args: never[]) => unknown> = {
    'cognitoSync.showLog': () => log.show(true),
    'cognitoSync.refresh': () => {
      // An explicit refresh also forgets the pickers' lists (roles, streams, SNS applications).
      session.clearResourceLists();
      tree.refresh();
    },
    'cognitoSync.retryRegion': (region: string) => tree.retryRegion(region),
    'cognitoSync.retryPool': (identityPoolId: string) => tree.refreshPool(identityPoolId),
    'cognitoSync.selectProfile': () => selectProfile(session),
    'cognitoSync.selectRegions': async () => selectRegions(await activeProfile.regions()),
    'cognitoSync.openAwsConfigFile': () => openAwsConfigFile(session),
    'cognitoSync.copyIdentityPoolId': (node?: unknown) => copyIdentityPoolId(node, tree),
    'cognitoSync.copyValue': (node?: unknown) => copyValue(node),
    'cognitoSync.openConfiguration': (target?: unknown) => openConfiguration(target, tree, session),
    'cognitoSync.openConfigurationAsJson': (target?: unknown) => openConfigurationAsJson(target, tree, session),
    'cognitoSync.setSyncTrigger': (target?: unknown) => setSyncTrigger(target, syncCommands),
    'cognitoSync.createRole': (target?: unknown, kind?: unknown) => createRoleCommand(target, kind, { session, tree, creation }),
    'cognitoSync.createStream': (target?: unknown) => createStreamCommand(target, { session, tree, creation }),
    'cognitoSync.bulkPublish': (target?: unknown) => bulkPublish(target, syncCommands),
    'cognitoSync.showUsage': (target?: unknown) => showUsage(target, syncCommands),
    'cognitoSync.exportSyncData': (target?: unknown) => exportSyncData(target, exportCommands),
    'cognitoSync.showHealthReport': (target?: unknown) => showHealthReport(target, healthReport),
    'cognitoSync.newConfigurationFile': (target?: unknown) => newConfigurationFile(target, fileCommands),
    'cognitoSync.exportConfiguration': (target?: unknown) => exportConfiguration(target, fileCommands),
    'cognitoSync.exportInfrastructureCode': (target?: unknown) => exportInfrastructureCode(target, 'export'),
    'cognitoSync.copyInfrastructureCode': (target?: unknown) => exportInfrastructureCode(target, 'copy'),
    'cognitoSync.compareWithRemote': (target?: unknown) => compareWithRemote(target, fileCommands),
    'cognitoSync.applyConfiguration': (target?: unknown) => applyConfiguration(target, fileCommands),
    'cognitoSync.findIdentity': (target?: unknown) => findIdentity(target, dataCommands),
    'cognitoSync.openDataset': (target?: unknown) => openDataset(target, dataCommands),
    'cognitoSync.deleteDataset': (target?: unknown) => deleteDataset(target, dataCommands),
    'cognitoSync.showDatasetDetails': (target?: unknown) => showDatasetDetails(target, dataCommands),
    'cognitoSync.viewFormattedValue': () => viewFormattedValue(dataCommands),
    'cognitoSync.loadMoreIdentities': (identityPoolId?: unknown) => loadMoreIdentities(identityPoolId, tree),
    'cognitoSync.hideDisabledIdentities': (target?: unknown) => setHideDisabled(target, tree, true),
    'cognitoSync.showDisabledIdentities': (target?: unknown) => setHideDisabled(target, tree, false),
    'cognitoSync.refreshIdentity': (identityPoolId?: unknown, identityId?: unknown) => {
      if (typeof identityPoolId === 'string' && typeof identityId === 'string') tree.identities.refreshIdentity(identityPoolId, identityId);
    },
    'cognitoSync.openInForm': (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target) return vscode.commands.executeCommand('vscode.openWith', target, CONFIGURATION_EDITOR_VIEW_TYPE);
    },
  };
  for (const [id, handler] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  return { fileCommandPrompts: fileCommands.prompts, syncPrompts: syncCommands.prompts, exportSyncDataPrompts: exportCommands.prompts, iacPrompts: iacCommands.iacPrompts, creationPrompts: creation.prompts, healthReportPrompts: healthReport.prompts, dataCommands };
}
