// What the AWS console's Cognito Sync page does beyond the configuration form: a pool's Cognito
// Events (the sync trigger), bulk publish to its Kinesis stream, and its usage figures.
import * as vscode from 'vscode';
import { AwsError, AwsSession, regionOfPoolId } from '../aws';
import type { BulkPublishDetails, PoolUsage } from '../aws';
import type { PoolsTreeProvider } from '../explorer/poolsTree';
import { formatDate, formatDateWithAge, formatRelativeAge, formatUsage, regionName } from '../explorer/presentation';
import { accountOfConfiguration } from '../model/arns';
import { checkSyncTrigger } from '../model/syncTrigger';
import { NoticeSeverity, showNotification } from './fileCommandPrompts';
import { messageOf, poolLabel as labelOf } from './fileCommands';
import { PoolTarget, poolOfActiveProfile } from './poolCommands';
import { ADD_PERMISSION, DEVELOPER_CREDENTIALS_NOTE, FunctionChoice, FunctionPickerRequest, addTriggerPermission, functionsForPicker, showFunctionPicker, triggerPermissionState } from './syncTriggerFunctions';

/**
 * The questions and notifications of these commands, in one replaceable object so host tests can
 * answer them (a native prompt cannot be driven there). The defaults are VS Code's own.
 */
export interface SyncCommandPrompts {
  /** The sync trigger's function picker: a function, 'type' (the input box), or undefined. */
  pickFunction(request: FunctionPickerRequest): Thenable<FunctionChoice>;
  /** An input box; VS Code's accepts a value only while validateInput reports no error. */
  inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  /** A modal question with one action besides Cancel: true when the action was chosen. */
  confirm(message: string, detail: string, action: string): Thenable<boolean>;
  /** A notification; resolves to the action clicked, or undefined once it is dismissed. */
  notify(severity: NoticeSeverity, message: string, ...actions: string[]): Thenable<string | undefined>;
  /** The cancellable progress notification that follows a bulk publish. */
  withProgress<R>(options: vscode.ProgressOptions, task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Thenable<R>): Thenable<R>;
}

