// The tree's rows as descriptions, in plain Node: loading src/explorer/nodes.ts here also proves it
// imports no vscode.
import * as assert from 'assert/strict';
import { AwsError } from '../../../src/aws';
import type { IdentityPoolSummary } from '../../../src/aws';
import { formatCount } from '../../../src/explorer/presentation';
import { describeNode, detailNodes, DetailNode, fileProblemNode, ICONS, PoolNode, POOL_SECTIONS, profileProblemNodes, regionChildNodes, SectionResult } from '../../../src/explorer/nodes';
import { EXAMPLE_ACCOUNT, EXAMPLE_POOL_ID, roleArn } from '../../toolkit';

const POOL: IdentityPoolSummary = { identityPoolId: EXAMPLE_POOL_ID, region: 'us-east-1', name: 'ShopMobile_Prod', syncSessionsCount: 3, dataStorage: 2048 };
const BASE = `${POOL.region}/${POOL.identityPoolId}`;
const ROLE = roleArn(EXAMPLE_ACCOUNT, 'CognitoPushRole');
const throttled = new AwsError('throttled', 'GetCognitoEvents of ShopMobile_Prod was throttled: Rate exceeded.');

/** Results in POOL_SECTIONS order, by section key. */
function results(byKey: Record<string, SectionResult<unknown>>): SectionResult<unknown>[] {
  return POOL_SECTIONS.map((section) => byKey[section.key] ?? { ok: true, value: undefined });
}

const labels = (nodes: DetailNode[]) => nodes.map((node) => [node.label, node.description]);

describe('explorer: node descriptions', () => {
  it('a pool row: name as label, id as description and accessible name "name id", a plain-text tooltip', () => {
    const row = describeNode({ kind: 'pool', pool: { ...POOL, name: '<b>x</b>' }, treeVersion: 0 });
    assert.equal(row.label, '<b>x</b>');
    assert.equal(row.description, POOL.identityPoolId);
    assert.equal(row.accessibilityLabel, `<b>x</b> ${POOL.identityPoolId}`);
    assert.match(row.tooltip ?? '', /^<b>x<\/b>\nus-east-1:0c1b/);
    assert.deepEqual([row.collapsible, row.contextValue, row.icon], ['collapsed', 'cognitoSync.pool', { id: 'organization' }]);
  });

  it('a pool without a name shows its id as label and no description', () => {
    const row = describeNode({ kind: 'pool', pool: { ...POOL, name: undefined }, treeVersion: 0 });
    assert.deepEqual([row.label, row.description, row.accessibilityLabel], [POOL.identityPoolId, undefined, POOL.identityPoolId]);
  });

  it('a region row names the region and stays expanded', () => {
    const row = describeNode({ kind: 'region', region: 'eu-west-1' });
    assert.deepEqual([row.id, row.label, row.collapsible, row.contextValue], ['eu-west-1', 'eu-west-1', 'expanded', 'cognitoSync.region']);
    assert.ok(row.description && row.description !== 'eu-west-1');
  });

  it('a pool expands into Push Sync, Cognito Streams, Bulk Publish, Cognito Events and Usage', () => {
    const nodes = detailNodes(POOL, results({
      configuration: { ok: true, value: { IdentityPoolId: POOL.identityPoolId, PushSync: { RoleArn: ROLE, ApplicationArns: ['a', 'b'] }, CognitoStreams: { StreamName: 's', StreamingStatus: 'ENABLED' } } },
      bulkPublish: { ok: true, value: { identityPoolId: POOL.identityPoolId, status: 'NOT_STARTED' } },
      events: { ok: true, value: { SyncTrigger: 'arn:aws:lambda:us-east-1:123456789012:function:f' } },
      usage: { ok: true, value: { identityPoolId: POOL.identityPoolId, region: 'us-east-1', syncSessionsCount: 7 } },
    }));
    assert.deepEqual(labels(nodes), [
      ['Push Sync', '2 applications'],
      ['Cognito Streams', 's · ENABLED'],
      ['Bulk Publish', 'never run'],
      ['Cognito Events', 'sync trigger set'],
      ['Usage', '7 sync sessions'],
    ]);
    assert.deepEqual(nodes[1].icon, ICONS.passed);
    assert.equal(nodes[2].children, undefined, 'a publish that never ran has no rows under it');
    assert.deepEqual(nodes[0].children?.map((node) => [node.label, node.copyValue]), [['Role', ROLE], ['Application', 'a'], ['Application', 'b']]);
    assert.equal(describeNode(nodes[0].children![0]).contextValue, 'cognitoSync.value');
    assert.equal(describeNode(nodes[0]).contextValue, 'cognitoSync.detail');
  });

  it('a pool with nothing configured says "off" and has no Bulk Publish row when there are no details', () => {
    const nodes = detailNodes(POOL, results({}));
    assert.deepEqual(labels(nodes), [['Push Sync', 'off'], ['Cognito Streams', 'off'], ['Cognito Events', 'no sync trigger'], ['Usage', `${formatCount(undefined)} sync sessions`]]);
    assert.deepEqual(nodes[1].icon, { id: 'circle-slash' });
  });

  it('a section that failed is one error row with the short reason that retries the pool on click', () => {
    const nodes = detailNodes(POOL, results({ events: { ok: false, error: throttled } }));
    const events = nodes.find((node) => node.id === `${BASE}/events`)!;
    assert.deepEqual(
      [events.label, events.description, events.tooltip, events.icon, events.contextValue, events.command],
      ['Cognito Events', 'failed: throttled · click to retry', throttled.message, ICONS.error, 'cognitoSync.error', { command: 'cognitoSync.retryPool', title: 'Retry', arguments: [POOL.identityPoolId] }],
    );
    assert.equal(events.children, undefined);
    assert.equal(nodes.length, 4, 'the other sections are still shown');
  });

  it('a failed configuration replaces both Push Sync and Cognito Streams with one row', () => {
    const nodes = detailNodes(POOL, results({ configuration: { ok: false, error: throttled } }));
    assert.deepEqual(nodes.map((node) => node.id), [`${BASE}/configuration`, `${BASE}/events`, `${BASE}/usage`]);
    assert.equal(nodes[0].label, 'Sync configuration');
  });

  it('a failed bulk publish shows its failure as a copyable row', () => {
    const nodes = detailNodes(POOL, results({ bulkPublish: { ok: true, value: { identityPoolId: POOL.identityPoolId, status: 'FAILED', startTime: new Date(0), failureMessage: 'stream gone' } } }));
    const bulk = nodes.find((node) => node.label === 'Bulk Publish')!;
    assert.deepEqual(bulk.children?.map((node) => node.label), ['Status', 'Started', 'Failure']);
    assert.equal(bulk.children?.[2].copyValue, 'stream gone');
    assert.deepEqual(bulk.icon, ICONS.error);
  });
});

