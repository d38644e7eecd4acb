// Set Sync Trigger, Bulk Publish and Show Usage inside a real extension host, against the emulator.
// The prompts are answered through the syncPrompts object activate() returns (a native input box
// or modal cannot be driven here); the emulator's state and request log are the oracle, and the
// tree is read through the provider, as a user would see it after each command.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { eventually } from '../toolkit/eventually';
import { CognitoSyncClient, DescribeIdentityPoolUsageCommand, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import type { ExtensionTestApi } from '../../src/extension';
import type { BulkPublishDetails } from '../../src/aws';
import type { SyncCommandPrompts } from '../../src/commands/syncCommands';
import type { TreeNode as ExplorerNode } from '../../src/explorer/poolsTree';
import { formatDate } from '../../src/explorer/presentation';
import { admin, requiredEnv } from './emulatorAdmin';
import { EXTENSION_ID, activateExtension, activeCustomEditor, rowLabelled, rows, sleep } from './treeRows';
import { MAIN_ACCOUNT, roleArn } from '../toolkit';

const ACCOUNT = MAIN_ACCOUNT;
const REGION = 'us-east-1';
const ROLE = roleArn(ACCOUNT, 'SyncCommandsTestRole');
/** The emulator's public demo key of account 111111111111 (README), for calls the extension does not make. */
const DEMO_KEY = { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'demo-secret-key-for-the-local-emulator-01' };
const WAIT_MS = 20_000;

const lambda = (name: string, region = REGION, account = ACCOUNT) => `arn:aws:lambda:${region}:${account}:function:${name}`;
const streams = (StreamingStatus: 'ENABLED' | 'DISABLED', StreamName = 'sync-commands-stream') => ({ StreamName, RoleArn: ROLE, StreamingStatus });

// ---------------------------------------------------------------------------------------------
// The emulator: the oracle.

interface StoredPool {
  identityPool: { IdentityPoolName: string };
  events: Record<string, string>;
  bulkPublish?: { started: number; completes: number; outcome: string };
  lastModified: number;
}

async function storedPool(identityPoolId: string): Promise<StoredPool> {
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, StoredPool>>> };
  return state.accounts[ACCOUNT][REGION][identityPoolId];
}

async function newPool(name: string, settings: { cognitoStreams?: object } = {}): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: name, count: 1, ...settings })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

async function requestsFor(operation: string, identityPoolId: string): Promise<{ time: string; status: number }[]> {
  const { requests } = (await admin('GET', 'requests')) as { requests: { operation: string; identityPoolId?: string; time: string; status: number }[] };
  return requests.filter((request) => request.operation === operation && request.identityPoolId === identityPoolId);
}

const publishTakes = (bulkPublishDurationMs: number) => admin('PATCH', 'settings', { bulkPublishDurationMs });

// ---------------------------------------------------------------------------------------------
// The tree.

let api: ExtensionTestApi;

/** The pool's node once the tree lists it (the tree is reloaded first: the pool is new). */
async function poolNode(identityPoolId: string): Promise<ExplorerNode> {
  api.poolsTree.refresh();
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const roots = await api.poolsTree.getChildren();
    const region = roots.find((node) => node.kind === 'region' && node.region === REGION);
    const pools = region ? await api.poolsTree.getChildren(region) : roots;
    const found = pools.find((node) => node.kind === 'pool' && node.pool.identityPoolId === identityPoolId);
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`the tree does not list pool ${identityPoolId}`);
    await sleep(100);
  }
}

const rowsUnder = (node: ExplorerNode) => rows(api, node);
const rowUnder = async (node: ExplorerNode, label: string) => rowLabelled(await rows(api, node), label);

// ---------------------------------------------------------------------------------------------
// The prompts, answered and recorded.

type Severity = 'info' | 'warning' | 'error';
interface Notice {
  severity: Severity;
  message: string;
  actions: string[];
}

interface Recorder {
  inputs: vscode.InputBoxOptions[];
  /** What validateInput said about each text typed, in order. */
  validations: (vscode.InputBoxValidationMessage | undefined)[];
  confirms: { message: string; detail: string; action: string }[];
  notices: Notice[];
  /** Each progress notification with its reports and when each came (ms). */
  progress: { options: vscode.ProgressOptions; reports: string[]; times: number[] }[];
}

let recorder: Recorder;
let originalPrompts: SyncCommandPrompts;

