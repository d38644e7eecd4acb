// The sync trigger's Lambda side: a picker of the region's functions (free text stays one item
// away, and is all there is when listing is refused), and the permission Cognito Sync needs to
// invoke the function for this pool: checked with GetPolicy after the trigger is set, and added
// with AddPermission only after a confirmation that shows the statement and names profile,
// account and region.
import * as vscode from 'vscode';
import type { AwsSession, FunctionSummary } from '../aws';
import { policyAllowsTrigger, triggerPermissionStatement } from '../model/triggerPermission';
import { parseLambdaFunctionArn } from '../model/syncTrigger';
import { messageOf } from './fileCommands';

/** What the function picker returns: a function, "type an ARN" (the input box), or undefined (cancelled). */
export type FunctionChoice = { arn: string } | 'type' | undefined;

export interface FunctionPickerRequest {
  title: string;
  region: string;
  current: string;
  functions: readonly FunctionSummary[];
  /** Why the list is empty or short (listing refused, capped). */
  problem?: string;
}

/** Documented AWS behaviour (Cognito Events guide), said wherever a trigger is chosen. */
export const DEVELOPER_CREDENTIALS_NOTE = vscode.l10n.t('Records written with developer credentials do not invoke the sync trigger.');

type Item = vscode.QuickPickItem & { choice?: { arn: string } | 'type' };

/** VS Code's quick pick of the functions (searchable by name and ARN), "Enter an ARN…" first. */
export async function showFunctionPicker(request: FunctionPickerRequest): Promise<FunctionChoice> {
  const items: Item[] = [
    { label: '$(edit) Enter a function ARN…', detail: request.problem ?? DEVELOPER_CREDENTIALS_NOTE, choice: 'type' },
    { label: vscode.l10n.t('Lambda functions in {0}', request.region), kind: vscode.QuickPickItemKind.Separator },
    ...request.functions.map((fn): Item => ({
      label: fn.name,
      description: [fn.runtime, fn.arn === request.current || request.current.startsWith(`${fn.arn}:`) ? vscode.l10n.t('current trigger') : undefined].filter(Boolean).join(' · '),
      detail: fn.description ? `${fn.description} · ${fn.arn}` : fn.arn,
      choice: { arn: fn.arn },
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: request.title, placeHolder: vscode.l10n.t('The Lambda function Cognito Sync invokes when a dataset is synchronized'), matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return picked?.choice;
}

/** The functions of the pool's region for the picker; a refused or failed listing leaves free text, with the reason. */
export async function functionsForPicker(session: AwsSession, region: string): Promise<{ functions: FunctionSummary[]; problem?: string }> {
  try {
    const list = await session.listFunctions(region);
    return { functions: list.items, problem: list.capped ? vscode.l10n.t('Only the first {0} functions are listed: type an ARN for another.', list.items.length) : undefined };
  } catch (error) {
    return { functions: [], problem: vscode.l10n.t('The functions of {0} could not be listed: {1}', region, messageOf(error)) };
  }
}

export type PermissionState = { state: 'allowed' } | { state: 'missing'; accountId: string } | { state: 'unknown'; reason: string };

/** Whether Cognito Sync may invoke `functionArn` for the pool (GetPolicy); the pool's account from its configuration, else the function's. */
export async function triggerPermissionState(session: AwsSession, identityPoolId: string, functionArn: string, poolAccountId: string | undefined): Promise<PermissionState> {
  const accountId = poolAccountId ?? parseLambdaFunctionArn(functionArn)?.accountId;
  if (!accountId) return { state: 'unknown', reason: vscode.l10n.t('the pool\'s account is not known') };
  try {
    return policyAllowsTrigger(await session.getFunctionPolicy(functionArn), identityPoolId, accountId) ? { state: 'allowed' } : { state: 'missing', accountId };
  } catch (error) {
    return { state: 'unknown', reason: messageOf(error) };
  }
}

export interface PermissionPrompts {
  confirm(message: string, detail: string, action: string): Thenable<boolean>;
  notify(severity: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Thenable<string | undefined>;
}

export const ADD_PERMISSION = vscode.l10n.t('Add Permission…');

/** Shows the statement, asks (naming profile, account, region), then AddPermission. True when added. */
export async function addTriggerPermission(session: AwsSession, prompts: PermissionPrompts, identityPoolId: string, poolLabel: string, functionArn: string, accountId: string): Promise<boolean> {
  const region = parseLambdaFunctionArn(functionArn)?.region ?? '';
  const statement = JSON.stringify(triggerPermissionStatement(functionArn, identityPoolId, accountId), null, 2);
  const confirmed = await prompts.confirm(
    vscode.l10n.t('Let Cognito Sync invoke {0} for {1}?', functionArn.split(':')[6] ?? functionArn, poolLabel),
    vscode.l10n.t('AddPermission with profile {0}, account {1}, region {2} adds this statement to the function\'s resource policy:\n\n{3}', session.profileName, accountId, region, statement),
    vscode.l10n.t('Add Permission'),
  );
  if (!confirmed) return false;
  try {
    await session.addTriggerPermission(functionArn, identityPoolId, accountId);
  } catch (error) {
    void prompts.notify('error', vscode.l10n.t('The permission was not added to {0}: {1}', functionArn, messageOf(error)));
    return false;
  }
  void prompts.notify('info', vscode.l10n.t('Cognito Sync may now invoke {0} for {1}.', functionArn, poolLabel));
  return true;
}
