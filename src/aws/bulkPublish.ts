// Bulk publish of a pool's datasets to its Kinesis stream (asynchronous; one success per 24 h).
import { Caller } from './clients';
import { poolRegion } from './pools';

export type BulkPublishStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'FAILED' | 'SUCCEEDED';

export interface BulkPublishDetails {
  identityPoolId: string;
  status: BulkPublishStatus;
  startTime?: Date;
  /** Set when the status is SUCCEEDED. */
  completeTime?: Date;
  /** Set when the status is FAILED. */
  failureMessage?: string;
}

/** Starts a bulk publish; fails with kind alreadyInProgress or alreadyStreamed when AWS refuses. */
export async function bulkPublish(caller: Caller, identityPoolId: string): Promise<void> {
  const region = poolRegion(caller, identityPoolId, 'BulkPublish');
  await caller.sync(region, 'BulkPublish', { IdentityPoolId: identityPoolId }, identityPoolId);
}

export async function getBulkPublishDetails(caller: Caller, identityPoolId: string): Promise<BulkPublishDetails> {
  const region = poolRegion(caller, identityPoolId, 'GetBulkPublishDetails');
  const output = await caller.sync(region, 'GetBulkPublishDetails', { IdentityPoolId: identityPoolId }, identityPoolId);
  const details: BulkPublishDetails = { identityPoolId, status: (output.BulkPublishStatus as BulkPublishStatus | undefined) ?? 'NOT_STARTED' };
  if (output.BulkPublishStartTime) details.startTime = output.BulkPublishStartTime;
  if (output.BulkPublishCompleteTime) details.completeTime = output.BulkPublishCompleteTime;
  if (output.FailureMessage) details.failureMessage = output.FailureMessage;
  return details;
}
