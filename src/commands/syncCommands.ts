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

const EDIT_CONFIGURATION = vscode.l10n.t('Edit Configuration');
const EDIT_AGAIN = vscode.l10n.t('Edit Again');
const FOLLOW_PROGRESS = vscode.l10n.t('Follow Progress');
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
  if (arn === '') return current ? { message: vscode.l10n.t('Empty: the sync trigger is removed (you are asked to confirm).'), severity: vscode.InputBoxValidationSeverity.Info } : undefined;
  const problem = checkSyncTrigger(arn, pool);
  if (!problem) return undefined;
  return { message: problem.message, severity: problem.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning };
}

/** Sets or clears a pool's sync trigger (the Lambda function invoked when a dataset is synchronized). */
export async function setSyncTrigger(argument: unknown, context: SyncCommandContext): Promise<void> {
  const pool = await poolOfActiveProfile(argument, context.tree, context.session, vscode.l10n.t('Cognito Sync: Set Sync Trigger'));
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
  const title = vscode.l10n.t('Cognito Sync: Sync Trigger of {0}', label);
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
          prompt: vscode.l10n.t('The Lambda function Cognito Sync invokes when a dataset of this pool is synchronized (pool in {0}{1}). Empty: remove the trigger. {2}', String(region), accountId ? vscode.l10n.t(', account {0}', accountId) : '', DEVELOPER_CREDENTIALS_NOTE),
          placeHolder: `arn:aws:lambda:${region}:${accountId ?? '123456789012'}:function:my-function`,
          value: draft ?? current,
          ignoreFocusOut: true,
          validateInput: (text) => syncTriggerValidation(text, current, { region, accountId }),
        });
  if (typed === undefined) return;
  const arn = typed.trim();
  if (arn === current) {
    vscode.window.setStatusBarMessage(arn ? vscode.l10n.t('Sync trigger of {0} unchanged', label) : vscode.l10n.t('{0} has no sync trigger: nothing to clear', label), 4000);
    return;
  }
  if (arn === '') {
    const confirmed = await prompts.confirm(vscode.l10n.t('Clear sync trigger of {0}?', label), vscode.l10n.t('{0} will no longer be invoked when a dataset of this pool is synchronized.', current), vscode.l10n.t('Clear'));
    if (!confirmed) return;
  } else {
    // VS Code's input box never accepts a value with an error; this guards other callers.
    const problem = checkSyncTrigger(arn, { region, accountId });
    if (problem?.severity === 'error') {
      notifyAndForget(prompts, 'error', vscode.l10n.t('Sync trigger of {0} not set: {1}', label, problem.message), [EDIT_AGAIN], () => editSyncTrigger(pool, context, typed));
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
    notifyAndForget(prompts, 'info', vscode.l10n.t('Sync trigger of {0} cleared.', label));
    return;
  }
  const permission = await triggerPermissionState(session, pool.identityPoolId, arn, accountId);
  if (permission.state === 'missing') {
    const message = vscode.l10n.t('Sync trigger of {0} set to {1}, but the function\'s resource policy does not let Cognito Sync (cognito-sync.amazonaws.com) invoke it for this pool.', label, arn);
    notifyAndForget(prompts, 'warning', message, [ADD_PERMISSION], () => addTriggerPermission(session, prompts, pool.identityPoolId, label, arn, permission.accountId));
  } else if (permission.state === 'unknown') {
    notifyAndForget(prompts, 'info', vscode.l10n.t('Sync trigger of {0} set to {1}. Whether Cognito Sync may invoke it was not checked: {2}', label, arn, permission.reason));
  } else notifyAndForget(prompts, 'info', vscode.l10n.t('Sync trigger of {0} set to {1}.', label, arn));
}

// ---------------------------------------------------------------------------------------------
// Bulk publish.

/** Why the pool's streams configuration cannot take a bulk publish, or undefined when it can. */
function streamingProblem(streams: { StreamName?: string; StreamingStatus?: string } | undefined): string | undefined {
  if (!streams?.StreamName) return vscode.l10n.t('it has no Kinesis stream set (Cognito Streams)');
  if (streams.StreamingStatus !== 'ENABLED') return vscode.l10n.t('streaming to its stream {0} is {1}', streams.StreamName, streams.StreamingStatus ?? vscode.l10n.t('not enabled'));
  return undefined;
}

/**
 * Publishes all existing datasets of a pool to its Kinesis stream, after a confirmation, and
 * follows the job to SUCCEEDED or FAILED. Resolves to the last details seen (undefined when it
 * did not start).
 */
