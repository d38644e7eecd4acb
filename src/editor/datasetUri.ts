// Addresses of dataset documents:
//   cognito-sync-data:/<profile>/<identity pool id>/<identity id>/<dataset>.json
// The profile in the path keeps a document read with one profile from ever being saved with
// another profile's credentials; the ids and the dataset name match the model's patterns, which
// hold no slash, so the path parses back without ambiguity.
import * as vscode from 'vscode';
import type { DatasetAddress } from '../aws';
import { isDatasetName, isIdentityId } from '../model/dataset';

export const DATASET_SCHEME = 'cognito-sync-data';

export interface DatasetDocumentAddress extends DatasetAddress {
  profile: string;
}

export function datasetUri(address: DatasetDocumentAddress): vscode.Uri {
  return vscode.Uri.from({ scheme: DATASET_SCHEME, path: `/${address.profile}/${address.identityPoolId}/${address.identityId}/${address.datasetName}.json` });
}

export function parseDatasetUri(uri: vscode.Uri): DatasetDocumentAddress | undefined {
  if (uri.scheme !== DATASET_SCHEME) return undefined;
  const match = /^\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\.json$/.exec(uri.path);
  if (!match) return undefined;
  const [, profile, identityPoolId, identityId, datasetName] = match;
  if (!isIdentityId(identityPoolId) || !isIdentityId(identityId) || !isDatasetName(datasetName)) return undefined;
  return { profile, identityPoolId, identityId, datasetName };
}

/** "dataset settings of identity us-east-1:… (pool us-east-1:…)" for messages. */
export function datasetLabel(address: DatasetAddress): string {
  return vscode.l10n.t('dataset {0} of identity {1}', address.datasetName, address.identityId);
}
