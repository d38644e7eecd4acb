// The identity and dataset browser in a real VS Code against the emulator: the Identities tree
// paged with Load more, HideDisabled, Find Identity both ways, dataset documents opened, edited
// and saved, a device's sync between open and save (Cancel / Compare / Overwrite), Delete Dataset,
// and denied actions. The emulator's state (admin API) is the oracle.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { CognitoIdentityClient, UpdateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import type { ExtensionTestApi } from '../../src/extension';
import type { IdentitiesNode } from '../../src/explorer/identitiesTree';
import { datasetUri } from '../../src/editor/datasetUri';
import { conflictMessage, DatasetConflict } from '../../src/editor/datasetFileSystem';
import { admin, requiredEnv } from './emulatorAdmin';
import { Row, activateExtension, labels, replaceAll, rows, useProfile } from './treeRows';
import { eventually } from '../toolkit/eventually';

const ACCOUNT = '111111111111';
const REGION = 'us-east-1';
const DEMO_KEY = { accessKeyId: 'AKIAEMULATORDEMO0001', secretAccessKey: 'demo-secret-key-for-the-local-emulator-01' };

async function newPool(name: string, developerProviderName?: string): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: name, count: 1 })) as { pools: { IdentityPoolId: string }[] };
  const identityPoolId = pools[0].IdentityPoolId;
  if (developerProviderName) {
    const client = new CognitoIdentityClient({ region: REGION, endpoint: requiredEnv('COGNITO_SYNC_TEST_EMULATOR_URL'), credentials: DEMO_KEY });
    await client.send(new UpdateIdentityPoolCommand({ IdentityPoolId: identityPoolId, IdentityPoolName: name, AllowUnauthenticatedIdentities: true, DeveloperProviderName: developerProviderName }));
    client.destroy();
  }
  return identityPoolId;
}

async function addIdentities(identityPoolId: string, options: Record<string, unknown>): Promise<string[]> {
  const { identityIds } = (await admin('POST', 'identities', { identityPoolId, ...options })) as { identityIds: string[] };
  return identityIds;
}

/** A device's sync, as the emulator's admin API writes it (no SyncCount check). */
function deviceWrites(identityPoolId: string, identityId: string, datasetName: string, records: Record<string, string | null>): Promise<unknown> {
  return admin('POST', 'records', { identityPoolId, identityId, datasetName, records, deviceId: 'phone-of-the-user' });
}

interface StoredRecord {
  value?: string | null;
  syncCount: number;
}

/** The dataset's live values as the emulator stores them (the oracle). */
async function storedValues(identityPoolId: string, identityId: string, datasetName: string): Promise<Record<string, string> | undefined> {
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, { identities?: Record<string, { datasets: Record<string, { records: Record<string, StoredRecord> }> }> }>>> };
  const dataset = state.accounts[ACCOUNT][REGION][identityPoolId].identities?.[identityId]?.datasets[datasetName];
  if (!dataset) return undefined;
  return Object.fromEntries(Object.entries(dataset.records).filter(([, record]) => typeof record.value === 'string').map(([key, record]) => [key, record.value as string]));
}

const identityRows = (list: Row[]) => list.filter((row) => row.node.kind === 'identity');

