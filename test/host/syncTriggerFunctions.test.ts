// Set Sync Trigger's Lambda side in a real extension host, against the emulator's demo functions:
// the function picker, the permission check after the trigger is set, Add Permission (shown, asked,
// added), declined, already allowed, a refused listing that leaves free text, and cancel.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { FunctionPickerRequest } from '../../src/commands/syncTriggerFunctions';
import type { NoticeSeverity } from '../../src/commands/fileCommandPrompts';
import type { SyncCommandPrompts } from '../../src/commands/syncCommands';
import { identityPoolArn, policyAllowsTrigger } from '../../src/model/triggerPermission';
import { admin } from './emulatorAdmin';
import { activateExtension, sleep } from './treeRows';

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/TriggerFunctionsTestRole`;
const fn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;

async function newPool(name: string): Promise<string> {
  const cognitoStreams = { StreamName: 'trigger-functions-stream', RoleArn: ROLE, StreamingStatus: 'DISABLED' };
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: name, count: 1, cognitoStreams })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

async function storedTrigger(identityPoolId: string): Promise<string | undefined> {
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, { events: Record<string, string> }>>> };
  return state.accounts[ACCOUNT][REGION][identityPoolId].events.SyncTrigger;
}

describe('host: sync trigger functions and their permission', function () {
  this.timeout(60_000);
  let api: ExtensionTestApi;
  let defaults: SyncCommandPrompts;
  let pickers: FunctionPickerRequest[];
  let notices: { severity: NoticeSeverity; message: string; actions: string[] }[];
  let confirms: { message: string; detail: string }[];

  const waitForNotice = async (pattern: RegExp) => {
    for (let waited = 0; waited < 20_000; waited += 100) {
      const found = notices.find((notice) => pattern.test(notice.message));
      if (found) return found;
      await sleep(100);
    }
    assert.fail(`no notice matching ${pattern}: ${JSON.stringify(notices)}`);
  };

  before(async () => {
    api = await activateExtension();
    defaults = { ...api.syncPrompts };
  });
  beforeEach(() => {
    pickers = [];
    notices = [];
    confirms = [];
    api.syncPrompts.inputBox = async (options) => assert.fail(`an unexpected input box: ${options.title}`);
    api.syncPrompts.confirm = async (message) => assert.fail(`an unexpected confirmation: ${message}`);
    api.syncPrompts.notify = async (severity, message, ...actions) => {
      notices.push({ severity, message, actions });
      return undefined;
    };
  });
  afterEach(async () => {
    Object.assign(api.syncPrompts, defaults);
    await admin('DELETE', 'faults');
  });

  const choose = (choice: (request: FunctionPickerRequest) => { arn: string } | 'type' | undefined) => {
    api.syncPrompts.pickFunction = async (request) => {
      pickers.push(request);
      return choice(request);
    };
  };

  it('picks a function of the pool\'s region, then adds the missing permission after showing it and naming profile, account and region', async () => {
    const id = await newPool('trigger-pick');
    choose((request) => ({ arn: request.functions.find((item) => item.name === 'shopSyncTriggerNext')!.arn }));
    api.syncPrompts.notify = async (severity, message, ...actions) => {
      notices.push({ severity, message, actions });
      return actions.includes('Add Permission…') ? 'Add Permission…' : undefined;
    };
    api.syncPrompts.confirm = async (message, detail) => {
      confirms.push({ message, detail });
      return true;
    };
    await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: id });
    assert.equal(pickers.length, 1);
    assert.equal(pickers[0].region, REGION);
    assert.deepEqual(pickers[0].functions.map((item) => item.name), ['shopSyncTrigger', 'shopSyncTriggerNext', 'thumbnailResizer']);
    assert.equal(await storedTrigger(id), fn('shopSyncTriggerNext'));
    assert.match(notices[0].message, /does not let Cognito Sync \(cognito-sync\.amazonaws\.com\) invoke it for this pool/);
    await waitForNotice(/may now invoke/);
    assert.equal(confirms.length, 1);
    // The tree has not listed the new pool: messages name it by id.
    assert.equal(confirms[0].message, `Let Cognito Sync invoke shopSyncTriggerNext for ${id}?`);
    assert.match(confirms[0].detail, /profile \S+, account 111111111111, region us-east-1/);
    const shown = JSON.parse(confirms[0].detail.slice(confirms[0].detail.indexOf('{')));
    assert.deepEqual(shown.Principal, { Service: 'cognito-sync.amazonaws.com' });
    assert.equal(shown.Condition.ArnLike['AWS:SourceArn'], identityPoolArn(id, ACCOUNT));
    // The function's policy now lets Cognito Sync invoke it for this pool, as the emulator holds it.
    assert.equal(policyAllowsTrigger(await api.session.getFunctionPolicy(fn('shopSyncTriggerNext')), id, ACCOUNT), true);
  });

  it('a function already allowed for the pool: a plain notice; a declined Add Permission adds nothing', async () => {
    const id = await newPool('trigger-allowed');
    await api.session.addTriggerPermission(fn('thumbnailResizer'), id, ACCOUNT);
    choose(() => ({ arn: fn('thumbnailResizer') }));
    await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: id });
    assert.deepEqual(notices, [{ severity: 'info', message: `Sync trigger of ${id} set to ${fn('thumbnailResizer')}.`, actions: [] }]);

    const other = await newPool('trigger-declined');
    const before = await api.session.getFunctionPolicy(fn('shopSyncTrigger'));
    choose(() => ({ arn: fn('shopSyncTrigger') }));
    api.syncPrompts.notify = async (severity, message, ...actions) => {
      notices.push({ severity, message, actions });
      return actions[0];
    };
    api.syncPrompts.confirm = async (message, detail) => {
      confirms.push({ message, detail });
      return false;
    };
    await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: other });
    for (let waited = 0; confirms.length === 0 && waited < 10_000; waited += 100) await sleep(100);
    assert.equal(confirms.length, 1);
    await sleep(300);
    assert.equal(await api.session.getFunctionPolicy(fn('shopSyncTrigger')), before, 'declined: the policy is unchanged');
    assert.equal(await storedTrigger(other), fn('shopSyncTrigger'), 'the trigger itself was set');
  });

  it('ListFunctions refused: the picker says why and free text still works; cancel at the picker sets nothing', async () => {
    const id = await newPool('trigger-denied');
    api.session.clearResourceLists();
    await admin('POST', 'faults', { service: 'lambda', operation: 'ListFunctions', kind: 'error', error: 'AccessDeniedException', status: 403, times: 1 });
    choose(() => 'type');
    api.syncPrompts.inputBox = async (options) => {
      assert.match(options.prompt ?? '', /developer credentials do not invoke/);
      return fn('shopSyncTrigger');
    };
    await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: id });
    assert.deepEqual(pickers[0].functions, []);
    assert.match(pickers[0].problem ?? '', /lambda:ListFunctions/);
    assert.equal(await storedTrigger(id), fn('shopSyncTrigger'));

    const cancelled = await newPool('trigger-cancel');
    choose(() => undefined);
    await vscode.commands.executeCommand('cognitoSync.setSyncTrigger', { identityPoolId: cancelled });
    assert.equal(await storedTrigger(cancelled), undefined);
  });
});
