// What a dataset document does not show in its editable text: each record's metadata (a hover on
// its key), a value that is itself JSON (a hover, and a read-only formatted view), and the
// read-only "Dataset details" document (SyncCounts, merged datasets, limits, deleted records).
// Everything from AWS is shown as text: hovers use code blocks and plain text, never HTML.
import * as vscode from 'vscode';
import { findNodeAtOffset, parseTree } from 'jsonc-parser';
import { AwsSession, listRecords } from '../aws';
import type { DatasetRecords } from '../aws';
import { DatasetRecord, checkDatasetLimits, clip, formatBytes, formattedJsonValue, jsonString, liveValues, recordBytes } from '../model/dataset';
import { DatasetFileSystem } from './datasetFileSystem';
import { DATASET_SCHEME, DatasetDocumentAddress, datasetUri, parseDatasetUri } from './datasetUri';

export const DATASET_DETAILS_SCHEME = 'cognito-sync-data-details';
export const DATASET_VALUE_SCHEME = 'cognito-sync-data-value';

/** Hovers: a key's record metadata; a JSON value pretty-printed. */
export class DatasetHovers implements vscode.HoverProvider {
  constructor(private readonly fileSystem: DatasetFileSystem) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const located = locate(document, position);
    if (!located) return undefined;
    const record = this.fileSystem.loadedOf(document.uri)?.records.find((item) => item.key === located.key);
    const hover = new vscode.MarkdownString();
    hover.supportHtml = false;
    hover.isTrusted = false;
    if (located.onKey) {
      hover.appendMarkdown('**Record** ');
      hover.appendText(clip(located.key, 120));
      hover.appendMarkdown('\n\n');
      const lines = !record || record.value === null ? [vscode.l10n.t('New key: not on AWS until you save (SyncCount 0).')] : metadataLines(record);
      if (record && record.value !== null && record.value !== located.value) lines.push(vscode.l10n.t('Edited: unsaved.'));
      hover.appendCodeblock(lines.join('\n'), 'text');
      return new vscode.Hover(hover, located.range);
    }
    const formatted = located.value === undefined ? undefined : formattedJsonValue(located.value);
    if (!formatted) return undefined;
    hover.appendMarkdown(vscode.l10n.t('**JSON value** (stored as a string; shown formatted, the stored bytes are unchanged)'));
    hover.appendCodeblock(formatted.length > 20_000 ? `${formatted.slice(0, 20_000)}\n…` : formatted, 'json');
    return new vscode.Hover(hover, located.range);
  }
}

function metadataLines(record: DatasetRecord): string[] {
  return [
    vscode.l10n.t('SyncCount: {0}', record.syncCount),
    vscode.l10n.t('Last modified by: {0}', record.lastModifiedBy ?? 'unknown'),
    vscode.l10n.t('Last modified: {0}', record.lastModifiedDate?.toISOString() ?? 'unknown'),
    vscode.l10n.t('Device last modified: {0}', record.deviceLastModifiedDate?.toISOString() ?? 'unknown'),
  ];
}

interface Located {
  key: string;
  value?: string;
  onKey: boolean;
  range: vscode.Range;
}

/** The record whose key or value is at `position`, in the document's current text. */
export function locate(document: vscode.TextDocument, position: vscode.Position): Located | undefined {
  const root = parseTree(document.getText());
  if (!root || root.type !== 'object') return undefined;
  const node = findNodeAtOffset(root, document.offsetAt(position), false);
  const property = node?.parent?.type === 'property' ? node.parent : undefined;
  if (!node || !property || node.type !== 'string') return undefined;
  const [keyNode, valueNode] = property.children ?? [];
  const range = new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length));
  return { key: String(keyNode.value), value: valueNode?.type === 'string' ? String(valueNode.value) : undefined, onKey: node === keyNode, range };
}

/** The read-only "Dataset details" document and the formatted views of JSON values. */
export class DatasetDetailsProvider implements vscode.TextDocumentContentProvider {
  private readonly values = new Map<string, string>();

