// The names "Create role…" and "Create stream…" accept, as IAM's roleNameType and Kinesis's
// StreamName define them in the botocore models the emulator validates with.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { roleNameProblem, shardCountProblem, streamNameProblem, suggestedRoleName, suggestedStreamName } from '../../../src/model/resourceNames';

const POOL = 'us-east-1:0f1e2d3c-0000-4000-8000-000000000000';
const root = path.join(__dirname, '..', '..', '..', '..');
const shape = (service: string, name: string) => JSON.parse(fs.readFileSync(path.join(root, 'emulator', 'models', `${service}.service-2.json`), 'utf8')).shapes[name] as { min: number; max: number; pattern: string };

describe('resource names for Create role / Create stream', () => {
  it('a role name is what IAM roleNameType allows: 1-64 of [\\w+=,.@-]', () => {
    const model = shape('iam', 'roleNameType');
    assert.deepEqual([model.min, model.max, model.pattern], [1, 64, '[\\w+=,.@-]+']);
    for (const good of ['a', 'CognitoSyncPush-Shop_Prod', 'x+=,.@-_9', 'r'.repeat(64)]) assert.equal(roleNameProblem(good), undefined, good);
    for (const bad of ['', 'r'.repeat(65), 'has space', 'slash/role', 'é', 'tab\t']) assert.ok(roleNameProblem(bad), bad);
  });

  it('a stream name is what Kinesis StreamName allows: 1-128 of [a-zA-Z0-9_.-]', () => {
    const model = shape('kinesis', 'StreamName');
    assert.deepEqual([model.min, model.max, model.pattern], [1, 128, '[a-zA-Z0-9_.-]+']);
    for (const good of ['s', 'cognito-sync.events_1', 's'.repeat(128)]) assert.equal(streamNameProblem(good), undefined, good);
    for (const bad of ['', 's'.repeat(129), 'a b', 'a+b', 'a@b', 'ü']) assert.ok(streamNameProblem(bad), bad);
  });

  it('a shard count is a whole number of at least 1', () => {
    for (const good of ['1', '2', ' 10 ', '500']) assert.equal(shardCountProblem(good), undefined, good);
    for (const bad of ['', '0', '-1', '1.5', '1e3', 'two', '99999999999999999999']) assert.ok(shardCountProblem(bad), bad);
  });

  it('suggested names are valid for any pool name, from the pool\'s name or else the id', () => {
    assert.equal(suggestedRoleName('push', 'ShopMobile_Prod', POOL), 'CognitoSyncPush-ShopMobile_Prod');
    assert.equal(suggestedRoleName('streams', undefined, POOL), 'CognitoSyncStreams-0f1e2d3c');
    assert.equal(suggestedStreamName('Shop Mobile+Prod', POOL), 'cognito-sync-Shop-Mobile-Prod');
    for (const name of ['a b c', 'x'.repeat(200), '+=,.@', '   ', 'ünïcode']) {
      assert.equal(roleNameProblem(suggestedRoleName('push', name, POOL)), undefined, name);
      assert.equal(streamNameProblem(suggestedStreamName(name, POOL)), undefined, name);
    }
  });
});
