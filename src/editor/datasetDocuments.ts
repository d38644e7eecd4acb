// Registers everything of the dataset documents: the cognito-sync-data file system, Compare's live
// snapshots, the details and formatted-value views, the hovers, the own save (cognitoSync.saveDataset);
// a save redraws the identity's datasets.
import * as vscode from 'vscode';
import type { AwsSession } from '../aws';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import { DATASET_DETAILS_SCHEME, DATASET_VALUE_SCHEME, DatasetDetailsProvider, DatasetHovers } from './datasetDetails';
import { DATASET_LIVE_SCHEME, DatasetFileSystem } from './datasetFileSystem';
import { DatasetSaver } from './datasetSave';
import { DATASET_SCHEME } from './datasetUri';

export interface DatasetDocuments {
  fileSystem: DatasetFileSystem;
  details: DatasetDetailsProvider;
  /** The extension's own save (Ctrl+S in a dataset's editor). */
  saver: DatasetSaver;
}

export function registerDatasetDocuments(context: vscode.ExtensionContext, session: AwsSession, tree: PoolsTreeProvider): DatasetDocuments {
  const fileSystem = new DatasetFileSystem(session);
  const details = new DatasetDetailsProvider(session);
  const saver = new DatasetSaver(fileSystem);
  context.subscriptions.push(
    fileSystem,
    vscode.workspace.registerFileSystemProvider(DATASET_SCHEME, fileSystem, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(DATASET_LIVE_SCHEME, fileSystem.liveSnapshots),
    vscode.workspace.registerTextDocumentContentProvider(DATASET_DETAILS_SCHEME, details),
    vscode.workspace.registerTextDocumentContentProvider(DATASET_VALUE_SCHEME, details),
    vscode.languages.registerHoverProvider({ scheme: DATASET_SCHEME }, new DatasetHovers(fileSystem)),
    vscode.commands.registerCommand('cognitoSync.saveDataset', (uri?: unknown) => saver.saveCommand(uri instanceof vscode.Uri ? uri : undefined)),
    fileSystem.onDidSaveDataset((address) => tree.identities.refreshIdentity(address.identityPoolId, address.identityId)),
  );
  return { fileSystem, details, saver };
}
