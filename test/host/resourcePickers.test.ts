// The ARN pickers' answers that need no click: a note instead of a list when access is denied,
// when the document names another profile or no valid pool, and nothing when the user dismisses
// the list. (Choosing from the lists is driven in Chromium by test/e2e/pickers.test.ts.)
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { ResourcePickers } from '../../src/editor/resourcePickers';
import { admin } from './emulatorAdmin';
import { activateExtension, resetSettings, sleep, useProfile } from './treeRows';

const EU_POOL = 'eu-west-1:f102dd5e-0000-4000-8000-000000000000';

interface LoggedRequest {
  operation: string;
}

describe('ARN pickers (extension host)', function () {
  this.timeout(60_000);
  let api: ExtensionTestApi;
  let pickers: ResourcePickers;

  before(async () => {
    api = await activateExtension();
    pickers = api.resourcePickers;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await resetSettings(api);
  });

  it('answers with a note naming the denied action when the profile may not list IAM roles', async () => {
    await useProfile(api, 'demo-sync-only');
    const outcome = await pickers.pick('streams-role', { identityPoolId: EU_POOL });
    assert.ok('note' in outcome, `a note, not a list: ${JSON.stringify(outcome)}`);
    assert.match(outcome.note, /demo-sync-only may not list IAM roles \(iam:ListRoles is denied\)/);
    assert.match(outcome.note, /type the role ARN/);
  });

  it('says the list would come from another profile when the document belongs to one', async () => {
    const outcome = await pickers.pick('stream-name', { identityPoolId: EU_POOL, profile: 'demo-partner' });
    assert.ok('note' in outcome);
    assert.match(outcome.note, /belongs to demo-partner/);
  });

  it('asks for a valid identity pool id first, since the lists come from its region', async () => {
    const outcome = await pickers.pick('application-arns', { identityPoolId: 'not-a-pool' });
    assert.ok('note' in outcome);
    assert.match(outcome.note, /valid identity pool ID first/);
  });

  it('loads the list only when a picker opens, once per profile and region, and a dismissed picker chooses nothing', async () => {
    await admin('DELETE', 'requests');
    const listStreamsCalls = async () => ((await admin('GET', 'requests')) as { requests: LoggedRequest[] }).requests.filter((request) => request.operation === 'ListStreams').length;
    assert.equal(await listStreamsCalls(), 0, 'nothing is listed before a picker opens');
    for (let round = 0; round < 2; round++) {
      const picking = pickers.pick('stream-name', { identityPoolId: EU_POOL });
      // Give the list time to load into the open quick pick, then dismiss it like Escape does.
      for (let waited = 0; waited < 5_000 && (await listStreamsCalls()) === 0; waited += 100) await sleep(100);
      await sleep(300);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.deepEqual(await picking, { values: [] });
    }
    assert.equal(await listStreamsCalls(), 1, 'the second picker of the same profile and region used the cached list');
  });
});
