// Export / Copy as Infrastructure as Code: one pool, or every pool of a region, read live (identity
// settings, Cognito Sync configuration, events) and written as CloudFormation, CDK or Terraform to
// an untitled editor, a file, or the clipboard. The generators are src/iac (no vscode).
import * as vscode from 'vscode';
import { FORMAT_INFO, IacFormat, generateInfrastructureCode } from '../iac';
import { IacScope, readPools } from '../iac/read';
import { exportScope } from './exportCommand';
import { FileCommandsContext, messageOf, poolLabel } from './fileCommands';
import { IacChoice, IacPrompts } from './iacPrompts';

export interface IacCommandContext extends FileCommandsContext {
  iacPrompts: IacPrompts;
}

export type IacMode = 'export' | 'copy';

export interface IacResult {
  text: string;
  choice: IacChoice;
  destination: 'editor' | 'file' | 'clipboard';
  /** The document opened (untitled or the saved file); absent for the clipboard. */
  uri?: vscode.Uri;
}

/** The last format asked for, offered first next time (this window only). */
let lastChoice: IacChoice = { format: 'cloudformation-yaml', withRoles: false };

const TITLES: Record<IacMode, string> = { export: vscode.l10n.t('Cognito Sync: Export as Infrastructure as Code'), copy: vscode.l10n.t('Cognito Sync: Copy as Infrastructure as Code') };

function isRegionTarget(value: unknown): value is { region: string } {
  return typeof value === 'object' && value !== null && typeof (value as { region?: unknown }).region === 'string' && (value as { identityPoolId?: unknown }).identityPoolId === undefined;
}

/** `ShopMobile_Prod.template.yaml`, `cognito-sync-us-east-1.tf`, `cognito-sync-pools-stack.ts`. */
export function defaultFileName(base: string, format: IacFormat): string {
  const safe = base.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'cognito-sync';
  if (format === 'cdk') return `${safe}-stack.ts`;
  if (format === 'terraform') return `${safe}.tf`;
  return `${safe}.template${FORMAT_INFO[format].extension}`;
}

async function languageOf(format: IacFormat): Promise<string> {
  const wanted = FORMAT_INFO[format].language;
  return (await vscode.languages.getLanguages()).includes(wanted) ? wanted : 'plaintext';
}

export async function exportInfrastructureCode(argument: unknown, context: IacCommandContext, mode: IacMode): Promise<IacResult | undefined> {
  const title = TITLES[mode];
  const picked = isRegionTarget(argument) ? argument : await exportScope(argument, context, title);
  if (!picked) return undefined;
  const pool = 'pools' in picked ? picked.pools[0] : undefined;
  const scope: IacScope = pool ? { identityPoolId: pool.identityPoolId } : { region: (picked as { region: string }).region };
  const label = pool ? poolLabel(pool.identityPoolId, pool.name) : vscode.l10n.t('the identity pools of {0}', (picked as { region: string }).region);

  const choice = await context.iacPrompts.pickFormat(title, lastChoice);
  if (!choice) return undefined;
  lastChoice = choice;
  const destination = mode === 'copy' ? 'clipboard' : await context.iacPrompts.pickDestination(title);
  if (!destination) return undefined;

  let pools;
  try {
    pools = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cognito Sync: reading {0}', label), cancellable: true }, (progress, token) =>
      readPools(context.session, scope, (read, total) => progress.report({ message: vscode.l10n.t('{0} of {1}', read, total), increment: 100 / total }), () => token.isCancellationRequested).then((read) => (token.isCancellationRequested ? undefined : read)),
    );
  } catch (error) {
    context.log.error(`${title}: reading ${label} failed: ${messageOf(error)}`);
    void context.prompts.notify('error', vscode.l10n.t('Nothing was exported: reading {0} failed. {1}', label, messageOf(error)), vscode.l10n.t('Show Log')).then((action) => action && context.log.show(true));
    return undefined;
  }
  if (!pools) return undefined;
  if (pools.length === 0) {
    void context.prompts.notify('info', vscode.l10n.t('There are no identity pools in {0} for profile {1}: nothing was exported.', 'region' in scope ? scope.region : scope.identityPoolId, context.session.profileName));
    return undefined;
  }
  const text = generateInfrastructureCode(pools, choice.format, { withRoles: choice.withRoles });
  // The pool's name is known now even when the tree had not listed it.
  const poolName = pool ? pool.name || pools[0].identity.IdentityPoolName || undefined : undefined;
  const what = vscode.l10n.t('{0}{1} of {2}', FORMAT_INFO[choice.format].label, choice.withRoles ? vscode.l10n.t(' with roles') : '', pool ? poolLabel(pool.identityPoolId, poolName) : label);

  if (destination === 'clipboard') {
    await vscode.env.clipboard.writeText(text);
    void context.prompts.notify('info', vscode.l10n.t('Copied the {0} to the clipboard.', what));
    return { text, choice, destination };
  }
  if (destination === 'editor') {
    const document = await vscode.workspace.openTextDocument({ language: await languageOf(choice.format), content: text });
    await vscode.window.showTextDocument(document);
    return { text, choice, destination, uri: document.uri };
  }
  const base = pool ? (poolName ?? pool.identityPoolId) : `cognito-sync-${(scope as { region: string }).region}`;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = await context.iacPrompts.saveUri(title, folder && vscode.Uri.joinPath(folder, defaultFileName(base, choice.format)), choice.format);
  if (!uri) return undefined;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (error) {
    void context.prompts.notify('error', vscode.l10n.t('The {0} was not saved to {1}: {2}. Choose another file.', what, uri.fsPath, messageOf(error)));
    return undefined;
  }
  await vscode.window.showTextDocument(uri);
  void context.prompts.notify('info', vscode.l10n.t('Saved the {0} to {1}.', what, uri.fsPath));
  return { text, choice, destination, uri };
}