  constructor(private readonly session: AwsSession) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (uri.scheme === DATASET_VALUE_SCHEME) return this.values.get(uri.query) ?? '';
    const address = parseDatasetUri(uri.with({ scheme: DATASET_SCHEME, path: uri.path.replace(/\.details\.md$/, '.json') }));
    if (!address) return vscode.l10n.t('Not a dataset address.');
    if (address.profile !== this.session.profileName) return vscode.l10n.t('This dataset belongs to AWS profile {0}; switch to it to see the details.', address.profile);
    try {
      return detailsText(address, await listRecords(this.session.caller(), address));
    } catch (error) {
      return vscode.l10n.t('Could not read {0}: {1}', address.datasetName, error instanceof Error ? error.message : String(error));
    }
  }

  /** Opens a read-only view of `value` formatted as JSON. */
  async showFormatted(key: string, value: string): Promise<boolean> {
    const formatted = formattedJsonValue(value);
    if (!formatted) return false;
    const id = String(this.values.size + 1);
    this.values.set(id, formatted);
    const name = key.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'value';
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: DATASET_VALUE_SCHEME, path: `/${name}.json`, query: id }));
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return true;
  }
}

export function detailsUri(address: DatasetDocumentAddress): vscode.Uri {
  const uri = datasetUri(address);
  return uri.with({ scheme: DATASET_DETAILS_SCHEME, path: uri.path.replace(/\.json$/, '.details.md') });
}

/** Text, not rendered: keys are JSON-quoted so no character of theirs can break the layout. */
export function detailsText(address: DatasetDocumentAddress, listing: DatasetRecords): string {
  const live = listing.records.filter((record) => record.value !== null);
  const deleted = listing.records.filter((record) => record.value === null);
  let bytes = 0;
  for (const record of live) bytes += recordBytes(record.key, record.value as string);
  const limits = checkDatasetLimits(liveValues(listing.records));
  const lines = [
    vscode.l10n.t('# Dataset {0}', address.datasetName),
    '',
    vscode.l10n.t('Identity: {0}', address.identityId),
    vscode.l10n.t('Identity pool: {0}', address.identityPoolId),
    vscode.l10n.t('Profile: {0}', address.profile),
    vscode.l10n.t('Dataset SyncCount: {0}', listing.datasetSyncCount ?? 'unknown'),
    vscode.l10n.t('Last modified by: {0}', listing.lastModifiedBy ?? 'unknown'),
    vscode.l10n.t('Records: {0} (and {1} deleted), {2}', live.length, deleted.length, formatBytes(bytes)),
    listing.pages === 1 ? vscode.l10n.t('Read at: {0} in 1 ListRecords page', listing.receivedAt.toISOString()) : vscode.l10n.t('Read at: {0} in {1} ListRecords pages', listing.receivedAt.toISOString(), listing.pages),
    '',
    '## Limits',
    ...(limits.length ? limits.map((check) => `- ${check.message}`) : [vscode.l10n.t('- Within 80 % of 1,024 records and 1 MB.')]),
    '',
    vscode.l10n.t('## Merged datasets'),
    ...(listing.mergedDatasetNames.length
      ? [
          vscode.l10n.t('Datasets of identities merged into this one. Devices must handle them (merge or delete them); until then they count against the 20 datasets per identity.'),
          ...listing.mergedDatasetNames.map((name) => `- ${jsonString(name)}`),
        ]
      : ['- none']),
    '',
    '## Records',
    ...live.map((record) => vscode.l10n.t('- {0}: SyncCount {1}, {2}, by {3}, {4} (device {5})', jsonString(clip(record.key, 200)), record.syncCount, formatBytes(recordBytes(record.key, record.value as string)), jsonString(record.lastModifiedBy ?? 'unknown'), record.lastModifiedDate?.toISOString() ?? 'unknown', record.deviceLastModifiedDate?.toISOString() ?? 'unknown')),
    '',
    vscode.l10n.t('## Deleted records'),
    vscode.l10n.t('AWS keeps a deleted record with no value and its SyncCount, so devices learn of the deletion.'),
    ...(deleted.length ? deleted.map((record) => vscode.l10n.t('- {0}: SyncCount {1}, deleted {2} by {3}', jsonString(clip(record.key, 200)), record.syncCount, record.lastModifiedDate?.toISOString() ?? vscode.l10n.t('at an unknown time'), jsonString(record.lastModifiedBy ?? 'unknown'))) : ['- none']),
    '',
  ];
  return lines.join('\n');
}