describe('host: identity and dataset browser', function () {
  this.timeout(90_000);
  let api: ExtensionTestApi;
  const originalPrompts: Partial<ExtensionTestApi['syncPrompts']> = {};

  before(async () => {
    api = await activateExtension();
    Object.assign(originalPrompts, api.syncPrompts);
  });

  afterEach(async () => {
    Object.assign(api.syncPrompts, originalPrompts);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists identities 60 at a time in AWS order behind Load more, and a double click loads one page', async () => {
    const identityPoolId = await newPool('data-paging');
    await addIdentities(identityPoolId, { count: 130 });
    const root: IdentitiesNode = api.poolsTree.identities.root(identityPoolId);
    const first = await rows(api, root);
    assert.equal(identityRows(first).length, 60);
    assert.equal(first.at(-1)?.label, 'Load more…');
    assert.equal(first.at(-1)?.command?.command, 'cognitoSync.loadMoreIdentities');

    // Clicking twice before the page arrives loads it once.
    await Promise.all([vscode.commands.executeCommand('cognitoSync.loadMoreIdentities', identityPoolId), vscode.commands.executeCommand('cognitoSync.loadMoreIdentities', identityPoolId)]);
    const second = await rows(api, root);
    assert.equal(identityRows(second).length, 120);
    assert.deepEqual(labels(identityRows(second)).slice(0, 60), labels(identityRows(first)), 'the first page keeps its order');
    await vscode.commands.executeCommand('cognitoSync.loadMoreIdentities', identityPoolId);
    const all = await rows(api, root);
    assert.equal(identityRows(all).length, 130);
    assert.equal(new Set(labels(identityRows(all))).size, 130, 'no identity twice');
    assert.ok(!labels(all).includes('Load more…'));
  });

  it('hides disabled identities with the toggle, and shows them again', async () => {
    const identityPoolId = await newPool('data-hide-disabled');
    await addIdentities(identityPoolId, { count: 3 });
    await addIdentities(identityPoolId, { count: 2, disabled: true });
    const root = api.poolsTree.identities.root(identityPoolId);
    assert.equal(identityRows(await rows(api, root)).length, 5);
    await vscode.commands.executeCommand('cognitoSync.hideDisabledIdentities', root);
    assert.equal(api.poolsTree.getTreeItem(root).contextValue, 'cognitoSync.identities.hidingDisabled');
    assert.equal(identityRows(await rows(api, root)).length, 3);
    await vscode.commands.executeCommand('cognitoSync.showDisabledIdentities', root);
    assert.equal(identityRows(await rows(api, root)).length, 5);
  });

  it('finds an identity by id (checked against the pattern and the pool\'s region) and by developer user identifier', async () => {
    const identityPoolId = await newPool('data-find', 'login.example.dev');
    const ids = await addIdentities(identityPoolId, { count: 3, developerUserPrefix: 'player' });
    const validations: (string | undefined)[] = [];
    let answer = ids[1];
    api.syncPrompts.inputBox = async (options) => {
      for (const probe of ['eu-west-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', 'us-east-1:NOT-HEX', answer]) validations.push((await options.validateInput?.(probe)) as string | undefined);
      return answer;
    };
    const byId = (await vscode.commands.executeCommand('cognitoSync.findIdentity', { identityPoolId })) as { identity: { identityId: string } } | undefined;
    assert.equal(byId?.identity.identityId, ids[1]);
    assert.match(String(validations[0]), /region eu-west-1.*us-east-1/);
    assert.match(String(validations[1]), /not an identity id/);
    assert.equal(validations[2], undefined);
    const shown = identityRows(await rows(api, api.poolsTree.identities.root(identityPoolId)));
    assert.equal(shown[0].label, ids[1], 'the found identity is at the top');

    answer = 'player-3';
    const byDeveloperId = (await vscode.commands.executeCommand('cognitoSync.findIdentity', { identityPoolId })) as { identity: { identityId: string; logins: string[] } } | undefined;
    assert.equal(byDeveloperId?.identity.identityId, ids[2]);
    assert.deepEqual(byDeveloperId?.identity.logins, ['login.example.dev']);

    const notices: string[] = [];
    api.syncPrompts.notify = async (_severity, message) => {
      notices.push(message);
      return undefined;
    };
    answer = 'nobody-has-this-id';
    assert.equal(await vscode.commands.executeCommand('cognitoSync.findIdentity', { identityPoolId }), undefined);
    assert.match(notices[0], /No identity of .* is linked to developer user identifier "nobody-has-this-id" of provider login\.example\.dev/);
  });

  it('shows an identity\'s datasets with counts, limits and merged marks, and its usage on hover', async () => {
    const identityPoolId = await newPool('data-datasets');
    const [keep, merged] = await addIdentities(identityPoolId, { count: 2, datasetsPerIdentity: 2, recordsPerDataset: 3 });
    await addIdentities(identityPoolId, { count: 1, datasetsPerIdentity: 1, recordsPerDataset: 830 });
    await admin('POST', 'merge', { identityPoolId, sourceIdentityId: merged, destinationIdentityId: keep });
    const identities = identityRows(await rows(api, api.poolsTree.identities.root(identityPoolId)));
    const keeper = identities.find((row) => row.label === keep)!;
    const datasets = await rows(api, keeper.node);
    assert.deepEqual(labels(datasets).sort(), ['dataset-01', 'dataset-01.' + merged, 'dataset-02', 'dataset-02.' + merged].sort());
    const mergedRow = datasets.find((row) => row.label === `dataset-01.${merged}`)!;
    assert.match(mergedRow.description ?? '', /^merged · 3 records/);
    assert.match(mergedRow.tooltip ?? '', /counts against the 20 datasets per identity/);
    assert.match(datasets.find((row) => row.label === 'dataset-01')!.description ?? '', /^3 records · /);

    const big = identities.find((row) => row.label !== keep)!;
    const bigDataset = (await rows(api, big.node))[0];
    assert.match(bigDataset.tooltip ?? '', /Near the limit: 830 of 1,024 records per dataset/);
    assert.equal((bigDataset.item.iconPath as vscode.ThemeIcon).id, 'warning');

    const hovered = await api.poolsTree.resolveTreeItem(new vscode.TreeItem(keep), keeper.node);
    assert.match(String(hovered.tooltip), /Datasets: 4 of 20/);
  });

  it('opens a dataset as "key": "value" text, saves one patch per changed key, and the emulator holds the result', async () => {
    const identityPoolId = await newPool('data-save');
    const [identityId] = await addIdentities(identityPoolId, { count: 1 });
    await deviceWrites(identityPoolId, identityId, 'settings', { volume: '7', theme: 'dark', profile: '{"level":3,"name":"<b>Ann</b>"}', gone: 'x' });
    await deviceWrites(identityPoolId, identityId, 'settings', { gone: null });
    const editor = (await vscode.commands.executeCommand('cognitoSync.openDataset', { identityPoolId, identityId, datasetName: 'settings' })) as vscode.TextEditor;
    const document = editor.document;
    assert.equal(document.uri.toString(), datasetUri({ profile: api.session.profileName, identityPoolId, identityId, datasetName: 'settings' }).toString());
    assert.deepEqual(JSON.parse(document.getText()), { volume: '7', theme: 'dark', profile: '{"level":3,"name":"<b>Ann</b>"}' }, 'deleted records stay out of the text');

    // The key's hover shows its metadata; the JSON value's hover shows it formatted.
    const keyAt = document.positionAt(document.getText().indexOf('"volume"') + 2);
    const keyHover = (await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, keyAt)) as vscode.Hover[];
    assert.match(hoverText(keyHover), /SyncCount: 1[\s\S]*Last modified by: phone-of-the-user/);
    const jsonAt = document.positionAt(document.getText().indexOf('{\\"level') + 2);
    assert.match(hoverText((await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, jsonAt)) as vscode.Hover[]), /"level": 3/);

    await replaceAll(document, '{\n  "volume": "11",\n  "profile": "{\\"level\\":3,\\"name\\":\\"<b>Ann</b>\\"}",\n  "language": "fi"\n}\n');
    assert.equal(await document.save(), true);
    assert.equal(document.isDirty, false);
    assert.deepEqual(api.datasetFileSystem.lastSave, { requests: 1, patches: 3 }, 'volume replaced, theme removed, language added: one UpdateRecords');
    assert.deepEqual(await storedValues(identityPoolId, identityId, 'settings'), { volume: '11', profile: '{"level":3,"name":"<b>Ann</b>"}', language: 'fi' });

    // A second save needs a fresh session token: ListRecords, then UpdateRecords.
    await replaceAll(document, document.getText().replace('"fi"', '"sv"'));
    assert.equal(await document.save(), true);
    assert.deepEqual(api.datasetFileSystem.lastSave, { requests: 2, patches: 1 });
    assert.equal((await storedValues(identityPoolId, identityId, 'settings'))?.language, 'sv');
  });

  it('refuses text that is not string values or goes over a limit, keeping the text and sending nothing', async () => {
    const identityPoolId = await newPool('data-refuse');
    const [identityId] = await addIdentities(identityPoolId, { count: 1 });
    await deviceWrites(identityPoolId, identityId, 'save', { a: '1' });
    const editor = (await vscode.commands.executeCommand('cognitoSync.openDataset', { identityPoolId, identityId, datasetName: 'save' })) as vscode.TextEditor;
    const document = editor.document;
    await replaceAll(document, '{ "a": 2 }');
    assert.equal(await document.save(), false);
    assert.equal(document.getText(), '{ "a": 2 }');
    const huge = JSON.stringify(Object.fromEntries([['a', '1'], ['b', 'x'.repeat(1_048_575)]]));
    await replaceAll(document, huge);
    assert.equal(await document.save(), false);
    assert.equal(document.isDirty, true);
    assert.deepEqual(await storedValues(identityPoolId, identityId, 'save'), { a: '1' });
  });

  it('on a device\'s sync between open and save: Cancel and Compare keep the edits unsaved, Overwrite writes only the changed keys', async () => {
    const identityPoolId = await newPool('data-conflict');
    const [identityId] = await addIdentities(identityPoolId, { count: 1 });
    await deviceWrites(identityPoolId, identityId, 'game', { level: '4', coins: '100', name: 'Ann' });
    const uri = datasetUri({ profile: api.session.profileName, identityPoolId, identityId, datasetName: 'game' });
    const document = (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri))).document;
    await deviceWrites(identityPoolId, identityId, 'game', { level: '5', name: 'Anna' });
    // "level" is the user's change and the device's: a conflict. "name" is only the device's.
    const mine = '{\n  "level": "6",\n  "coins": "999",\n  "name": "Ann"\n}\n';
    await replaceAll(document, mine);

    const asked: string[] = [];
    const original = api.datasetFileSystem.conflictPrompt;
    try {
      api.datasetFileSystem.conflictPrompt = async (_address, live) => {
        asked.push(JSON.stringify(live.records.map((record) => [record.key, record.value])));
        return 'cancel';
      };
      assert.equal(await document.save(), false);
      assert.equal(document.getText(), mine);
      assert.equal(document.isDirty, true);
      assert.match(asked[0], /\["level","5"\]/, 'the prompt gets the live records');
      assert.equal((await storedValues(identityPoolId, identityId, 'game'))?.coins, '100');

      // Compare: the real prompt's Compare opens live beside the user's document.
      api.datasetFileSystem.conflictPrompt = async (address, live, conflicted) => {
        await api.datasetFileSystem.liveSnapshots.showDiff(conflicted, `${address.datasetName}.live.json`, JSON.stringify(Object.fromEntries(live.records.map((record) => [record.key, record.value]))), 'live ↔ yours');
        return 'compare';
      };
      assert.equal(await document.save(), false);
      const diff = await eventually(async () => vscode.window.tabGroups.activeTabGroup.activeTab?.input, { accept: (input) => input instanceof vscode.TabInputTextDiff, describe: String, what: 'the diff opens', timeoutMs: 20_000 });
      assert.equal((diff as vscode.TabInputTextDiff).original.scheme, 'cognito-sync-data-live');
      assert.equal((diff as vscode.TabInputTextDiff).modified.toString(), uri.toString());
      assert.equal(document.getText(), mine);

      api.datasetFileSystem.conflictPrompt = async () => 'overwrite';
      assert.equal(await document.save(), true);
      assert.deepEqual(await storedValues(identityPoolId, identityId, 'game'), { level: '6', coins: '999', name: 'Anna' }, 'the user\'s level and coins are written; the device\'s name stays');
      // The document then shows what AWS holds.
      await eventually(async () => document.getText(), { accept: (text) => text.includes('"Anna"'), describe: (text) => text, what: 'the document reloads after Overwrite', timeoutMs: 20_000 });
    } finally {
      api.datasetFileSystem.conflictPrompt = original;
    }
  });

  it('Save Dataset (Ctrl+S) on a device\'s sync: names what changed, Cancel and Compare are quiet, Reload loads the live records, failures name the dataset, Overwrite saves', async () => {
    const identityPoolId = await newPool('data-own-save');
    const [identityId] = await addIdentities(identityPoolId, { count: 1 });
    await deviceWrites(identityPoolId, identityId, 'game', { level: '4', coins: '100', name: 'Ann', pet: 'cat' });
    const address = { profile: api.session.profileName, identityPoolId, identityId, datasetName: 'game' };
    const uri = datasetUri(address);
    const document = (await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri))).document;
    await deviceWrites(identityPoolId, identityId, 'game', { level: '5', name: 'Anna', pet: null });
    const mine = '{\n  "level": "6",\n  "coins": "999",\n  "name": "Ann",\n  "pet": "cat"\n}\n';
    await replaceAll(document, mine);

    const errors: string[] = [];
    const conflicts: DatasetConflict[] = [];
    const originalNotices = api.datasetSaver.notices;
    const originalPrompt = api.datasetFileSystem.conflictPrompt;
    const answer = (choice: 'cancel' | 'compare' | 'reload' | 'overwrite') => {
      api.datasetFileSystem.conflictPrompt = async (conflictAddress, live, conflicted, conflict) => {
        conflicts.push(conflict);
        if (choice === 'compare') await api.datasetFileSystem.liveSnapshots.showDiff(conflicted, `${conflictAddress.datasetName}.live.json`, JSON.stringify(live.records.map((record) => [record.key, record.value])), 'live ↔ yours');
        return choice;
      };
    };
    try {
      api.datasetSaver.notices = { error: async (message) => (errors.push(message), undefined) };
      answer('cancel');
      assert.equal(await vscode.commands.executeCommand('cognitoSync.saveDataset', uri), 'declined');
      assert.deepEqual(errors, [], 'Cancel is an answer: no "Failed to save" and no message of ours');
      assert.equal(document.getText(), mine);
      assert.equal(document.isDirty, true);
      const [conflict] = conflicts;
      assert.equal(conflict.offerReload, true, 'the own save offers Reload');
      assert.deepEqual([...conflict.changedOnAws], [['level', '5'], ['name', 'Anna'], ['pet', null]], 'what the device changed since the document was read');
      assert.equal(
        conflictMessage(address, conflict.changedOnAws),
        `Dataset game of identity ${identityId} was synced by a device after you opened it. Changed on AWS: "level", "name", "pet" (removed).`,
      );
      assert.equal((await storedValues(identityPoolId, identityId, 'game'))?.coins, '100', 'nothing written');

      answer('compare');
      assert.equal(await vscode.commands.executeCommand('cognitoSync.saveDataset', uri), 'declined');
      const diff = await eventually(async () => vscode.window.tabGroups.activeTabGroup.activeTab?.input, { accept: (input) => input instanceof vscode.TabInputTextDiff, describe: String, what: 'the diff opens', timeoutMs: 20_000 });
      assert.equal((diff as vscode.TabInputTextDiff).modified.toString(), uri.toString());
      assert.deepEqual(errors, [], 'Compare is quiet too');
      assert.equal(document.getText(), mine);

      // AWS refuses the write: our message names the dataset, offers Retry, and the text stays.
      await admin('POST', 'faults', { operation: 'UpdateRecords', kind: 'error', error: 'NotAuthorizedException', times: 1 });
      assert.equal(await vscode.commands.executeCommand('cognitoSync.saveDataset', uri), 'failed');
      assert.equal(errors.length, 1);
      assert.match(errors[0], new RegExp(`^Not saved to dataset game of identity ${identityId}: .*Your edits are kept unsaved\\.$`, 's'));
      assert.equal(document.getText(), mine);
      assert.equal(document.isDirty, true);

      // Text that is not string values: refused with our words, nothing sent.
      await replaceAll(document, '{ "level": 6 }');
      assert.equal(await vscode.commands.executeCommand('cognitoSync.saveDataset', uri), 'invalid');
      assert.match(errors[1] ?? '', new RegExp(`^Not saved to dataset game of identity ${identityId}: .*nothing was sent\\.$`, 's'));
      assert.equal(document.getText(), '{ "level": 6 }');
      await replaceAll(document, mine);

      answer('reload');
      assert.equal(await vscode.commands.executeCommand('cognitoSync.saveDataset', uri), 'declined');
      await eventually(async () => document.getText(), { accept: (text) => text.includes('"Anna"') && !document.isDirty, describe: (text) => text, what: 'Reload shows the live records', timeoutMs: 20_000 });
      assert.deepEqual(JSON.parse(document.getText()), { level: '5', coins: '100', name: 'Anna' });
      assert.equal(errors.length, 2, 'Reload is the user\'s choice: no message');

      // Edited again on the live records; the device syncs once more; Overwrite writes the user's keys.
      await replaceAll(document, document.getText().replace('"100"', '"250"'));
      await deviceWrites(identityPoolId, identityId, 'game', { coins: '120', level: '7' });
      answer('overwrite');
      assert.equal(await vscode.commands.executeCommand('cognitoSync.saveDataset', uri), 'saved');
      assert.equal(document.isDirty, false);
      assert.deepEqual(await storedValues(identityPoolId, identityId, 'game'), { level: '7', coins: '250', name: 'Anna' }, 'the user\'s coins written; the device\'s level kept');
      assert.equal(errors.length, 2);
      await eventually(async () => document.getText(), { accept: (text) => text.includes('"7"'), describe: (text) => text, what: 'the document shows the device\'s level after Overwrite', timeoutMs: 20_000 });
    } finally {
      await admin('DELETE', 'faults');
      api.datasetSaver.notices = originalNotices;
      api.datasetFileSystem.conflictPrompt = originalPrompt;
    }
  });

  it('saves without asking when the device changed only other keys, then shows the device\'s change too', async () => {
    const identityPoolId = await newPool('data-no-conflict');
    const [identityId] = await addIdentities(identityPoolId, { count: 1 });
    await deviceWrites(identityPoolId, identityId, 'game', { level: '4', name: 'Ann' });
    const document = (await vscode.commands.executeCommand('cognitoSync.openDataset', { identityPoolId, identityId, datasetName: 'game' }) as vscode.TextEditor).document;
    await deviceWrites(identityPoolId, identityId, 'game', { name: 'Anna' });
    let asked = false;
    const original = api.datasetFileSystem.conflictPrompt;
    try {
      api.datasetFileSystem.conflictPrompt = async () => {
        asked = true;
        return 'cancel';
      };
      await replaceAll(document, document.getText().replace('"4"', '"5"'));
      assert.equal(await document.save(), true);
      assert.equal(asked, false);
      assert.deepEqual(await storedValues(identityPoolId, identityId, 'game'), { level: '5', name: 'Anna' });
      await eventually(async () => document.getText(), { accept: (text) => text.includes('"Anna"') && text.includes('"5"'), describe: (text) => text, what: 'the document shows the device\'s name after the save', timeoutMs: 20_000 });
    } finally {
      api.datasetFileSystem.conflictPrompt = original;
    }
  });

  it('round-trips hostile keys and values (HTML, control characters, lone surrogates) and dataset names at the pattern\'s edges', async () => {
    const identityPoolId = await newPool('data-hostile');
    const [identityId] = await addIdentities(identityPoolId, { count: 1 });
    const hostile: Record<string, string> = {
      '<img src=x onerror=alert(1)>': '<script>alert("x")</script>',
      'ctl\u0000\u0007\u001b[31m\t': 'bell\u0007 nul\u0000 \u2028\u2029',
      'lone surrogates': 'high \ud800 low \udc00 pair 😀',
      ['__proto__']: '{"polluted":true}',
      '10': 'an integer-like key keeps its place',
    };
    for (const datasetName of ['.', 'x'.repeat(128), 'A-Z_a.z:0-9']) {
      await deviceWrites(identityPoolId, identityId, datasetName, { ...Object.fromEntries(Object.entries(hostile)), plain: 'edit me' });
      const document = ((await vscode.commands.executeCommand('cognitoSync.openDataset', { identityPoolId, identityId, datasetName })) as vscode.TextEditor).document;
      const shown = new Map(Object.entries(JSON.parse(document.getText()) as Record<string, string>));
      for (const [key, value] of Object.entries(hostile)) assert.equal(shown.get(key), value, `${datasetName}: ${JSON.stringify(key)} reads back as stored`);
      await replaceAll(document, document.getText().replace('"edit me"', '"edited"'));
      assert.equal(await document.save(), true);
      assert.deepEqual(api.datasetFileSystem.lastSave?.patches, 1, 'only the edited key is sent');
      const stored = await storedValues(identityPoolId, identityId, datasetName);
      for (const [key, value] of Object.entries(hostile)) assert.equal(stored?.[key], value, `${datasetName}: ${JSON.stringify(key)} unchanged on AWS`);
      assert.equal(stored?.plain, 'edited');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('deletes a dataset only after a confirmation naming the identity, the dataset and its records', async () => {
    const identityPoolId = await newPool('data-delete');
    const [identityId] = await addIdentities(identityPoolId, { count: 1, datasetsPerIdentity: 1, recordsPerDataset: 5 });
    const questions: string[] = [];
    let confirm = false;
    api.syncPrompts.confirm = async (message, detail) => {
      questions.push(`${message} ${detail}`);
      return confirm;
    };
    api.syncPrompts.notify = async () => undefined;
    const target = { identityPoolId, identityId, datasetName: 'dataset-01' };
    assert.equal(await vscode.commands.executeCommand('cognitoSync.deleteDataset', target), false);
    assert.match(questions[0], new RegExp(`Delete dataset "dataset-01" of identity ${identityId}\\?.*5 records.*lose the dataset.*next sync`));
    assert.ok(await storedValues(identityPoolId, identityId, 'dataset-01'));
    confirm = true;
    assert.equal(await vscode.commands.executeCommand('cognitoSync.deleteDataset', target), true);
    const identity = identityRows(await rows(api, api.poolsTree.identities.root(identityPoolId)))[0];
    assert.deepEqual(labels(await rows(api, identity.node)), ['No datasets']);
  });

  it('says which action was denied and which IAM resource pattern grants it', async () => {
    const identityPoolId = await newPool('data-denied');
    await addIdentities(identityPoolId, { count: 1 });
    try {
      await useProfile(api, 'demo-sync-only');
      const [row] = await rows(api, api.poolsTree.identities.root(identityPoolId));
      assert.equal(row.label, 'ListIdentities denied: needs cognito-identity:ListIdentities');
      assert.match(row.description ?? '', new RegExp(`^on arn:aws:cognito-identity:us-east-1:(${ACCOUNT}|<account>):identitypool/${identityPoolId}$`));
      assert.match(row.tooltip ?? '', /The grant needs action cognito-identity:ListIdentities on resource arn:aws:cognito-identity:/);
    } finally {
      await useProfile(api, undefined);
    }
  });
});

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))).join('\n');
}
