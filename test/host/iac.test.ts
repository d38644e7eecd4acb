// Export / Copy as Infrastructure as Code in a real extension host, against the emulator: a pool to
// an untitled editor, a region to a file, a copy to the clipboard, cancelling at each question,
// and a denied read. The questions go through api.iacPrompts (and api.fileCommandPrompts for the
// notices), answered here.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ExtensionTestApi } from '../../src/extension';
import type { IacResult } from '../../src/commands/iacCommand';
import type { IacChoice, IacPrompts } from '../../src/commands/iacPrompts';
import type { FileCommandPrompts, NoticeSeverity } from '../../src/commands/fileCommandPrompts';
import { generateInfrastructureCode } from '../../src/iac';
import { admin } from './emulatorAdmin';
import { activateExtension } from './treeRows';

const ACCOUNT = '111111111111';
/** A region no other suite puts pools in, so the region export sees exactly this suite's pools. */
const REGION = 'ap-south-1';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/IacTestRole`;

async function newPool(name: string, configuration: Record<string, unknown> = {}): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region: REGION, namePrefix: name, count: 1, ...configuration })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

describe('host: export and copy as infrastructure as code', function () {
  this.timeout(60_000);
  let api: ExtensionTestApi;
  let iacDefaults: IacPrompts;
  let fileDefaults: FileCommandPrompts;
  let notices: { severity: NoticeSeverity; message: string }[];
  let asked: string[];
  let pushPool: string;
  let streamsPool: string;
  const written: vscode.Uri[] = [];

  const answer = (choice: IacChoice | undefined, destination?: 'editor' | 'file', file?: vscode.Uri) => {
    api.iacPrompts.pickFormat = async (title, initial) => {
      asked.push(`format (${title}; offered ${initial.format}${initial.withRoles ? ' with roles' : ''})`);
      return choice;
    };
    api.iacPrompts.pickDestination = async () => {
      asked.push('destination');
      return destination;
    };
    api.iacPrompts.saveUri = async (_title, defaultUri) => {
      asked.push(`save (${defaultUri?.path.split('/').pop()})`);
      return file;
    };
  };

  before(async () => {
    api = await activateExtension();
    iacDefaults = { ...api.iacPrompts };
    fileDefaults = { ...api.fileCommandPrompts };
    pushPool = await newPool('iac-push', { pushSync: { ApplicationArns: [`arn:aws:sns:${REGION}:${ACCOUNT}:app/GCM/IacAndroid`], RoleArn: ROLE } });
    streamsPool = await newPool('iac streams', { cognitoStreams: { StreamName: 'iac-stream', RoleArn: ROLE, StreamingStatus: 'DISABLED' } });
  });

  beforeEach(() => {
    notices = [];
    asked = [];
    api.fileCommandPrompts.notify = async (severity, message) => {
      notices.push({ severity, message });
      return undefined;
    };
    api.fileCommandPrompts.pick = async () => assert.fail('unexpected prompt: pick');
  });

  afterEach(async () => {
    Object.assign(api.iacPrompts, iacDefaults);
    Object.assign(api.fileCommandPrompts, fileDefaults);
    await admin('DELETE', 'faults');
    for (let index = 0; index < 10 && vscode.window.tabGroups.all.some((group) => group.tabs.length); index += 1) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    for (const file of written.splice(0)) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  it('a pool to an untitled YAML editor: the template of the live pool, with roles when checked', async () => {
    answer({ format: 'cloudformation-yaml', withRoles: true }, 'editor');
    const result = await vscode.commands.executeCommand<IacResult>('cognitoSync.exportInfrastructureCode', { identityPoolId: pushPool });
    assert.deepEqual(asked, ['format (Cognito Sync: Export as Infrastructure as Code; offered cloudformation-yaml)', 'destination']);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.isUntitled, 'an untitled editor is active');
    assert.equal(editor.document.languageId, 'yaml');
    const expected = generateInfrastructureCode([await api.session.readPoolDefinition(pushPool)], 'cloudformation-yaml', { withRoles: true });
    assert.equal(editor.document.getText(), expected);
    assert.equal(result.text, expected);
    assert.match(expected, /app\/GCM\/IacAndroid/);
    assert.match(expected, /IacPushPushSyncRole:\n {4}Type: AWS::IAM::Role/);
  });

  it('offers the last format again, and writes a region to the file chosen in the save dialog', async () => {
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'iac-region-test.tf');
    written.push(file);
    answer({ format: 'terraform', withRoles: false }, 'file', file);
    await vscode.commands.executeCommand('cognitoSync.exportInfrastructureCode', { region: REGION });
    answer({ format: 'terraform', withRoles: false }, 'file', file);
    asked = [];
    const result = await vscode.commands.executeCommand<IacResult>('cognitoSync.exportInfrastructureCode', { region: REGION });
    assert.deepEqual(asked, ['format (Cognito Sync: Export as Infrastructure as Code; offered terraform)', 'destination', `save (cognito-sync-${REGION}.tf)`]);
    const text = fs.readFileSync(file.fsPath, 'utf8');
    assert.equal(text, result.text);
    assert.equal(text.match(/^resource "awscc_cognito_identity_pool"/gm)?.length, 2);
    assert.match(text, /stream_name = "iac-stream"/);
    assert.match(text, /streaming_status = "DISABLED"/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file.fsPath, 'the saved file is opened');
    assert.match(notices.at(-1)!.message, /Saved the Terraform \(awscc provider\) of the identity pools of ap-south-1 to /);
  });

  it('Copy as: the CDK stack on the clipboard, no destination asked', async () => {
    answer({ format: 'cdk', withRoles: false });
    const result = await vscode.commands.executeCommand<IacResult>('cognitoSync.copyInfrastructureCode', { identityPoolId: streamsPool });
    assert.deepEqual(asked, ['format (Cognito Sync: Copy as Infrastructure as Code; offered terraform)']);
    assert.equal(await vscode.env.clipboard.readText(), result.text);
    assert.match(result.text, /new cognito\.CfnIdentityPool\(this, "IacStreamsIdentityPool"/);
    assert.match(notices.at(-1)!.message, /Copied the AWS CDK \(TypeScript\) of iac streams \(ap-south-1:[0-9a-f-]+\) to the clipboard\./);
  });

  it('cancel at the format or at the destination: nothing is read, opened or copied', async () => {
    await vscode.env.clipboard.writeText('untouched');
    answer(undefined);
    assert.equal(await vscode.commands.executeCommand('cognitoSync.copyInfrastructureCode', { identityPoolId: pushPool }), undefined);
    answer({ format: 'cloudformation-json', withRoles: false }, undefined);
    assert.equal(await vscode.commands.executeCommand('cognitoSync.exportInfrastructureCode', { identityPoolId: pushPool }), undefined);
    answer({ format: 'cloudformation-json', withRoles: false }, 'file', undefined);
    assert.equal(await vscode.commands.executeCommand('cognitoSync.exportInfrastructureCode', { identityPoolId: pushPool }), undefined);
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
    assert.equal(vscode.window.tabGroups.all.flatMap((group) => group.tabs).length, 0, 'no editor was opened');
    assert.deepEqual(notices, []);
  });

  it('a denied DescribeIdentityPool: an error naming the pool and the IAM action, nothing copied', async () => {
    await vscode.env.clipboard.writeText('untouched');
    await admin('POST', 'faults', { operation: 'DescribeIdentityPool', kind: 'error', error: 'NotAuthorizedException', times: 1 });
    answer({ format: 'terraform', withRoles: false });
    assert.equal(await vscode.commands.executeCommand('cognitoSync.copyInfrastructureCode', { identityPoolId: pushPool }), undefined);
    assert.equal(notices.length, 1);
    assert.equal(notices[0].severity, 'error');
    assert.ok(notices[0].message.includes(`reading ${pushPool} failed`), notices[0].message);
    assert.match(notices[0].message, /cognito-identity:DescribeIdentityPool/);
    assert.equal(await vscode.env.clipboard.readText(), 'untouched');
  });
});
