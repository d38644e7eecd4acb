// Create role / Create stream in a real extension host, against the emulator: the commands run the
// same flows as the form's buttons, on the pool's configuration document as it is (with its unsaved
// edits). Each creation path, a denied call (the demo key denied iam:CreateRole and
// kinesis:CreateStream), a taken name, and cancel at every step; what IAM and Kinesis hold
// afterwards is read from the emulator. (The form's buttons are driven in Chromium by
// test/e2e/creation.test.ts.)
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { CreationPrompts } from '../../src/commands/creation';
import { configurationUri } from '../../src/editor/configurationUri';
import { identityPoolArn } from '../../src/model/triggerPermission';
import { admin } from './emulatorAdmin';
import { activateExtension, replaceAll, resetSettings, sleep, useProfile } from './treeRows';

const ACCOUNT = '111111111111';
const app = (region: string, name: string) => `arn:aws:sns:${region}:${ACCOUNT}:app/GCM/${name}`;

interface RoleState { arn: string; assumeRolePolicyDocument: string; inlinePolicies?: Record<string, string> }
interface StreamState { name: string; status: string; mode: string; shardCount?: number }
interface State { resources: Record<string, { roles: Record<string, RoleState>; regions: Record<string, { streams: Record<string, StreamState> }> }> }

const state = async () => (await admin('GET', 'state')) as State;
const role = async (name: string) => (await state()).resources[ACCOUNT].roles[name];
const stream = async (region: string, name: string) => (await state()).resources[ACCOUNT].regions[region]?.streams[name];

async function newPool(region: string, name: string, configuration: { pushSync?: unknown; cognitoStreams?: unknown }): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region, namePrefix: name, count: 1, ...configuration })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

type Question = { kind: 'inputBox'; options: vscode.InputBoxOptions } | { kind: 'pick'; items: readonly vscode.QuickPickItem[] } | { kind: 'ask'; message: string; detail: string; actions: string[] };
type Answer = (question: Question) => unknown;

