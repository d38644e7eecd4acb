// The identities of a pool (Cognito Identity, developer credentials): one ListIdentities page at a
// time (a pool may hold millions, so nothing here lists them all), one identity by id or by
// developer user identifier, and its Cognito Sync usage. A denied call names the IAM action and
// the resource pattern that grants it.
import { Caller } from './clients';
import { AwsError } from './errors';
import { poolRegion } from './pools';
import { grantHint } from './grants';
import { identityIdProblem } from '../model/dataset';
import * as l10n from '@vscode/l10n';

/** The largest page ListIdentities and LookupDeveloperIdentity accept (model: QueryLimit 1-60). */
export const IDENTITY_PAGE_SIZE = 60;

export interface IdentitySummary {
  identityId: string;
  /** Provider names, e.g. graph.facebook.com or the pool's developer provider. */
  logins: string[];
  creationDate?: Date;
  lastModified?: Date;
}

export interface IdentityPage {
  identities: IdentitySummary[];
  /** Present while more identities follow. */
  nextToken?: string;
}

export interface IdentityUsage {
  identityId: string;
  datasetCount: number;
  /** Bytes stored for the identity, all datasets. */
  dataStorage: number;
  lastModified?: Date;
}

interface WireIdentity {
  IdentityId?: string;
  Logins?: string[];
  CreationDate?: Date;
  LastModifiedDate?: Date;
}

function identityOf(item: WireIdentity): IdentitySummary {
  return { identityId: item.IdentityId ?? '', logins: item.Logins ?? [], creationDate: item.CreationDate, lastModified: item.LastModifiedDate };
}

/** One page of ListIdentities, in the order AWS returns them. */
export async function listIdentitiesPage(caller: Caller, identityPoolId: string, options: { nextToken?: string; hideDisabled?: boolean } = {}): Promise<IdentityPage> {
  const region = poolRegion(caller, identityPoolId, 'ListIdentities');
  const output = await grantHint(caller, identityPoolId, () =>
    caller.identity(region, 'ListIdentities', { IdentityPoolId: identityPoolId, MaxResults: IDENTITY_PAGE_SIZE, NextToken: options.nextToken, HideDisabled: options.hideDisabled || undefined }, identityPoolId),
  );
  return { identities: (output.Identities ?? []).map(identityOf), nextToken: output.NextToken || undefined };
}

/** One identity of the pool, checked against the model's pattern and the pool's region before any call. */
export async function describeIdentity(caller: Caller, identityPoolId: string, identityId: string): Promise<IdentitySummary> {
  const region = poolRegion(caller, identityPoolId, 'DescribeIdentity');
  const problem = identityIdProblem(identityId, region);
  if (problem) throw new AwsError('invalidParameter', l10n.t('Cognito Identity DescribeIdentity was not sent: {0}', problem), { service: 'cognito-identity', operation: 'DescribeIdentity', identityPoolId, profile: caller.profile });
  const output = await grantHint(caller, identityPoolId, () => caller.identity(region, 'DescribeIdentity', { IdentityId: identityId }, identityPoolId));
  return identityOf(output);
}

/** The pool's developer provider name (DescribeIdentityPool), undefined when it has none. */
export async function developerProviderName(caller: Caller, identityPoolId: string): Promise<string | undefined> {
  const region = poolRegion(caller, identityPoolId, 'DescribeIdentityPool');
  const output = await grantHint(caller, identityPoolId, () => caller.identity(region, 'DescribeIdentityPool', { IdentityPoolId: identityPoolId }, identityPoolId));
  return output.DeveloperProviderName || undefined;
}

/**
 * The identity a developer user identifier is linked to (LookupDeveloperIdentity), undefined when
 * none is. AWS documents this operation as low-throughput: it is called once per search.
 */
export async function lookupDeveloperIdentity(caller: Caller, identityPoolId: string, developerUserIdentifier: string): Promise<string | undefined> {
  const region = poolRegion(caller, identityPoolId, 'LookupDeveloperIdentity');
  try {
    const output = await grantHint(caller, identityPoolId, () =>
      caller.identity(region, 'LookupDeveloperIdentity', { IdentityPoolId: identityPoolId, DeveloperUserIdentifier: developerUserIdentifier, MaxResults: IDENTITY_PAGE_SIZE }, identityPoolId),
    );
    return output.IdentityId || undefined;
  } catch (error) {
    // AWS answers ResourceNotFoundException for an identifier linked to no identity.
    if (error instanceof AwsError && error.kind === 'notFound') return undefined;
    throw error;
  }
}

/** DescribeIdentityUsage (Cognito Sync): datasets and bytes of one identity. */
export async function describeIdentityUsage(caller: Caller, identityPoolId: string, identityId: string): Promise<IdentityUsage> {
  const region = poolRegion(caller, identityPoolId, 'DescribeIdentityUsage');
  const output = await grantHint(caller, identityPoolId, () => caller.sync(region, 'DescribeIdentityUsage', { IdentityPoolId: identityPoolId, IdentityId: identityId }, identityPoolId));
  const usage = output.IdentityUsage ?? {};
  return { identityId, datasetCount: usage.DatasetCount ?? 0, dataStorage: usage.DataStorage ?? 0, lastModified: usage.LastModifiedDate };
}