describe('explorer: message rows', () => {
  const pool = (name: string): PoolNode => ({ kind: 'pool', pool: { ...POOL, name }, treeVersion: 0 });

  for (const [state, expected] of [
    [{ pools: [], done: false }, ['us-east-1/loading', 'Loading pools…', 'loading~spin']],
    [{ pools: [pool('a')], done: false }, ['us-east-1/loading', 'Loading more pools…', 'loading~spin']],
    [{ pools: [], done: true }, ['us-east-1/empty', 'No identity pools in us-east-1', 'info']],
  ] as const) {
    it(`a region ${state.done ? 'listed' : 'still listing'} with ${state.pools.length} pools ends with "${expected[1]}"`, () => {
      const children = regionChildNodes('us-east-1', { ...state, pools: [...state.pools] });
      const last = children[children.length - 1];
      assert.equal(last.kind, 'message');
      if (last.kind === 'message') assert.deepEqual([last.id, last.label, last.icon.id], expected);
    });
  }

  it('a region whose listing failed keeps its pools and ends with an error row that retries the region', () => {
    const error = new AwsError('network', 'ListIdentityPoolUsage in us-east-1 failed: offline.');
    const children = regionChildNodes('us-east-1', { pools: [pool('a')], done: false, error });
    assert.equal(children[0].kind, 'pool');
    const row = describeNode(children[1]);
    assert.deepEqual([row.label, row.description, row.tooltip, row.contextValue, row.command], [
      'Failed to list pools in us-east-1: offline or endpoint unreachable', 'click to retry', error.message, 'cognitoSync.error', { command: 'cognitoSync.retryRegion', title: 'Retry', arguments: ['us-east-1'] },
    ]);
  });

  it('pool names that could not be read: a warning row first, which opens the log', () => {
    const namesUnavailable = new AwsError('notAuthorized', 'ListIdentityPools was denied.');
    const [first] = regionChildNodes('us-east-1', { pools: [pool('a')], done: true, namesUnavailable });
    const row = describeNode(first);
    assert.deepEqual([row.label, row.description, row.icon, row.command?.command, row.contextValue], ['Pool names unavailable', 'no access', ICONS.warning, 'cognitoSync.showLog', undefined]);
  });

  it('a profile that cannot be used: the reason (selects a profile on click) and "Open AWS Config File"', () => {
    const problem = new AwsError('profileNotFound', 'Profile "nope" is not in the AWS files.');
    const [reason, open] = profileProblemNodes('nope', problem).map(describeNode);
    assert.deepEqual([reason.label, reason.command?.command, reason.contextValue], ['Profile nope: profile not found', 'cognitoSync.selectProfile', 'cognitoSync.error']);
    assert.deepEqual([open.label, open.command?.command], ['Open AWS Config File', 'cognitoSync.openAwsConfigFile']);
  });

  it('a malformed AWS file opens on click; an unreadable one only explains on hover', () => {
    const malformed = describeNode(fileProblemNode('config', new AwsError('malformedConfig', 'line 3 skipped', { file: '/home/u/.aws/config' })));
    assert.deepEqual([malformed.label, malformed.description, malformed.opensFile], ['AWS config file malformed', 'click to open it', '/home/u/.aws/config']);
    const unreadable = describeNode(fileProblemNode('credentials', new AwsError('malformedConfig', 'is a directory', { file: '/home/u/.aws/credentials', code: 'EISDIR' })));
    assert.deepEqual([unreadable.label, unreadable.description, unreadable.opensFile, unreadable.command], ['AWS credentials file unreadable (EISDIR)', 'hover for details', undefined, undefined]);
  });
});