async function validationOf(options: vscode.InputBoxOptions, text: string): Promise<vscode.InputBoxValidationMessage | undefined> {
  const result = await options.validateInput?.(text);
  if (!result) return undefined;
  return typeof result === 'string' ? { message: result, severity: vscode.InputBoxValidationSeverity.Error } : result;
}

/**
 * An input box into which each call "types" the next text: like VS Code's, it cannot be accepted
 * while validateInput reports an error, so the user gives up (undefined). `undefined` in `texts`
 * is an Escape.
 */
function typing(...texts: (string | undefined)[]): SyncCommandPrompts['inputBox'] {
  return async (options) => {
    recorder.inputs.push(options);
    const text = texts.shift();
    if (text === undefined) return undefined;
    const validation = await validationOf(options, text);
    recorder.validations.push(validation);
    return validation?.severity === vscode.InputBoxValidationSeverity.Error ? undefined : text;
  };
}

/** Notifications are recorded; `click` picks the action the user clicks, if any. */
function notices(click: (notice: Notice) => string | undefined = () => undefined): SyncCommandPrompts['notify'] {
  return async (severity, message, ...actions) => {
    const notice = { severity, message, actions };
    recorder.notices.push(notice);
    return click(notice);
  };
}

function answers(...choices: boolean[]): SyncCommandPrompts['confirm'] {
  return async (message, detail, action) => {
    recorder.confirms.push({ message, detail, action });
    const choice = choices.shift();
    assert.ok(choice !== undefined, `an unexpected confirmation: ${message}`);
    return choice;
  };
}

/** VS Code's own progress notification, with every report recorded. */
const recordedProgress: SyncCommandPrompts['withProgress'] = (options, task) => {
  const entry = { options, reports: [] as string[], times: [] as number[] };
  recorder.progress.push(entry);
  return vscode.window.withProgress(options, (progress, token) =>
    task({ report: (value) => (entry.reports.push(value.message ?? ''), entry.times.push(Date.now()), progress.report(value)) }, token),
  );
};

const noticeMatching = (severity: Severity, pattern: RegExp) => () => recorder.notices.find((notice) => notice.severity === severity && pattern.test(notice.message));

// ---------------------------------------------------------------------------------------------