export async function bulkPublish(argument: unknown, context: SyncCommandContext): Promise<BulkPublishDetails | undefined> {
  const { session, tree, prompts } = context;
  const pool = await poolOfActiveProfile(argument, tree, session, vscode.l10n.t('Cognito Sync: Bulk Publish'));
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
      vscode.l10n.t('Bulk publish of {0} refused: {1}. A bulk publish sends the pool\'s datasets to its Kinesis stream, so set a stream and StreamingStatus ENABLED first.', label, problem),
      [EDIT_CONFIGURATION],
      () => vscode.commands.executeCommand('cognitoSync.openConfiguration', { identityPoolId: pool.identityPoolId, profile: session.profileName }),
    );
    return undefined;
  }

  const confirmed = await prompts.confirm(
    vscode.l10n.t('Bulk publish {0}?', label),
    vscode.l10n.t('All existing datasets of identity pool {0} are published to its Kinesis stream {1}, with AWS profile {2} in {3} ({4}).\n\n', pool.identityPoolId, String(streams?.StreamName), session.profileName, String(region), regionName(String(region))) +
      vscode.l10n.t('AWS allows one successful bulk publish per pool every 24 hours, and the stream must stay ENABLED while it runs. The publish runs on AWS: its progress shows here, and you can stop waiting at any time.'),
    vscode.l10n.t('Start Bulk Publish'),
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
    const since = last?.startTime ? vscode.l10n.t(' (started {0})', formatDateWithAge(last.startTime)) : '';
    notifyAndForget(
      prompts,
      'warning',
      vscode.l10n.t('A bulk publish of {0} is already running{1}. AWS runs one at a time per pool, so no second one was started; this one continues on AWS.', label, since),
      [FOLLOW_PROGRESS],
      () => followBulkPublish(pool, context),
    );
    return;
  }
  const completed = last?.status === 'SUCCEEDED' ? last.completeTime : undefined;
  const when = completed ? vscode.l10n.t(' on {0}', formatDateWithAge(completed)) : vscode.l10n.t(' less than 24 hours ago');
  const next = completed ? vscode.l10n.t(' The next one is possible after {0}.', formatDate(new Date(completed.getTime() + BULK_PUBLISH_COOLDOWN_MS))) : vscode.l10n.t(' Try again later.');
  notifyAndForget(prompts, 'warning', vscode.l10n.t('{0} was already bulk published successfully{1}, and AWS allows one successful bulk publish per pool every 24 hours: nothing was started.{2}', label, when, next));
}

function timeWithSeconds(date: Date): string {
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** "IN_PROGRESS · started 10:04:12 (5 seconds ago)". */
function progressMessage(details: BulkPublishDetails, now = new Date()): string {
  if (details.status === 'NOT_STARTED') return vscode.l10n.t('waiting for AWS to start it');
  return details.startTime ? vscode.l10n.t('{0} · started {1} ({2})', details.status, timeWithSeconds(details.startTime), formatRelativeAge(details.startTime, now)) : details.status;
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
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Bulk publish of {0}', label), cancellable: true },
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
    notifyAndForget(prompts, 'error', vscode.l10n.t('Stopped following the bulk publish of {0}: {1} The publish continues on AWS; the pool\'s Bulk Publish item shows its status after a refresh.', label, messageOf(outcome.error)));
    return outcome.details;
  }
  const { details } = outcome;
  if (outcome.cancelled) {
    notifyAndForget(prompts, 'info', vscode.l10n.t('Stopped waiting for the bulk publish of {0}: the publish continues on AWS. The pool\'s Bulk Publish item shows its status (Refresh to update it).', label));
  } else if (details.status === 'SUCCEEDED') {
    const completed = details.completeTime ? vscode.l10n.t(', completed {0}', formatDate(details.completeTime)) : '';
    notifyAndForget(prompts, 'info', vscode.l10n.t('Bulk publish of {0} succeeded: started {1}{2}.', label, details.startTime ? formatDate(details.startTime) : vscode.l10n.t('at an unknown time'), completed));
  } else {
    notifyAndForget(prompts, 'error', vscode.l10n.t('Bulk publish of {0} failed: {1}', label, details.failureMessage ?? vscode.l10n.t('AWS gave no reason')));
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
  const pool = await poolOfActiveProfile(argument, tree, session, vscode.l10n.t('Cognito Sync: Show Usage'));
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