export function defaultSyncCommandPrompts(): SyncCommandPrompts {
  return {
    pickFunction: showFunctionPicker,
    inputBox: (options) => vscode.window.showInputBox(options),
    confirm: async (message, detail, action) => (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action,
    notify: showNotification,
    withProgress: (options, task) => vscode.window.withProgress(options, task),
  };
}

export interface SyncCommandContext {
  session: AwsSession;
  tree: PoolsTreeProvider;
  prompts: SyncCommandPrompts;
}

const EDIT_CONFIGURATION = 'Edit Configuration';
const EDIT_AGAIN = 'Edit Again';
const FOLLOW_PROGRESS = 'Follow Progress';
/** Polling of GetBulkPublishDetails: 1 s, then doubling up to 5 s, so a long publish costs few requests. */
const POLL_FIRST_MS = 1000;
const POLL_MAX_MS = 5000;
const BULK_PUBLISH_COOLDOWN_MS = 24 * 60 * 60 * 1000;

function poolLabel(pool: PoolTarget): string {
  return labelOf(pool.identityPoolId, pool.name);
}

/** Shows a notification without waiting for it to be dismissed; `then` runs for a clicked action. */
function notifyAndForget(prompts: SyncCommandPrompts, severity: NoticeSeverity, message: string, actions: string[] = [], then?: (action: string) => unknown): void {
  void Promise.resolve(prompts.notify(severity, message, ...actions)).then((action) => (action && then ? then(action) : undefined));
}

// ---------------------------------------------------------------------------------------------
// Cognito Events: the sync trigger.

/** What the input box says about the text typed so far (an empty box clears the trigger). */
function syncTriggerValidation(text: string, current: string, pool: { region?: string; accountId?: string }): vscode.InputBoxValidationMessage | undefined {
  const arn = text.trim();
  if (arn === '') return current ? { message: 'Empty: the sync trigger is removed (you are asked to confirm).', severity: vscode.InputBoxValidationSeverity.Info } : undefined;
  const problem = checkSyncTrigger(arn, pool);
  if (!problem) return undefined;
  return { message: problem.message, severity: problem.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning };
}

/** Sets or clears a pool's sync trigger (the Lambda function invoked when a dataset is synchronized). */
export async function setSyncTrigger(argument: unknown, context: SyncCommandContext): Promise<void> {
  const pool = await poolOfActiveProfile(argument, context.tree, context.session, 'Cognito Sync: Set Sync Trigger');
  if (pool) await editSyncTrigger(pool, context);
}

/** `draft`: what the user typed before a failed attempt, offered again so nothing typed is lost. */
async function editSyncTrigger(pool: PoolTarget, context: SyncCommandContext, draft?: string): Promise<void> {
  const { session, tree, prompts } = context;
  const label = poolLabel(pool);
  const region = regionOfPoolId(pool.identityPoolId);
  // The current trigger prefills the box; the configuration's ARNs tell the pool's account.
  const [events, configuration] = await Promise.allSettled([session.getEvents(pool.identityPoolId), session.getConfiguration(pool.identityPoolId)]);
  if (events.status === 'rejected') {
    notifyAndForget(prompts, 'error', messageOf(events.reason));
    return;
  }
  const current = events.value.SyncTrigger ?? '';
  const accountId = configuration.status === 'fulfilled' ? accountOfConfiguration(configuration.value) : undefined;
  const title = `Cognito Sync: Sync Trigger of ${label}`;
  // The picker first (a retry after a failure goes straight back to the text typed).
  let picked: FunctionChoice = 'type';
  if (draft === undefined && region) {
    const { functions, problem } = await functionsForPicker(session, region);
    picked = await prompts.pickFunction({ title, region, current, functions, problem });
    if (picked === undefined) return;
  }
  const typed =
    picked !== 'type'
      ? picked.arn
      : await prompts.inputBox({
          title,
          prompt: `The Lambda function Cognito Sync invokes when a dataset of this pool is synchronized (pool in ${region}${accountId ? `, account ${accountId}` : ''}). Empty: remove the trigger. ${DEVELOPER_CREDENTIALS_NOTE}`,
          placeHolder: `arn:aws:lambda:${region}:${accountId ?? '123456789012'}:function:my-function`,
          value: draft ?? current,
          ignoreFocusOut: true,
          validateInput: (text) => syncTriggerValidation(text, current, { region, accountId }),
        });
  if (typed === undefined) return;
  const arn = typed.trim();
  if (arn === current) {
    vscode.window.setStatusBarMessage(arn ? `Sync trigger of ${label} unchanged` : `${label} has no sync trigger: nothing to clear`, 4000);
    return;
  }
  if (arn === '') {
    const confirmed = await prompts.confirm(`Clear sync trigger of ${label}?`, `${current} will no longer be invoked when a dataset of this pool is synchronized.`, 'Clear');
    if (!confirmed) return;
  } else {
    // VS Code's input box never accepts a value with an error; this guards other callers.
    const problem = checkSyncTrigger(arn, { region, accountId });
    if (problem?.severity === 'error') {
      notifyAndForget(prompts, 'error', `Sync trigger of ${label} not set: ${problem.message}`, [EDIT_AGAIN], () => editSyncTrigger(pool, context, typed));
      return;
    }
  }
  try {
    await session.setSyncTrigger(pool.identityPoolId, arn || undefined);
  } catch (error) {
    notifyAndForget(prompts, 'error', messageOf(error), [EDIT_AGAIN], () => editSyncTrigger(pool, context, typed));
    return;
  }
  tree.refreshPool(pool.identityPoolId);
  if (!arn) {
    notifyAndForget(prompts, 'info', `Sync trigger of ${label} cleared.`);
    return;
  }
  const permission = await triggerPermissionState(session, pool.identityPoolId, arn, accountId);
  if (permission.state === 'missing') {
    const message = `Sync trigger of ${label} set to ${arn}, but the function's resource policy does not let Cognito Sync (cognito-sync.amazonaws.com) invoke it for this pool.`;
    notifyAndForget(prompts, 'warning', message, [ADD_PERMISSION], () => addTriggerPermission(session, prompts, pool.identityPoolId, label, arn, permission.accountId));
  } else if (permission.state === 'unknown') {
    notifyAndForget(prompts, 'info', `Sync trigger of ${label} set to ${arn}. Whether Cognito Sync may invoke it was not checked: ${permission.reason}`);
  } else notifyAndForget(prompts, 'info', `Sync trigger of ${label} set to ${arn}.`);
}

// ---------------------------------------------------------------------------------------------
// Bulk publish.

/** Why the pool's streams configuration cannot take a bulk publish, or undefined when it can. */
function streamingProblem(streams: { StreamName?: string; StreamingStatus?: string } | undefined): string | undefined {
  if (!streams?.StreamName) return 'it has no Kinesis stream set (Cognito Streams)';
  if (streams.StreamingStatus !== 'ENABLED') return `streaming to its stream ${streams.StreamName} is ${streams.StreamingStatus ?? 'not enabled'}`;
  return undefined;
}

/**
 * Publishes all existing datasets of a pool to its Kinesis stream, after a confirmation, and
 * follows the job to SUCCEEDED or FAILED. Resolves to the last details seen (undefined when it
 * did not start).
 */
export async function bulkPublish(argument: unknown, context: SyncCommandContext): Promise<BulkPublishDetails | undefined> {
  const { session, tree, prompts } = context;
  const pool = await poolOfActiveProfile(argument, tree, session, 'Cognito Sync: Bulk Publish');
  if (!pool) return undefined;
  const label = poolLabel(pool);
  const region = regionOfPoolId(pool.identityPoolId) ?? '';

  // Checked before asking: there is no point confirming a publish AWS is bound to fail.
  let streams;
  try {
    streams = (await session.getConfiguration(pool.identityPoolId)).CognitoStreams;
  } catch (error) {
    notifyAndForget(prompts, 'error', messageOf(error));
    return undefined;
  }
  const problem = streamingProblem(streams);
  if (problem) {
    notifyAndForget(
      prompts,
      'error',
      `Bulk publish of ${label} refused: ${problem}. A bulk publish sends the pool's datasets to its Kinesis stream, so set a stream and StreamingStatus ENABLED first.`,
      [EDIT_CONFIGURATION],
      () => vscode.commands.executeCommand('cognitoSync.openConfiguration', { identityPoolId: pool.identityPoolId, profile: session.profileName }),
    );
    return undefined;
  }

  const confirmed = await prompts.confirm(
    `Bulk publish ${label}?`,
    `All existing datasets of identity pool ${pool.identityPoolId} are published to its Kinesis stream ${streams?.StreamName}, with AWS profile ${session.profileName} in ${region} (${regionName(region)}).\n\n` +
      'AWS allows one successful bulk publish per pool every 24 hours, and the stream must stay ENABLED while it runs. The publish runs on AWS: its progress shows here, and you can stop waiting at any time.',
    'Start Bulk Publish',
  );
  if (!confirmed) return undefined;

  try {
    await session.bulkPublish(pool.identityPoolId);
  } catch (error) {
    await explainRefusedBulkPublish(error, pool, context);
    return undefined;
  }
  tree.refreshPool(pool.identityPoolId);
  return followBulkPublish(pool, context);
}

/** DuplicateRequest and AlreadyStreamed in plain words, with the times AWS reports. */
async function explainRefusedBulkPublish(error: unknown, pool: PoolTarget, context: SyncCommandContext): Promise<void> {
  const { session, prompts } = context;
  const label = poolLabel(pool);
  const kind = error instanceof AwsError ? error.kind : undefined;
  if (kind !== 'alreadyInProgress' && kind !== 'alreadyStreamed') {
    notifyAndForget(prompts, 'error', messageOf(error));
    return;
  }
  // Best effort: the explanation stands without the times.
  const last = await session.getBulkPublishDetails(pool.identityPoolId).catch(() => undefined);
  if (kind === 'alreadyInProgress') {
    const since = last?.startTime ? ` (started ${formatDateWithAge(last.startTime)})` : '';
    notifyAndForget(
      prompts,
      'warning',
      `A bulk publish of ${label} is already running${since}. AWS runs one at a time per pool, so no second one was started; this one continues on AWS.`,
      [FOLLOW_PROGRESS],
      () => followBulkPublish(pool, context),
    );
    return;
  }
  const completed = last?.status === 'SUCCEEDED' ? last.completeTime : undefined;
  const when = completed ? ` on ${formatDateWithAge(completed)}` : ' less than 24 hours ago';
  const next = completed ? ` The next one is possible after ${formatDate(new Date(completed.getTime() + BULK_PUBLISH_COOLDOWN_MS))}.` : ' Try again later.';
  notifyAndForget(prompts, 'warning', `${label} was already bulk published successfully${when}, and AWS allows one successful bulk publish per pool every 24 hours: nothing was started.${next}`);
}

function timeWithSeconds(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "IN_PROGRESS · started 10:04:12 (5 seconds ago)". */
function progressMessage(details: BulkPublishDetails, now = new Date()): string {
  if (details.status === 'NOT_STARTED') return 'waiting for AWS to start it';
  return details.startTime ? `${details.status} · started ${timeWithSeconds(details.startTime)} (${formatRelativeAge(details.startTime, now)})` : details.status;
}

/** Resolves true when cancelled before `ms` passed, false after waiting `ms`. */
function waitUnlessCancelled(ms: number, token: vscode.CancellationToken): Promise<boolean> {
  if (token.isCancellationRequested) return Promise.resolve(true);
  return new Promise((resolve) => {
    const listener = token.onCancellationRequested(() => {
      clearTimeout(timer);
      listener.dispose();
      resolve(true);
    });
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(false);
    }, ms);
  });
}

