// Cognito Identity's identities: GetId (unsigned), ListIdentities, DescribeIdentity, the developer
// operations (GetOpenIdTokenForDeveloperIdentity, LookupDeveloperIdentity,
// MergeDeveloperIdentities) and DeleteIdentities. Choices the docs leave open are in behaviour.ts.
import { randomUUID } from 'crypto';
import { UNAUTHENTICATED_NOT_SUPPORTED } from './behaviour';
import { CallContext, Handler, compact, epochSeconds, paginate } from './context';
import { ServiceError, invalidParameter, resourceNotFound } from './errors';
import { addIdentity, findByLogin, knownIdentities, linkLogin, mergeIdentities } from './identities';
import { IdentityRecord, IdentityState, PoolState, findPool, findPoolById, getOwn } from './store';

const notAuthorized = (message: string) => new ServiceError('NotAuthorizedException', 400, message);
const conflict = (message: string) => new ServiceError('ResourceConflictException', 400, message);

function requirePool(context: CallContext, poolId: unknown): PoolState {
  const pool = findPool(context.state, context.accountId, context.region, String(poolId));
  if (!pool) throw resourceNotFound(`IdentityPool '${String(poolId)}' not found.`);
  return pool;
}

function describe(id: string, identity: IdentityRecord) {
  return { IdentityId: id, Logins: Object.keys(identity.logins), CreationDate: epochSeconds(identity.created), LastModifiedDate: epochSeconds(identity.lastModified) };
}

