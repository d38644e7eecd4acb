// A denied data-plane call says which IAM resource pattern grants it, not only the action: the
// usual mistake is a policy on the pool's ARN alone, while Cognito Sync authorizes identity and
// dataset calls on `identitypool/<pool>/identity/*` and `.../dataset/*` (aws-sdk-java #1912:
// ListDatasets denied on `.../dataset/null`).
import { Caller } from './clients';
import { AwsError, iamAction } from './errors';
import { regionOfPoolId } from './regions';
import * as l10n from '@vscode/l10n';

/** Operations authorized on an identity's datasets (ListDatasets included, see above). */
const DATASET_OPERATIONS = new Set(['ListDatasets', 'DescribeDataset', 'ListRecords', 'UpdateRecords', 'DeleteDataset', 'SubscribeToDataset', 'UnsubscribeFromDataset']);
const IDENTITY_OPERATIONS = new Set(['DescribeIdentityUsage', 'RegisterDevice']);

/** The IAM resource pattern that grants `operation` of `service` on the pool's data. */
export function grantResource(service: string, operation: string, identityPoolId: string, account = '<account>'): string {
  const region = regionOfPoolId(identityPoolId) ?? '<region>';
  const pool = `arn:aws:${service}:${region}:${account}:identitypool/${identityPoolId}`;
  if (service !== 'cognito-sync') return pool;
  if (DATASET_OPERATIONS.has(operation)) return `${pool}/identity/*/dataset/*`;
  if (IDENTITY_OPERATIONS.has(operation)) return `${pool}/identity/*`;
  return pool;
}

/** The account id AWS named in a denial (its messages quote the principal's or the resource's ARN). */
function accountIn(message: string): string | undefined {
  return /arn:aws[\w-]*:[\w-]*:[\w-]*:(\d{12}):/.exec(message)?.[1];
}

/** Runs `call`; a denial is rethrown with the grant's resource pattern in its message and details. */
export async function grantHint<T>(caller: Caller, identityPoolId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof AwsError) || error.kind !== 'notAuthorized' || !error.details.operation) throw error;
    const resource = grantResource(error.details.service ?? 'cognito-sync', error.details.operation, identityPoolId, accountIn(error.message));
    throw new AwsError('notAuthorized', l10n.t('{0} The grant needs action {1} on resource {2}.', error.message, iamAction(error.details), resource), { ...error.details, resource, profile: error.details.profile ?? caller.profile });
  }
}
