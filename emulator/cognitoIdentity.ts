// The Cognito Identity operations on pools (identities are in identityOperations.ts). Pools
// created here are the same pools Cognito Sync serves.
import { randomUUID } from 'crypto';
import { Handler, compact, paginate } from './context';
import { invalidParameter, resourceNotFound } from './errors';
import { identityOperationHandlers } from './identityOperations';
import { PoolState, findPool, regionPools, setOwn } from './store';

/** Members of the IdentityPool structure besides the id (model shape `IdentityPool`). */
const POOL_MEMBERS = [
  'IdentityPoolName',
  'AllowUnauthenticatedIdentities',
  'AllowClassicFlow',
  'SupportedLoginProviders',
  'DeveloperProviderName',
  'OpenIdConnectProviderARNs',
  'CognitoIdentityProviders',
  'SamlProviderARNs',
  'IdentityPoolTags',
] as const;

function pickPoolMembers(input: Record<string, unknown>): Record<string, unknown> {
  return compact(Object.fromEntries(POOL_MEMBERS.map((name) => [name, input[name]])));
}

function notFound(poolId: unknown) {
  return resourceNotFound(`IdentityPool '${String(poolId)}' not found.`);
}

export const cognitoIdentityHandlers: Record<string, Handler> = {
  ...identityOperationHandlers,

  CreateIdentityPool(context, input) {
    const id = `${context.region}:${randomUUID()}`;
    const identityPool = { IdentityPoolId: id, ...pickPoolMembers(input) } as PoolState['identityPool'];
    setOwn(regionPools(context.state, context.accountId, context.region), id, {
      identityPool,
      created: context.now,
      lastModified: context.now,
      syncSessions: 0,
      events: {},
      identities: {},
      devices: {},
    });
    context.changed();
    return { ...identityPool };
  },

  DescribeIdentityPool(context, input) {
    const pool = findPool(context.state, context.accountId, context.region, String(input.IdentityPoolId));
    if (!pool) throw notFound(input.IdentityPoolId);
    return { ...pool.identityPool };
  },

  UpdateIdentityPool(context, input) {
    const pool = findPool(context.state, context.accountId, context.region, String(input.IdentityPoolId));
    if (!pool) throw notFound(input.IdentityPoolId);
    const previousProvider = pool.identityPool.DeveloperProviderName;
    if (previousProvider !== undefined && input.DeveloperProviderName !== undefined && input.DeveloperProviderName !== previousProvider) {
      throw invalidParameter('The developer provider name of an identity pool cannot be changed once it is set.');
    }
    const next = pickPoolMembers(input);
    // Tags are managed by TagResource/UntagResource; an update that omits them keeps them.
    if (next.IdentityPoolTags === undefined && pool.identityPool.IdentityPoolTags !== undefined) next.IdentityPoolTags = pool.identityPool.IdentityPoolTags;
    pool.identityPool = { IdentityPoolId: String(input.IdentityPoolId), ...next } as PoolState['identityPool'];
    pool.lastModified = context.now;
    context.changed();
    return { ...pool.identityPool };
  },

  DeleteIdentityPool(context, input) {
    const pools = regionPools(context.state, context.accountId, context.region);
    const id = String(input.IdentityPoolId);
    if (!findPool(context.state, context.accountId, context.region, id)) throw notFound(id);
    delete pools[id];
    context.changed();
    return undefined;
  },

  ListIdentityPools(context, input) {
    const pools = Object.values(regionPools(context.state, context.accountId, context.region));
    // MaxResults is required and bounded 1..60 by the model, validated before this runs.
    const page = paginate(pools, (pool) => pool.identityPool.IdentityPoolId, input, { min: 1, max: 60, default: 60 });
    return compact({
      IdentityPools: page.items.map((pool) => ({ IdentityPoolId: pool.identityPool.IdentityPoolId, IdentityPoolName: pool.identityPool.IdentityPoolName })),
      NextToken: page.nextToken,
    });
  },
};
