// New Configuration File: an unsaved *.cognito-sync.json with a pool's live configuration or a
// blank template, in the first workspace folder.
import * as vscode from 'vscode';
import { parseTree } from 'jsonc-parser';
import { DEFAULT_REGION } from '../aws';
import type { SyncConfiguration } from '../model/configuration';
import { formatConfiguration } from '../model/configuration';
import { CONFIGURATION_FILE_SUFFIX, configurationFileStem } from './configurationFileNames';
import { FileCommandsContext, exists, messageOf, poolNameOf } from './fileCommands';
import { PoolTarget, poolOfActiveProfile } from './poolCommands';

/**
 * Opens a new, unsaved `<pool name>.cognito-sync.json` (or `new.cognito-sync.json`) in the first
 * workspace folder. It is an untitled document with that path: nothing is written before the user
 * saves, and as its name ends in .cognito-sync.json the JSON schema and the Problems-panel checks
 * apply while it is edited.
 */
export async function newConfigurationFile(argument: unknown, context: FileCommandsContext): Promise<vscode.Uri | undefined> {
  const choice = argument === undefined ? await pickPoolOrBlank(context) : await poolOfActiveProfile(argument, context.tree, context.session, vscode.l10n.t('Cognito Sync: New Configuration File'));
  if (!choice) return undefined;

  let text: string;
  let stem: string;
  if (choice === 'blank') {
    const region = (await context.regions())[0] ?? DEFAULT_REGION;
    text = formatConfiguration({ IdentityPoolId: `${region}:00000000-0000-0000-0000-000000000000` });
    stem = 'new';
  } else {
    let live: SyncConfiguration;
    try {
      live = await context.session.getConfiguration(choice.identityPoolId);
    } catch (error) {
      void context.prompts.notify('error', vscode.l10n.t('No configuration file was created: {0}', messageOf(error)));
      return undefined;
    }
    const name = choice.name ?? (await poolNameOf(context, choice.identityPoolId));
    text = formatConfiguration(live);
    stem = configurationFileStem({ identityPoolId: choice.identityPoolId, name });
  }

  const uri = await unusedUntitledUri(stem);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), text));
  if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  const target = firstThingToFillIn(text, choice === 'blank');
  editor.selection = new vscode.Selection(document.positionAt(target.start), document.positionAt(target.end));
  editor.revealRange(editor.selection);
  return uri;
}

async function pickPoolOrBlank(context: FileCommandsContext): Promise<PoolTarget | 'blank' | undefined> {
  type Item = vscode.QuickPickItem & { target: PoolTarget | 'blank' };
  const items: (Item | vscode.QuickPickItem)[] = [
    { label: '$(new-file) Blank template', description: vscode.l10n.t('a placeholder identity pool id to fill in'), target: 'blank' } as Item,
  ];
  const pools = context.tree.listedPools();
  if (pools.length) {
    items.push({ label: vscode.l10n.t('Identity pools'), kind: vscode.QuickPickItemKind.Separator });
    items.push(...pools.map((pool): Item => ({ label: pool.name ?? pool.identityPoolId, description: pool.identityPoolId, target: { identityPoolId: pool.identityPoolId, name: pool.name } })));
  }
  const picked = await context.prompts.pick<Item>(items, {
    title: vscode.l10n.t('Cognito Sync: New Configuration File'),
    placeHolder: pools.length ? vscode.l10n.t('A blank template, or the live configuration of an identity pool') : vscode.l10n.t('A blank template (open the Cognito Sync view to list your pools)'),
    matchOnDescription: true,
  });
  return picked?.target;
}

/** An untitled URI with a file path in the first workspace folder that names no file or open document. */
async function unusedUntitledUri(stem: string): Promise<vscode.Uri> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
  for (let index = 1; ; index += 1) {
    const name = `${stem}${index === 1 ? '' : `-${index}`}${CONFIGURATION_FILE_SUFFIX}`;
    // Without a folder: an untitled document named so (Save asks where).
    const untitled = folder ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
    if (isOpen(untitled)) continue;
    if (folder && (await exists(vscode.Uri.joinPath(folder, name)))) continue;
    return untitled;
  }
}

/**
 * Where the cursor goes in a new file: in a template, the placeholder pool id selected; in a pool's
 * configuration (complete already), its first value after the pool id, else just after the id.
 */
function firstThingToFillIn(text: string, template: boolean): { start: number; end: number } {
  const values: { offset: number; length: number; type: string }[] = [];
  const visit = (node: ReturnType<typeof parseTree>) => {
    if (!node) return;
    if (node.type === 'property') return visit(node.children?.[1]);
    if (node.type === 'object' || node.type === 'array') return node.children?.forEach(visit);
    values.push(node);
  };
  visit(parseTree(text));
  const inside = (value: { offset: number; length: number; type: string }) =>
    value.type === 'string' ? { start: value.offset + 1, end: value.offset + value.length - 1 } : { start: value.offset, end: value.offset + value.length };
  const [poolId, next] = values;
  if (!poolId) return { start: 0, end: 0 };
  if (template) return inside(poolId);
  if (next) return inside(next);
  const after = poolId.offset + poolId.length;
  return { start: after, end: after };
}