type FollowOutcome = { details: BulkPublishDetails; cancelled?: true } | { error: unknown; details?: BulkPublishDetails };

/**
 * Polls GetBulkPublishDetails under a cancellable progress notification until the job is
 * SUCCEEDED or FAILED. Cancelling stops the waiting only: the publish continues on AWS.
 */
async function followBulkPublish(pool: PoolTarget, context: SyncCommandContext): Promise<BulkPublishDetails | undefined> {
  const { session, tree, prompts } = context;
  const label = poolLabel(pool);
  const outcome = await prompts.withProgress<FollowOutcome>(
    { location: vscode.ProgressLocation.Notification, title: `Bulk publish of ${label}`, cancellable: true },
    async (progress, token) => {
      let delay = POLL_FIRST_MS;
      let details: BulkPublishDetails | undefined;
      for (;;) {
        try {
          details = await session.getBulkPublishDetails(pool.identityPoolId);
        } catch (error) {
          return { error, details };
        }
        progress.report({ message: progressMessage(details) });
        if (details.status === 'SUCCEEDED' || details.status === 'FAILED') return { details };
        if (await waitUnlessCancelled(delay, token)) return { details, cancelled: true };
        delay = Math.min(delay * 2, POLL_MAX_MS);
      }
    },
  );
  tree.refreshPool(pool.identityPoolId);

  if ('error' in outcome) {
    notifyAndForget(prompts, 'error', `Stopped following the bulk publish of ${label}: ${messageOf(outcome.error)} The publish continues on AWS; the pool's Bulk Publish item shows its status after a refresh.`);
    return outcome.details;
  }
  const { details } = outcome;
  if (outcome.cancelled) {
    notifyAndForget(prompts, 'info', `Stopped waiting for the bulk publish of ${label}: the publish continues on AWS. The pool's Bulk Publish item shows its status (Refresh to update it).`);
  } else if (details.status === 'SUCCEEDED') {
    const completed = details.completeTime ? `, completed ${formatDate(details.completeTime)}` : '';
    notifyAndForget(prompts, 'info', `Bulk publish of ${label} succeeded: started ${details.startTime ? formatDate(details.startTime) : 'at an unknown time'}${completed}.`);
  } else {
    notifyAndForget(prompts, 'error', `Bulk publish of ${label} failed: ${details.failureMessage ?? 'AWS gave no reason'}`);
  }
  return details;
}

// ---------------------------------------------------------------------------------------------
// Usage.

/**
 * Shows a pool's usage, freshly read, as one information message: it does not block, stays in the
 * notification centre to be read again, and reads the same from the palette as from the tree,
 * whose Usage item already lists the figures one per row.
 */
export async function showUsage(argument: unknown, context: SyncCommandContext): Promise<string | undefined> {
  const { session, tree, prompts } = context;
  const pool = await poolOfActiveProfile(argument, tree, session, 'Cognito Sync: Show Usage');
  if (!pool) return undefined;
  let usage: PoolUsage;
  try {
    usage = await session.describeUsage(pool.identityPoolId);
  } catch (error) {
    notifyAndForget(prompts, 'error', messageOf(error));
    return undefined;
  }
  const summary = formatUsage(poolLabel(pool), usage);
  notifyAndForget(prompts, 'info', summary);
  return summary;
}