describe('host: sync trigger, bulk publish and usage commands', function () {
  this.timeout(90_000);
  let originalDurationMs: number;

  before(async () => {
    api = await activateExtension();
    originalPrompts = { ...api.syncPrompts };
    originalDurationMs = ((await admin('PATCH', 'settings', {})) as { bulkPublishDurationMs: number }).bulkPublishDurationMs;
  });

  beforeEach(() => {
    recorder = { inputs: [], validations: [], confirms: [], notices: [], progress: [] };
    // Nothing may be asked or shown that a test did not expect.
    api.syncPrompts.inputBox = async (options) => assert.fail(`an unexpected input box: ${options.title}`);
    // The function picker (syncTriggerFunctions.test.ts tests it): "Enter a function ARN…" here.
    api.syncPrompts.pickFunction = async () => 'type';
    api.syncPrompts.confirm = answers();
    api.syncPrompts.notify = notices();
    api.syncPrompts.withProgress = async (options) => assert.fail(`an unexpected progress notification: ${options.title}`);
  });

  afterEach(async () => {
    Object.assign(api.syncPrompts, originalPrompts);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => publishTakes(originalDurationMs));

  describe('Set Sync Trigger', () => {
    it('sets the ARN typed into the box prefilled with the current trigger; the emulator and the tree show it', async () => {
      const id = await newPool('trigger-set', { cognitoStreams: streams('DISABLED') });
      const pool = await poolNode(id);
      assert.equal((await rowUnder(pool, 'Cognito Events')).description, 'no sync trigger');
      const first = lambda('onSyncFirst');
      api.syncPrompts.inputBox = typing(first);

      await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', pool);
      assert.equal(recorder.inputs[0].value, '', 'no trigger yet: an empty box');
      assert.match(recorder.inputs[0].placeHolder ?? '', new RegExp(`^arn:aws:lambda:${REGION}:${ACCOUNT}:function:`), 'the example names the pool\'s region and account');
      assert.equal(recorder.validations[0], undefined, 'a Lambda ARN of the pool\'s region and account is fine');
      assert.deepEqual((await storedPool(id)).events, { SyncTrigger: first });
      const events = await rowUnder(pool, 'Cognito Events');
      assert.equal(events.description, 'sync trigger set');
      assert.equal(events.item.contextValue, 'cognitoSync.events', 'the node has the command in its context menu');
      assert.equal((await rowUnder(events.node, 'Sync Trigger')).description, first);
      // onSyncFirst does not exist, so no policy lets Cognito Sync invoke it: the notice says so and offers the permission.
      assert.deepEqual(recorder.notices, [
        { severity: 'warning', message: `Sync trigger of trigger-set (${id}) set to ${first}, but the function's resource policy does not let Cognito Sync (cognito-sync.amazonaws.com) invoke it for this pool.`, actions: ['Add Permission…'] },
      ]);

      // From the Cognito Events node: the box shows the trigger just set.
      const elsewhere = lambda('onSyncEurope', 'eu-west-1');
      api.syncPrompts.inputBox = typing(elsewhere);
      await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', events.node);
      assert.equal(recorder.inputs[1].value, first);
      assert.equal(recorder.validations[1]?.severity, vscode.InputBoxValidationSeverity.Warning, 'another region is a warning, not a refusal');
      assert.match(recorder.validations[1]?.message ?? '', /in eu-west-1, the pool is in us-east-1/);
      assert.deepEqual((await storedPool(id)).events, { SyncTrigger: elsewhere });
      assert.equal((await rowUnder((await rowUnder(pool, 'Cognito Events')).node, 'Sync Trigger')).description, elsewhere);

      const otherAccount = lambda('onSyncPartner', REGION, '222222222222');
      api.syncPrompts.inputBox = typing(otherAccount);
      await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: id });
      assert.equal(recorder.validations[2]?.severity, vscode.InputBoxValidationSeverity.Warning);
      assert.match(recorder.validations[2]?.message ?? '', /account 222222222222, not the pool's account 111111111111/);
      assert.deepEqual((await storedPool(id)).events, { SyncTrigger: otherAccount });
    });

    it('refuses a malformed ARN in the input box and writes nothing; past the box, the typed text is kept for another try', async () => {
      const id = await newPool('trigger-invalid');
      await poolNode(id); // listed: the messages name the pool
      const kept = lambda('keptTrigger');
      await api.session.setSyncTrigger(id, kept);
      const writes = (await requestsFor('SetCognitoEvents', id)).length;
      const malformed = `arn:aws:lambda:${REGION}:1111:function:onSync`;
      api.syncPrompts.inputBox = typing(malformed);

      await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: id });
      assert.equal(recorder.validations[0]?.severity, vscode.InputBoxValidationSeverity.Error);
      assert.match(recorder.validations[0]?.message ?? '', /12-digit account id/);
      assert.deepEqual((await storedPool(id)).events, { SyncTrigger: kept });
      assert.equal((await requestsFor('SetCognitoEvents', id)).length, writes, 'nothing was sent');
      assert.equal(recorder.notices.length, 0, 'nothing to say: the box said it');

      // A caller that bypasses the box's validation gets an error, and "Edit Again" brings the text back.
      let calls = 0;
      api.syncPrompts.inputBox = async (options) => {
        recorder.inputs.push(options);
        calls += 1;
        return calls === 1 ? malformed : undefined;
      };
      api.syncPrompts.notify = notices((notice) => (notice.severity === 'error' ? 'Edit Again' : undefined));
      await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: id });
      assert.match(recorder.notices[0]?.message ?? '', /^Sync trigger of trigger-invalid \(.+\) not set: The fifth part of the ARN must be the 12-digit account id\.$/);
      assert.deepEqual(recorder.notices[0].actions, ['Edit Again']);
      await eventually(() => recorder.inputs.length === 3, { what: 'the box reopens', timeoutMs: WAIT_MS });
      assert.equal(recorder.inputs[2].value, malformed, 'with the text typed before');
      assert.deepEqual((await storedPool(id)).events, { SyncTrigger: kept });
      assert.equal((await requestsFor('SetCognitoEvents', id)).length, writes);
    });

    it('clears the trigger on an empty input only once "Clear sync trigger of <pool>?" is confirmed', async () => {
      const id = await newPool('trigger-clear');
      const trigger = lambda('toBeCleared');
      await api.session.setSyncTrigger(id, trigger);
      const pool = await poolNode(id);
      assert.equal((await rowUnder(pool, 'Cognito Events')).description, 'sync trigger set');

      api.syncPrompts.inputBox = typing('', '  ');
      api.syncPrompts.confirm = answers(false, true);
      await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', pool);
      assert.equal(recorder.inputs[0].value, trigger);
      assert.equal(recorder.validations[0]?.severity, vscode.InputBoxValidationSeverity.Info, 'an empty box says what it will do');
      assert.deepEqual(recorder.confirms[0], { message: `Clear sync trigger of trigger-clear (${id})?`, detail: `${trigger} will no longer be invoked when a dataset of this pool is synchronized.`, action: 'Clear' });
      assert.deepEqual((await storedPool(id)).events, { SyncTrigger: trigger }, 'declined: still set');

      await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', pool);
      assert.equal(recorder.confirms.length, 2);
      assert.deepEqual((await storedPool(id)).events, {});
      assert.equal((await rowUnder(pool, 'Cognito Events')).description, 'no sync trigger');
      assert.deepEqual(recorder.notices, [{ severity: 'info', message: `Sync trigger of trigger-clear (${id}) cleared.`, actions: [] }]);
    });
  });

  describe('Bulk Publish', () => {
    it('refuses early, before asking, when streaming is disabled or no stream is set, and offers Edit Configuration', async () => {
      const disabled = await newPool('bulk-disabled', { cognitoStreams: streams('DISABLED', 'paused-stream') });
      api.syncPrompts.notify = notices((notice) => notice.actions[0]);
      const result = await vscode.commands.executeCommand('cognitoSync.bulkPublish', await poolNode(disabled));
      assert.equal(result, undefined);
      assert.equal(recorder.confirms.length, 0, 'nothing to confirm');
      assert.equal(recorder.notices[0]?.severity, 'error');
      assert.match(recorder.notices[0].message, /^Bulk publish of bulk-disabled \(.+\) refused: streaming to its stream paused-stream is DISABLED\. .*set a stream and StreamingStatus ENABLED first\.$/);
      assert.deepEqual(recorder.notices[0].actions, ['Edit Configuration']);
      assert.deepEqual(await requestsFor('BulkPublish', disabled), []);
      // The action opens the pool's configuration in the form.
      const tab = await activeCustomEditor();
      assert.equal(tab?.viewType, 'cognitoSync.configurationEditor', 'the form editor opens');
      assert.ok(decodeURIComponent(tab.uri.toString()).includes(disabled), tab.uri.toString());

      const noStream = await newPool('bulk-no-stream');
      api.syncPrompts.notify = notices();
      await vscode.commands.executeCommand('cognitoSync.bulkPublish', await poolNode(noStream));
      assert.match(recorder.notices[1]?.message ?? '', /^Bulk publish of bulk-no-stream \(.+\) refused: it has no Kinesis stream set \(Cognito Streams\)\./);
      assert.deepEqual(await requestsFor('BulkPublish', noStream), []);
    });

    it('explains what it does, then follows the publish to SUCCEEDED in a cancellable progress notification', async () => {
      await publishTakes(2500);
      const id = await newPool('bulk-success', { cognitoStreams: streams('ENABLED', 'success-stream') });
      const pool = await poolNode(id);
      const before = await rowUnder(pool, 'Bulk Publish');
      assert.equal(before.description, 'never run');
      assert.equal(before.item.contextValue, 'cognitoSync.bulkPublish');
      api.syncPrompts.confirm = answers(true);
      api.syncPrompts.withProgress = recordedProgress;

      const details = (await vscode.commands.executeCommand('cognitoSync.bulkPublish', pool)) as BulkPublishDetails;
      assert.equal(details.status, 'SUCCEEDED');

      const [confirm] = recorder.confirms;
      assert.equal(confirm.message, `Bulk publish bulk-success (${id})?`);
      for (const part of ['All existing datasets', 'success-stream', `AWS profile ${api.session.profileName}`, 'in us-east-1 (US East (N. Virginia))', 'one successful bulk publish per pool every 24 hours', 'must stay ENABLED']) {
        assert.ok(confirm.detail.includes(part), `"${part}" missing from: ${confirm.detail}`);
      }
      assert.equal(confirm.action, 'Start Bulk Publish');

      const [progress] = recorder.progress;
      assert.equal(progress.options.location, vscode.ProgressLocation.Notification);
      assert.equal(progress.options.cancellable, true);
      assert.equal(progress.options.title, `Bulk publish of bulk-success (${id})`);
      assert.ok(progress.reports.length >= 2, `reports: ${JSON.stringify(progress.reports)}`);
      assert.match(progress.reports[0], /^IN_PROGRESS · started \d{1,2}:\d{2}:\d{2}/);
      assert.match(progress.reports.at(-1) ?? '', /^SUCCEEDED · started \d{1,2}:\d{2}:\d{2}/);

      // Polled with a backoff (1 s, 2 s, …), not in a tight loop: one status read per report.
      const { times } = progress;
      assert.ok(times.length <= 4, `${times.length} status reads for a 2.5 s publish`);
      for (let index = 1; index < times.length; index += 1) {
        const gap = times[index] - times[index - 1];
        assert.ok(gap >= 900 * 2 ** (index - 1), `status read ${index + 1} came ${gap} ms after the one before`);
      }
      assert.ok((await requestsFor('GetBulkPublishDetails', id)).length >= times.length, 'every report is a GetBulkPublishDetails the emulator served');

      assert.equal((await storedPool(id)).bulkPublish?.outcome, 'SUCCEEDED');
      assert.match(recorder.notices.at(-1)?.message ?? '', /^Bulk publish of bulk-success \(.+\) succeeded: started .+, completed .+\.$/);
      const after = await rowUnder(pool, 'Bulk Publish');
      assert.equal(after.description, `SUCCEEDED · ${formatDate(details.completeTime)}`);
      assert.deepEqual((await rowsUnder(after.node)).map((row) => row.label), ['Status', 'Started', 'Completed']);
    });

    it('explains AlreadyStreamed: one successful bulk publish per pool every 24 hours', async () => {
      await publishTakes(0);
      const id = await newPool('bulk-streamed', { cognitoStreams: streams('ENABLED') });
      const pool = await poolNode(id);
      await api.session.bulkPublish(id);
      api.syncPrompts.confirm = answers(true);
      const result = await vscode.commands.executeCommand('cognitoSync.bulkPublish', pool);
      assert.equal(result, undefined);
      assert.equal(recorder.notices.length, 1);
      assert.equal(recorder.notices[0].severity, 'warning');
      assert.match(
        recorder.notices[0].message,
        /^bulk-streamed \(.+\) was already bulk published successfully on .+ \(.+\), and AWS allows one successful bulk publish per pool every 24 hours: nothing was started\. The next one is possible after .+\.$/,
      );
      assert.equal(recorder.progress.length, 0);
    });

    it('explains DuplicateRequest: one is already running, which it can follow to its end', async () => {
      await publishTakes(2000);
      const id = await newPool('bulk-duplicate', { cognitoStreams: streams('ENABLED') });
      const pool = await poolNode(id);
      await api.session.bulkPublish(id);
      api.syncPrompts.confirm = answers(true);
      api.syncPrompts.notify = notices((notice) => (notice.actions.includes('Follow Progress') ? 'Follow Progress' : undefined));
      api.syncPrompts.withProgress = recordedProgress;
      await vscode.commands.executeCommand('cognitoSync.bulkPublish', pool);
      assert.equal(recorder.notices[0]?.severity, 'warning');
      assert.match(recorder.notices[0].message, /^A bulk publish of bulk-duplicate \(.+\) is already running \(started .+\)\. AWS runs one at a time per pool, so no second one was started; this one continues on AWS\.$/);
      assert.equal((await requestsFor('BulkPublish', id)).filter((request) => request.status === 400).length, 1, 'AWS refused the second one');

      await eventually(noticeMatching('info', /^Bulk publish of bulk-duplicate .* succeeded/), { what: 'following it reaches SUCCEEDED', timeoutMs: WAIT_MS });
      assert.match(recorder.progress[0]?.reports.at(-1) ?? '', /^SUCCEEDED/);
    });

    it('stops waiting when the progress is cancelled, and says the publish continues on AWS', async () => {
      await publishTakes(60_000);
      const id = await newPool('bulk-cancel', { cognitoStreams: streams('ENABLED') });
      const pool = await poolNode(id);
      api.syncPrompts.confirm = answers(true);
      // The user presses Cancel on the notification as soon as the first status shows.
      api.syncPrompts.withProgress = (options, task) => {
        const cancel = new vscode.CancellationTokenSource();
        const entry = { options, reports: [] as string[], times: [] as number[] };
        recorder.progress.push(entry);
        return task({ report: (value) => (entry.reports.push(value.message ?? ''), cancel.cancel()) }, cancel.token);
      };
      const details = (await vscode.commands.executeCommand('cognitoSync.bulkPublish', pool)) as BulkPublishDetails;
      assert.equal(details.status, 'IN_PROGRESS');
      assert.match(recorder.notices.at(-1)?.message ?? '', /^Stopped waiting for the bulk publish of bulk-cancel \(.+\): the publish continues on AWS\./);
      await sleep(1500);
      assert.equal((await requestsFor('GetBulkPublishDetails', id)).length, 1, 'no polling after the cancel');
      assert.equal((await api.session.getBulkPublishDetails(id)).status, 'IN_PROGRESS', 'the publish itself goes on');
    });
  });

  describe('Show Usage', () => {
    it('shows sync sessions, data storage with its unit and a local last-modified time with its age; the tree\'s Usage item runs it', async () => {
      const id = await newPool('usage-shown');
      // One sync session with 3 KB of data, made the way an app does (ListRecords, then UpdateRecords).
      const client = new CognitoSyncClient({ region: REGION, endpoint: requiredEnv('COGNITO_SYNC_TEST_EMULATOR_URL'), credentials: DEMO_KEY });
      try {
        const identity = `${REGION}:0c1ba052-e098-41fa-a76e-eaa2c125f861`;
        const session = await client.send(new ListRecordsCommand({ IdentityPoolId: id, IdentityId: identity, DatasetName: 'profile' }));
        await client.send(new UpdateRecordsCommand({ IdentityPoolId: id, IdentityId: identity, DatasetName: 'profile', SyncSessionToken: session.SyncSessionToken, RecordPatches: [{ Op: 'replace', Key: 'avatar', Value: 'x'.repeat(3000), SyncCount: 0 }] }));
        const bytes = (await client.send(new DescribeIdentityPoolUsageCommand({ IdentityPoolId: id }))).IdentityPoolUsage?.DataStorage ?? 0;
        assert.ok(bytes >= 3000, `${bytes} bytes stored`);
        const stored = await storedPool(id);
        const pool = await poolNode(id);

        const text = (await vscode.commands.executeCommand('cognitoSync.showUsage', pool)) as string;
        const lastModified = formatDate(new Date(stored.lastModified));
        const expected = `Usage of usage-shown (${id}): 1 sync session · data storage ${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString()} bytes) · last modified ${lastModified} (`;
        assert.ok(text.startsWith(expected), `${text}\ndoes not start with\n${expected}`);
        assert.match(text, /\((now|\d+ seconds? ago)\)\.$/, 'the age of a change made seconds ago');
        assert.deepEqual(recorder.notices, [{ severity: 'info', message: text, actions: [] }]);

        const usage = await rowUnder(pool, 'Usage');
        assert.equal(usage.item.contextValue, 'cognitoSync.usage');
        assert.equal(usage.item.command?.command, 'cognitoSync.showUsage', 'a click runs Show Usage');
        const clicked = await vscode.commands.executeCommand(usage.item.command.command, ...(usage.item.command.arguments ?? []));
        assert.equal(clicked, text);
        assert.equal(await vscode.commands.executeCommand('cognitoSync.showUsage', usage.node), text, 'and so does its context menu');
      } finally {
        client.destroy();
      }
    });
  });

  it('contributes the three commands with category "Cognito Sync", in the palette and the right context menus', () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes;
    const commands = new Map<string, { category: string }>(contributes.commands.map((command: { command: string; category: string }) => [command.command, command]));
    const menus: { command: string; when: string }[] = contributes.menus['view/item/context'];
    const hidden: { command: string; when: string }[] = contributes.menus.commandPalette;
    for (const [command, nodes] of [
      ['cognitoSync.setSyncTrigger', ['cognitoSync.pool', 'cognitoSync.events']],
      ['cognitoSync.bulkPublish', ['cognitoSync.pool', 'cognitoSync.bulkPublish']],
      ['cognitoSync.showUsage', ['cognitoSync.pool', 'cognitoSync.usage']],
    ] as const) {
      assert.equal(commands.get(command)?.category, 'Cognito Sync');
      for (const node of nodes) assert.ok(menus.some((menu) => menu.command === command && menu.when.includes(`viewItem == ${node}`)), `${command} on ${node}`);
      assert.ok(!hidden.some((entry) => entry.command === command), `${command} is in the palette`);
    }
  });
});