/** The providers a pool accepts logins from (SupportedLoginProviders, user pools, OpenID Connect). */
function loginProviders(pool: PoolState): Set<string> {
  const poolInfo = pool.identityPool;
  const providers = new Set(Object.keys((poolInfo.SupportedLoginProviders as Record<string, string> | undefined) ?? {}));
  for (const provider of (poolInfo.CognitoIdentityProviders as { ProviderName?: string }[] | undefined) ?? []) if (provider.ProviderName) providers.add(provider.ProviderName);
  for (const arn of (poolInfo.OpenIdConnectProviderARNs as string[] | undefined) ?? []) providers.add(arn.replace(/^arn:aws:iam::\d{12}:oidc-provider\//, ''));
  return providers;
}

/** The pool's developer provider; `named` (when given) must be it. */
function developerProvider(pool: PoolState, poolId: string, named?: string): string {
  const provider = pool.identityPool.DeveloperProviderName as string | undefined;
  if (!provider) throw invalidParameter(`Identity pool ${poolId} has no developer provider name; set DeveloperProviderName with UpdateIdentityPool first.`);
  if (named !== undefined && named !== provider) throw invalidParameter(`Developer provider '${named}' is not the developer provider of identity pool ${poolId} ('${provider}').`);
  return provider;
}

type KnownIdentity = IdentityState & { cognito: IdentityRecord };

function knownIdentity(pool: PoolState, id: string): KnownIdentity | undefined {
  const identity = getOwn(pool.identities, id);
  return identity?.cognito ? (identity as KnownIdentity) : undefined;
}

/** `region:GUID` for a new identity of the pool's region. */
const newIdentityId = (poolId: string) => `${poolId.split(':')[0]}:${randomUUID()}`;

export const identityOperationHandlers: Record<string, Handler> = {
  GetId(context, input) {
    const poolId = String(input.IdentityPoolId);
    const found = findPoolById(context.state, poolId);
    if (!found || (input.AccountId !== undefined && input.AccountId !== found.accountId)) throw resourceNotFound(`IdentityPool '${poolId}' not found.`);
    const pool = found.pool;
    const logins = Object.entries((input.Logins as Record<string, string> | undefined) ?? {});
    if (logins.length === 0) {
      if (pool.identityPool.AllowUnauthenticatedIdentities !== true) throw notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
      const id = newIdentityId(poolId);
      addIdentity(pool, { id, now: context.now });
      context.changed();
      return { IdentityId: id };
    }
    const providers = loginProviders(pool);
    const unknown = logins.find(([provider]) => !providers.has(provider));
    if (unknown) throw notAuthorized(`Invalid login token. Provider ${unknown[0]} is not configured for identity pool ${poolId}.`);
    const linked = new Set(logins.map(([provider, token]) => findByLogin(pool, provider, token)?.[0]).filter((id): id is string => id !== undefined));
    if (linked.size > 1) throw conflict('The logins belong to different identities.');
    const id = [...linked][0] ?? newIdentityId(poolId);
    const identity = knownIdentity(pool, id) ?? (addIdentity(pool, { id, now: context.now }) as KnownIdentity);
    for (const [provider, token] of logins) linkLogin(identity, provider, token, context.now);
    context.changed();
    return { IdentityId: id };
  },

  ListIdentities(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const identities = knownIdentities(pool).filter(([, identity]) => !(input.HideDisabled === true && identity.cognito.disabled));
    // MaxResults is required and bounded 1..60 by the model, validated before this runs.
    const page = paginate(identities, ([id]) => id, input, { min: 1, max: 60, default: 60 });
    return compact({ IdentityPoolId: poolId, Identities: page.items.map(([id, identity]) => describe(id, identity.cognito)), NextToken: page.nextToken });
  },

  DescribeIdentity(context, input) {
    const id = String(input.IdentityId);
    for (const pool of Object.values(context.state.accounts[context.accountId]?.[context.region] ?? {})) {
      const identity = knownIdentity(pool, id);
      if (identity) return describe(id, identity.cognito);
    }
    throw resourceNotFound(`Identity '${id}' not found.`);
  },

  GetOpenIdTokenForDeveloperIdentity(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const provider = developerProvider(pool, poolId);
    const logins = (input.Logins as Record<string, string>) ?? {};
    const user = getOwn(logins, provider);
    if (user === undefined) throw invalidParameter(`Logins must name the pool's developer provider '${provider}'.`);
    const owner = findByLogin(pool, provider, user)?.[0];
    let id: string;
    if (input.IdentityId !== undefined) {
      id = String(input.IdentityId);
      if (!knownIdentity(pool, id)) throw resourceNotFound(`Identity '${id}' not found.`);
      if (owner !== undefined && owner !== id) throw new ServiceError('DeveloperUserAlreadyRegisteredException', 400, `Developer user '${user}' is already registered with another identity of identity pool ${poolId}.`);
    } else {
      id = owner ?? newIdentityId(poolId);
    }
    const identity = knownIdentity(pool, id) ?? (addIdentity(pool, { id, now: context.now }) as KnownIdentity);
    linkLogin(identity, provider, user, context.now);
    context.changed();
    const duration = (input.TokenDuration as number | undefined) ?? 15 * 60;
    const claims = { iss: 'https://cognito-identity.amazonaws.com', aud: poolId, sub: id, exp: Math.floor(context.now / 1000) + duration };
    return { IdentityId: id, Token: `emulator.${Buffer.from(JSON.stringify(claims)).toString('base64url')}` };
  },

  LookupDeveloperIdentity(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const provider = developerProvider(pool, poolId);
    if (input.IdentityId === undefined && input.DeveloperUserIdentifier === undefined) throw invalidParameter('Either IdentityId or DeveloperUserIdentifier must be given.');
    let id = input.IdentityId as string | undefined;
    if (input.DeveloperUserIdentifier !== undefined) {
      const owner = findByLogin(pool, provider, String(input.DeveloperUserIdentifier))?.[0];
      if (owner === undefined) throw resourceNotFound(`Developer user '${String(input.DeveloperUserIdentifier)}' not found in identity pool ${poolId}.`);
      if (id !== undefined && id !== owner) throw conflict(`Developer user '${String(input.DeveloperUserIdentifier)}' does not belong to identity ${id}.`);
      id = owner;
    }
    const identity = knownIdentity(pool, id!);
    if (!identity) throw resourceNotFound(`Identity '${id}' not found.`);
    const users = (getOwn(identity.cognito.logins, provider) ?? []).map((user) => ({ user }));
    const page = paginate(users, ({ user }) => user, input, { min: 1, max: 60, default: 60 });
    return compact({ IdentityId: id, DeveloperUserIdentifierList: page.items.map(({ user }) => user), NextToken: page.nextToken });
  },

  MergeDeveloperIdentities(context, input) {
    const poolId = String(input.IdentityPoolId);
    const pool = requirePool(context, poolId);
    const provider = developerProvider(pool, poolId, String(input.DeveloperProviderName));
    const source = findByLogin(pool, provider, String(input.SourceUserIdentifier))?.[0];
    const destination = findByLogin(pool, provider, String(input.DestinationUserIdentifier))?.[0];
    if (source === undefined) throw resourceNotFound(`Developer user '${String(input.SourceUserIdentifier)}' not found in identity pool ${poolId}.`);
    if (destination === undefined) throw resourceNotFound(`Developer user '${String(input.DestinationUserIdentifier)}' not found in identity pool ${poolId}.`);
    if (source === destination) throw conflict(`Developer users '${String(input.SourceUserIdentifier)}' and '${String(input.DestinationUserIdentifier)}' already share identity ${destination}.`);
    mergeIdentities(pool, source, destination, context.now);
    context.changed();
    return { IdentityId: destination };
  },

  DeleteIdentities(context, input) {
    const pools = Object.values(context.state.accounts[context.accountId]?.[context.region] ?? {});
    for (const id of input.IdentityIdsToDelete as string[]) {
      const pool = pools.find((candidate) => knownIdentity(candidate, id));
      if (pool) delete pool.identities[id];
    }
    context.changed();
    return { UnprocessedIdentityIds: [] };
  },
};