describe('host: Create role and Create stream', function () {
  this.timeout(120_000);
  let api: ExtensionTestApi;
  let defaults: CreationPrompts;
  let script: Answer[];
  let questions: Question[];
  let notices: { severity: string; message: string }[];
  let progress: string[];
  let previews: { name: string; text: string; closed: boolean }[];

  /** Answers the next question with `answer`, after checking what was asked. */
  const answer = (next: Answer) => script.push(next);
  const typed = (text: string, check?: (options: vscode.InputBoxOptions) => void): Answer => (question) => {
    assert.equal(question.kind, 'inputBox', `expected an input box, got ${JSON.stringify(question)}`);
    const { options } = question as { options: vscode.InputBoxOptions };
    check?.(options);
    // VS Code's input box accepts only what validateInput lets through.
    assert.equal(options.validateInput?.(text) ?? undefined, undefined, `the input box would refuse ${text}`);
    return text;
  };
  const picked = (label: string): Answer => (question) => {
    assert.equal(question.kind, 'pick');
    const item = (question as { items: readonly vscode.QuickPickItem[] }).items.find((candidate) => candidate.label === label);
    assert.ok(item, `no item ${label}`);
    return item;
  };
  const chose = (action: string | undefined, check?: (message: string, detail: string) => void): Answer => (question) => {
    assert.equal(question.kind, 'ask', `expected a modal question, got ${JSON.stringify(question)}`);
    const { message, detail, actions } = question as { message: string; detail: string; actions: string[] };
    check?.(message, detail);
    if (action) assert.ok(actions.includes(action), `${action} among ${actions.join(', ')}`);
    return action;
  };
  const cancelled: Answer = () => undefined;

  const nextAnswer = (question: Question) => {
    questions.push(question);
    const next = script.shift();
    if (!next) assert.fail(`an unexpected question: ${JSON.stringify(question)}`);
    return next(question);
  };

  before(async () => {
    api = await activateExtension();
    defaults = { ...api.creationPrompts };
  });
  beforeEach(() => {
    script = [];
    questions = [];
    notices = [];
    progress = [];
    previews = [];
    api.creationPrompts.preview = async (name, text) => {
      const preview = { name, text, closed: false };
      previews.push(preview);
      return { dispose: () => (preview.closed = true) };
    };
    api.creationPrompts.inputBox = async (options) => nextAnswer({ kind: 'inputBox', options }) as string | undefined;
    api.creationPrompts.pick = async (items) => nextAnswer({ kind: 'pick', items }) as never;
    api.creationPrompts.ask = async (message, detail, ...actions) => nextAnswer({ kind: 'ask', message, detail, actions }) as string | undefined;
    api.creationPrompts.notify = async (severity, message) => {
      notices.push({ severity, message });
      return undefined;
    };
    // The real progress notification, with every message it shows recorded.
    api.creationPrompts.withProgress = (options, task) =>
      defaults.withProgress(options, (reporter, token) => task({ report: (value) => (progress.push(value.message ?? ''), reporter.report(value)) }, token));
  });
  afterEach(async function () {
    const unasked = script.length;
    Object.assign(api.creationPrompts, defaults);
    await admin('DELETE', 'faults');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetSettings(api);
    if (this.currentTest?.state === 'passed') assert.equal(unasked, 0, 'every scripted answer was asked for');
  });

  /** The pool's document, open, with an unsaved edit (one more application ARN). */
  async function documentWithUnsavedEdit(identityPoolId: string, profile = api.session.profileName, region = 'us-east-1'): Promise<{ document: vscode.TextDocument; text: string }> {
    const document = await vscode.workspace.openTextDocument(configurationUri({ profile, identityPoolId }));
    await vscode.window.showTextDocument(document);
    const configuration = JSON.parse(document.getText());
    configuration.PushSync = { ...configuration.PushSync, ApplicationArns: [...(configuration.PushSync?.ApplicationArns ?? []), app(region, 'UnsavedAndroid')] };
    await replaceAll(document, `${JSON.stringify(configuration, null, 2)}\n`);
    assert.ok(document.isDirty);
    return { document, text: document.getText() };
  }

  it('creates a Push Sync role: the name checked, both policies shown with profile, account and region, the ARN an unsaved, undoable edit', async () => {
    const id = await newPool('us-east-1', 'create-push', { pushSync: { ApplicationArns: [app('us-east-1', 'SavedAndroid')] } });
    const { document, text } = await documentWithUnsavedEdit(id);
    answer(typed('HostPushRole', (options) => {
      assert.equal(options.value, 'CognitoSyncPush-create-push');
      assert.match(options.validateInput!('has space') as string, /only letters, digits/);
      assert.match(options.validateInput!('r'.repeat(65)) as string, /at most 64 characters/);
      assert.match(options.validateInput!('') as string, /Enter a role name/);
    }));
    answer(chose('Create Role', (message, detail) => {
      assert.equal(message, `Create IAM role HostPushRole for create-push (${id})?`);
      assert.match(detail, /^Profile demo · account 111111111111 · region us-east-1/);
      assert.match(detail, /Trust: only cognito-sync\.amazonaws\.com may assume it \(sts:AssumeRole\), only for this pool of account 111111111111/);
      assert.match(detail, /Permissions: sns:Publish to the endpoints of 2 platform applications \(SavedAndroid, UnsavedAndroid\)/);
      // The preview beside the form, open while the question is asked, shows both policies in full.
      assert.equal(previews.length, 1);
      assert.equal(previews[0].closed, false);
      assert.match(previews[0].text, /^\/\/ Preview of IAM role HostPushRole: nothing is created until you confirm\.\n\/\/ Profile demo · account 111111111111 · for identity pool/);
      const shown = JSON.parse(previews[0].text.replace(/^\/\/.*\n/gm, ''));
      assert.equal(shown.RoleName, 'HostPushRole');
      const trust = shown.AssumeRolePolicyDocument;
      const permissions = shown.Policies[0].PolicyDocument;
      assert.equal(shown.Policies[0].PolicyName, 'CognitoSyncPushSync');
      assert.deepEqual(trust.Statement[0].Principal, { Service: 'cognito-sync.amazonaws.com' });
      assert.equal(trust.Statement[0].Action, 'sts:AssumeRole');
      assert.deepEqual(trust.Statement[0].Condition, { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': identityPoolArn(id, ACCOUNT) } });
      // From the form's values, the unsaved application included.
      assert.deepEqual(permissions.Statement[0].Resource, [`arn:aws:sns:us-east-1:${ACCOUNT}:endpoint/GCM/SavedAndroid/*`, `arn:aws:sns:us-east-1:${ACCOUNT}:endpoint/GCM/UnsavedAndroid/*`]);
      assert.equal(permissions.Statement[0].Action, 'sns:Publish');
    }));
    const outcome = await vscode.commands.executeCommand('cognitoSync.createRole', { identityPoolId: id }, 'push');
    const arn = `arn:aws:iam::${ACCOUNT}:role/HostPushRole`;
    assert.deepEqual(outcome, { value: arn });
    assert.equal(previews[0].closed, true, 'the preview closes once the question is answered');
    const created = await role('HostPushRole');
    assert.equal(JSON.parse(created.assumeRolePolicyDocument).Statement[0].Condition.ArnLike['aws:SourceArn'], identityPoolArn(id, ACCOUNT));
    assert.equal(JSON.parse(created.inlinePolicies!.CognitoSyncPushSync).Statement[0].Resource.length, 2);
    const after = JSON.parse(document.getText());
    assert.equal(after.PushSync.RoleArn, arn);
    assert.deepEqual(after.PushSync.ApplicationArns, [app('us-east-1', 'SavedAndroid'), app('us-east-1', 'UnsavedAndroid')], 'the unsaved edit is kept');
    assert.ok(document.isDirty, 'unsaved: the pool is not changed until saved');
    assert.match(notices.at(-1)!.message, /HostPushRole is in the configuration of .*not saved yet/);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), text, 'one undo takes the ARN out again');
  });

  it('the preview is a JSONC document of its own scheme (a content provider\'s, not a file) beside the form, closed again when disposed', async () => {
    const preview = await defaults.preview('HostPreviewRole', '// Preview\n{ "RoleName": "HostPreviewRole" }\n');
    const tab = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.scheme === 'cognito-sync-preview');
    const shown = tab();
    assert.ok(shown, 'a preview tab is open');
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'cognito-sync-preview')!;
    assert.equal(document.getText(), '// Preview\n{ "RoleName": "HostPreviewRole" }\n');
    assert.equal(document.languageId, 'jsonc');
    preview.dispose();
    for (let waited = 0; tab() && waited < 5_000; waited += 100) await sleep(100);
    assert.equal(tab(), undefined, 'closed');
  });

  it('creates a Cognito Streams role from the palette (the kind picked): kinesis:PutRecord/PutRecords on the form\'s stream only', async () => {
    const id = await newPool('us-east-1', 'create-streams-role', { cognitoStreams: { StreamName: 'saved-stream', StreamingStatus: 'DISABLED' } });
    const { document } = await documentWithUnsavedEdit(id);
    // The stream name as the form shows it now, not yet saved.
    await replaceAll(document, document.getText().replace('saved-stream', 'unsaved-stream'));
    answer(picked('Cognito Streams role'));
    answer(typed('HostStreamsRole'));
    answer(chose('Create Role', (_message, detail) => {
      assert.match(detail, /Permissions: kinesis:PutRecord and PutRecords on stream unsaved-stream only/);
      assert.match(previews[0].text, /"Resource": "arn:aws:kinesis:us-east-1:111111111111:stream\/unsaved-stream"/);
    }));
    await vscode.commands.executeCommand('cognitoSync.createRole', { identityPoolId: id });
    const permissions = JSON.parse((await role('HostStreamsRole')).inlinePolicies!.CognitoSyncStreams);
    assert.deepEqual(permissions.Statement, [{ Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/unsaved-stream` }]);
    const after = JSON.parse(document.getText());
    assert.equal(after.CognitoStreams.RoleArn, `arn:aws:iam::${ACCOUNT}:role/HostStreamsRole`);
    assert.equal(after.CognitoStreams.StreamName, 'unsaved-stream');
    assert.equal(after.PushSync.ApplicationArns.length, 1, 'the other unsaved edit is kept');
  });

  it('creates an on-demand stream, waits for ACTIVE with progress, then fills the stream name', async () => {
    const id = await newPool('us-east-1', 'create-stream', {});
    const { document } = await documentWithUnsavedEdit(id);
    answer(typed('host-on-demand', (options) => {
      assert.equal(options.value, 'cognito-sync-create-stream');
      assert.match(options.validateInput!('bad name') as string, /only letters, digits and \. _ -/);
      assert.match(options.validateInput!('s'.repeat(129)) as string, /at most 128/);
    }));
    answer(picked('On-demand'));
    answer(chose('Create Stream', (message, detail) => {
      assert.equal(message, 'Create Kinesis stream host-on-demand in us-east-1?');
      assert.match(detail, /^Profile demo · account 111111111111 · region us-east-1\.\nCapacity: on-demand/);
    }));
    await vscode.commands.executeCommand('cognitoSync.createStream', { identityPoolId: id });
    const created = await stream('us-east-1', 'host-on-demand');
    assert.equal(created.mode, 'ON_DEMAND');
    // The emulator's state keeps CREATING and when it turns ACTIVE; Kinesis itself says ACTIVE now.
    const listed = (await api.session.listStreams('us-east-1', { refresh: true })).items.find((item) => item.name === 'host-on-demand');
    assert.equal(listed?.status, 'ACTIVE');
    assert.match(progress[0], /^CREATING: waiting until it is ACTIVE/);
    assert.equal(progress.at(-1), 'ACTIVE');
    const after = JSON.parse(document.getText());
    assert.equal(after.CognitoStreams.StreamName, 'host-on-demand');
    assert.deepEqual(after.PushSync.ApplicationArns, [app('us-east-1', 'UnsavedAndroid')], 'the unsaved edit is kept');
    assert.ok(document.isDirty);
  });

  it('creates a provisioned stream with the shard count asked for (a whole number of at least 1)', async () => {
    const id = await newPool('us-east-1', 'create-provisioned', {});
    const { document } = await documentWithUnsavedEdit(id);
    answer(typed('host-provisioned'));
    answer(picked('Provisioned'));
    answer(typed('3', (options) => {
      assert.equal(options.value, '1');
      for (const bad of ['0', '-1', '1.5', 'two', '']) assert.ok(options.validateInput!(bad), `${bad} is refused`);
    }));
    answer(chose('Create Stream', (_message, detail) => assert.match(detail, /provisioned, 3 shards/)));
    await vscode.commands.executeCommand('cognitoSync.createStream', { identityPoolId: id });
    const created = await stream('us-east-1', 'host-provisioned');
    assert.equal(created.mode, 'PROVISIONED');
    assert.equal(created.shardCount, 3);
    assert.equal(JSON.parse(document.getText()).CognitoStreams.StreamName, 'host-provisioned');
  });

  it('denied (the demo key without iam:CreateRole / kinesis:CreateStream): the notice names the IAM action; the document keeps its unsaved edit', async () => {
    await useProfile(api, 'demo-sync-only');
    const id = await newPool('eu-west-1', 'create-denied', { pushSync: { ApplicationArns: [app('eu-west-1', 'DeniedAndroid')] } });
    const { document, text } = await documentWithUnsavedEdit(id, 'demo-sync-only', 'eu-west-1');
    // iam:ListRoles is denied too: the account comes from the configuration's ARNs.
    answer(typed('DeniedRole'));
    answer(chose('Create Role', (_message, detail) => assert.match(detail, /^Profile demo-sync-only · account 111111111111 · region eu-west-1/)));
    const outcome = await vscode.commands.executeCommand('cognitoSync.createRole', { identityPoolId: id, profile: 'demo-sync-only' }, 'push');
    assert.ok(outcome && 'note' in (outcome as object));
    assert.match(notices[0].message, /^The Push Sync role was not created: .*not allowed to call iam:CreateRole/);
    assert.equal(notices[0].severity, 'error');
    assert.equal(await role('DeniedRole'), undefined);

    answer(typed('denied-stream'));
    answer(picked('On-demand'));
    answer(chose('Create Stream'));
    await vscode.commands.executeCommand('cognitoSync.createStream', { identityPoolId: id, profile: 'demo-sync-only' });
    assert.match(notices[1].message, /^The Kinesis stream was not created: .*not allowed to call kinesis:CreateStream/);
    assert.equal(await stream('eu-west-1', 'denied-stream'), undefined);
    assert.equal(document.getText(), text, 'nothing written; the unsaved edit is still there');
    assert.ok(document.isDirty);
  });

  it('a taken name offers the existing resource or another name', async () => {
    const id = await newPool('us-east-1', 'create-taken', { pushSync: { ApplicationArns: [app('us-east-1', 'TakenAndroid')] } });
    const { document } = await documentWithUnsavedEdit(id);
    // CognitoPushSyncRole is a demo role; names differ from it only in case count as taken (IAM).
    answer(typed('cognitopushsyncrole'));
    answer(chose('Create Role'));
    answer(chose('Choose Another Name', (message) => assert.equal(message, 'A role named cognitopushsyncrole already exists in account 111111111111.')));
    answer(typed('HostTakenRoleTwo', (options) => assert.equal(options.value, 'cognitopushsyncrole', 'the name typed is offered again')));
    answer(chose('Create Role'));
    await vscode.commands.executeCommand('cognitoSync.createRole', { identityPoolId: id }, 'push');
    assert.equal(JSON.parse(document.getText()).PushSync.RoleArn, `arn:aws:iam::${ACCOUNT}:role/HostTakenRoleTwo`);

    answer(typed('CognitoPushSyncRole'));
    answer(chose('Create Role'));
    answer(chose('Use Existing Role'));
    await vscode.commands.executeCommand('cognitoSync.createRole', { identityPoolId: id }, 'push');
    assert.equal(JSON.parse(document.getText()).PushSync.RoleArn, `arn:aws:iam::${ACCOUNT}:role/CognitoPushSyncRole`);
    assert.equal((await role('CognitoPushSyncRole')).inlinePolicies?.CognitoSyncPushSync, undefined, 'the existing role is left as it was');

    answer(typed('shop-sync-events'));
    answer(picked('On-demand'));
    answer(chose('Create Stream'));
    answer(chose('Use Existing Stream', (message) => assert.equal(message, 'A stream named shop-sync-events already exists in us-east-1 (account 111111111111).')));
    await vscode.commands.executeCommand('cognitoSync.createStream', { identityPoolId: id });
    const after = JSON.parse(document.getText());
    assert.equal(after.CognitoStreams.StreamName, 'shop-sync-events');
    assert.equal(after.PushSync.ApplicationArns.length, 2, 'the unsaved edit is kept throughout');
  });

  it('cancel at each step creates nothing and leaves the document (and its unsaved edit) as it was', async () => {
    const id = await newPool('us-east-1', 'create-cancel', { pushSync: { ApplicationArns: [app('us-east-1', 'CancelAndroid')] } });
    const { document, text } = await documentWithUnsavedEdit(id);
    const rolesBefore = Object.keys((await state()).resources[ACCOUNT].roles).sort();
    const roleSteps: Answer[][] = [[cancelled], [typed('CancelledRole'), chose(undefined)]];
    for (const steps of roleSteps) {
      steps.forEach(answer);
      assert.equal(await vscode.commands.executeCommand('cognitoSync.createRole', { identityPoolId: id }, 'push'), undefined);
    }
    answer(cancelled);
    assert.equal(await vscode.commands.executeCommand('cognitoSync.createRole', { identityPoolId: id }), undefined, 'cancelled at the kind');
    assert.deepEqual(Object.keys((await state()).resources[ACCOUNT].roles).sort(), rolesBefore);
    assert.deepEqual(previews.map((preview) => preview.closed), [true], 'the preview of the declined role was closed');

    const streamSteps: Answer[][] = [
      [cancelled],
      [typed('cancelled-stream'), cancelled],
      [typed('cancelled-stream'), picked('Provisioned'), cancelled],
      [typed('cancelled-stream'), picked('Provisioned'), typed('2'), chose(undefined)],
    ];
    for (const steps of streamSteps) {
      steps.forEach(answer);
      assert.equal(await vscode.commands.executeCommand('cognitoSync.createStream', { identityPoolId: id }), undefined);
    }
    assert.equal(await stream('us-east-1', 'cancelled-stream'), undefined);

    // Cancelled while waiting for ACTIVE: the stream exists (AWS goes on), the form is not filled.
    const { streamActivationDelayMs } = (await admin('PATCH', 'settings', {})) as { streamActivationDelayMs: number };
    await admin('PATCH', 'settings', { streamActivationDelayMs: 60_000 });
    try {
      api.creationPrompts.withProgress = (options, task) => {
        assert.equal((options as { cancellable?: boolean }).cancellable, true);
        const source = new vscode.CancellationTokenSource();
        return task({ report: (value) => (progress.push(value.message ?? ''), source.cancel()) }, source.token);
      };
      answer(typed('waited-stream'));
      answer(picked('On-demand'));
      answer(chose('Create Stream'));
      await vscode.commands.executeCommand('cognitoSync.createStream', { identityPoolId: id });
      assert.match(notices.at(-1)!.message, /^Stopped waiting for stream waited-stream in us-east-1: it is CREATING, and AWS goes on creating it\. The form was left as it was/);
      assert.equal((await stream('us-east-1', 'waited-stream')).status, 'CREATING');
    } finally {
      await admin('PATCH', 'settings', { streamActivationDelayMs });
    }
    await sleep(100);
    assert.equal(document.getText(), text, 'nothing written at any step');
    assert.ok(document.isDirty, 'the unsaved edit survived');
  });
});
