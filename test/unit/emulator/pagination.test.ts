// Pagination of ListIdentityPoolUsage (Cognito Sync) and ListIdentityPools (Cognito Identity) over
// 250 pools: every pool exactly once, the page sizes, opaque tokens, and refused tokens and sizes.
import * as assert from 'assert/strict';
import { InvalidParameterException, ListIdentityPoolUsageCommand } from '@aws-sdk/client-cognito-sync';
import {
  DeleteIdentityPoolCommand,
  InvalidParameterException as IdentityInvalidParameterException,
  ListIdentityPoolsCommand,
} from '@aws-sdk/client-cognito-identity';
import { PAGE_SIZE } from '../../../emulator/behaviour';
import {
  MAIN_ACCOUNT,
  OTHER_ACCOUNT,
  REGION,
  expectError,
  useEmulatorFixture,
} from './helpers';

const POOLS = 250;

describe('emulator pagination: 250 pools page by page', () => {
  const { sync, identity, admin } = useEmulatorFixture();
  let poolIds: string[];
  let names: Map<string, string>;

  beforeEach(async () => {
    await admin.reset();
    const created = await admin.createPools({ accountId: MAIN_ACCOUNT, region: REGION, count: POOLS, namePrefix: 'Paged' });
    poolIds = created.pools.map((pool) => pool.IdentityPoolId);
    names = new Map(created.pools.map((pool) => [pool.IdentityPoolId, pool.IdentityPoolName]));
    // Pools elsewhere must never show up in these listings.
    await admin.createPools({ accountId: MAIN_ACCOUNT, region: 'eu-west-1', count: 7, namePrefix: 'OtherRegion' });
    await admin.createPools({ accountId: OTHER_ACCOUNT, region: REGION, count: 5, namePrefix: 'OtherAccount' });
  });

  async function allUsagePages(maxResults?: number) {
    const pages: { ids: string[]; token?: string; count?: number; maxResults?: number }[] = [];
    let token: string | undefined;
    do {
      const page = await sync.send(new ListIdentityPoolUsageCommand({ MaxResults: maxResults, NextToken: token }));
      pages.push({ ids: (page.IdentityPoolUsages ?? []).map((usage) => usage.IdentityPoolId!), token: page.NextToken, count: page.Count, maxResults: page.MaxResults });
      token = page.NextToken;
      assert.ok(pages.length <= POOLS + 1, 'the listing ends');
    } while (token);
    return pages;
  }

  async function allIdentityPages(maxResults: number) {
    const pages: { pools: { id: string; name: string }[]; token?: string }[] = [];
    let token: string | undefined;
    do {
      const page = await identity.send(new ListIdentityPoolsCommand({ MaxResults: maxResults, NextToken: token }));
      pages.push({ pools: (page.IdentityPools ?? []).map((pool) => ({ id: pool.IdentityPoolId!, name: pool.IdentityPoolName! })), token: page.NextToken });
      token = page.NextToken;
      assert.ok(pages.length <= POOLS + 1, 'the listing ends');
    } while (token);
    return pages;
  }

  it('ListIdentityPoolUsage with MaxResults 60 returns pages of 60, 60, 60, 60, 10 with every pool exactly once', async () => {
    const pages = await allUsagePages(60);
    assert.deepEqual(pages.map((page) => page.ids.length), [60, 60, 60, 60, 10]);
    for (const page of pages) {
      assert.equal(page.count, page.ids.length, 'Count is the number of items in the page');
      assert.equal(page.maxResults, 60, 'MaxResults echoes the page size');
    }
    const seen = pages.flatMap((page) => page.ids);
    assert.equal(new Set(seen).size, seen.length, 'no pool twice');
    assert.deepEqual([...seen].sort(), [...poolIds].sort());
    assert.equal(pages.at(-1)!.token, undefined, 'the last page has no NextToken');
  });

  it(`ListIdentityPoolUsage without MaxResults uses pages of ${PAGE_SIZE.default}`, async () => {
    const pages = await allUsagePages();
    assert.deepEqual(pages.map((page) => page.ids.length), [60, 60, 60, 60, 10]);
    assert.equal(pages[0].maxResults, PAGE_SIZE.default);
  });

  it(`ListIdentityPoolUsage with the smallest page (MaxResults ${PAGE_SIZE.min}) walks all ${POOLS} pools one by one`, async () => {
    const pages = await allUsagePages(PAGE_SIZE.min);
    assert.equal(pages.length, POOLS);
    assert.ok(pages.every((page) => page.ids.length === 1));
    assert.deepEqual(pages.flatMap((page) => page.ids).sort(), [...poolIds].sort());
  });

  it('ListIdentityPools with MaxResults 7 returns every pool once with its name, in pages of 7', async () => {
    const pages = await allIdentityPages(7);
    assert.equal(pages.length, Math.ceil(POOLS / 7));
    assert.ok(pages.slice(0, -1).every((page) => page.pools.length === 7));
    assert.equal(pages.at(-1)!.pools.length, POOLS % 7 || 7);
    const seen = pages.flatMap((page) => page.pools);
    assert.equal(new Set(seen.map((pool) => pool.id)).size, POOLS);
    for (const pool of seen) assert.equal(pool.name, names.get(pool.id));
    assert.deepEqual(seen.map((pool) => pool.id).sort(), [...poolIds].sort());
  });

  it('ListIdentityPools with MaxResults 60 returns pages of 60, 60, 60, 60, 10', async () => {
    const pages = await allIdentityPages(60);
    assert.deepEqual(pages.map((page) => page.pools.length), [60, 60, 60, 60, 10]);
  });

  it('NextToken is opaque: not a pool id, the same for the same request, and usable only unchanged', async () => {
    const first = await sync.send(new ListIdentityPoolUsageCommand({ MaxResults: 3 }));
    const again = await sync.send(new ListIdentityPoolUsageCommand({ MaxResults: 3 }));
    assert.equal(typeof first.NextToken, 'string');
    assert.equal(first.NextToken, again.NextToken);
    assert.ok(!poolIds.includes(first.NextToken!), 'the token is not a bare pool id');
    assert.ok(!first.NextToken!.includes(':'), 'the token does not expose the pool id');
    const next = await sync.send(new ListIdentityPoolUsageCommand({ MaxResults: 3, NextToken: first.NextToken }));
    assert.equal(next.IdentityPoolUsages?.length, 3);
    const firstIds = first.IdentityPoolUsages!.map((usage) => usage.IdentityPoolId);
    assert.ok(next.IdentityPoolUsages!.every((usage) => !firstIds.includes(usage.IdentityPoolId)));
  });

  it('a page after the pool named by the token was deleted continues where it left off', async () => {
    const first = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 10 }));
    const last = first.IdentityPools!.at(-1)!.IdentityPoolId!;
    await identity.send(new DeleteIdentityPoolCommand({ IdentityPoolId: last }));
    const rest: string[] = [];
    let token = first.NextToken;
    while (token) {
      const page = await identity.send(new ListIdentityPoolsCommand({ MaxResults: 60, NextToken: token }));
      rest.push(...page.IdentityPools!.map((pool) => pool.IdentityPoolId!));
      token = page.NextToken;
    }
    const seen = [...first.IdentityPools!.map((pool) => pool.IdentityPoolId!), ...rest];
    assert.equal(new Set(seen).size, POOLS);
    assert.deepEqual([...seen].sort(), [...poolIds].sort());
  });

  for (const token of ['not-a-token', 'AAA', '!!!', Buffer.from('us-east-1:x').toString('base64').replace(/=+$/, '')]) {
    it(`a NextToken the emulator never issued (${JSON.stringify(token)}) is InvalidParameterException in both services`, async () => {
      await expectError(sync.send(new ListIdentityPoolUsageCommand({ NextToken: token })), InvalidParameterException, 400, /nextToken/i);
      await expectError(identity.send(new ListIdentityPoolsCommand({ MaxResults: 10, NextToken: token })), IdentityInvalidParameterException, 400, /nextToken/i);
    });
  }

  for (const maxResults of [PAGE_SIZE.min - 1, PAGE_SIZE.max + 1, -5]) {
    it(`MaxResults ${maxResults} is InvalidParameterException in both services`, async () => {
      await expectError(sync.send(new ListIdentityPoolUsageCommand({ MaxResults: maxResults })), InvalidParameterException, 400, /maxResults/);
      await expectError(identity.send(new ListIdentityPoolsCommand({ MaxResults: maxResults })), IdentityInvalidParameterException, 400, /maxResults/);
    });
  }

  it(`MaxResults ${PAGE_SIZE.max} (the largest page) is accepted by both services`, async () => {
    assert.equal((await sync.send(new ListIdentityPoolUsageCommand({ MaxResults: PAGE_SIZE.max }))).IdentityPoolUsages?.length, PAGE_SIZE.max);
    assert.equal((await identity.send(new ListIdentityPoolsCommand({ MaxResults: PAGE_SIZE.max }))).IdentityPools?.length, PAGE_SIZE.max);
  });
});
