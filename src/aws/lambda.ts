// Lambda for the sync trigger: the functions of a region (the picker), a function's resource
// policy (may Cognito Sync invoke it for this pool?) and AddPermission (let it). Failures are
// AwsErrors like every other call: kind notAuthorized names the lambda: action that was refused.
import { triggerPermissionRequest } from '../model/triggerPermission';
import { parseLambdaFunctionArn } from '../model/syncTrigger';
import { Caller } from './clients';
import { AwsError } from './errors';
import { ResourceList, collectPages } from './resources';
import * as l10n from '@vscode/l10n';

export interface FunctionSummary {
  arn: string;
  name: string;
  runtime?: string;
  description?: string;
  lastModified?: string;
}

/** ListFunctions pages: the most Lambda returns in one. */
const FUNCTIONS_PAGE_SIZE = 50;

/** Lambda ListFunctions in `region`, sorted by name, every page up to MAX_LISTED_RESOURCES. */
export async function listFunctions(caller: Caller, region: string): Promise<ResourceList<FunctionSummary>> {
  const list = await collectPages<FunctionSummary, string>(async (marker) => {
    const page = await caller.lambda(region, 'ListFunctions', { MaxItems: FUNCTIONS_PAGE_SIZE, Marker: marker });
    const items = (page.Functions ?? []).flatMap((fn): FunctionSummary[] =>
      fn.FunctionArn && fn.FunctionName ? [{ arn: fn.FunctionArn, name: fn.FunctionName, runtime: fn.Runtime, description: fn.Description || undefined, lastModified: fn.LastModified }] : [],
    );
    return { items, next: page.NextMarker || undefined };
  });
  list.items.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  return list;
}

function functionRegion(functionArn: string): string {
  const parsed = parseLambdaFunctionArn(functionArn);
  if (!parsed) throw new AwsError('invalidParameter', l10n.t('"{0}" is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>).', functionArn), { service: 'lambda' });
  return parsed.region;
}

/**
 * The function's resource policy (JSON text), or undefined when it has none: Lambda answers
 * ResourceNotFoundException both for "no policy" and for "no such function", so a missing
 * function also reads as undefined here (AddPermission then says which it was).
 */
export async function getFunctionPolicy(caller: Caller, functionArn: string): Promise<string | undefined> {
  try {
    return (await caller.lambda(functionRegion(functionArn), 'GetPolicy', { FunctionName: functionArn })).Policy;
  } catch (error) {
    if (error instanceof AwsError && error.kind === 'notFound') return undefined;
    throw error;
  }
}

/** AddPermission: cognito-sync.amazonaws.com may invoke the function for this pool (of `accountId`). Returns the statement added. */
export async function addTriggerPermission(caller: Caller, functionArn: string, identityPoolId: string, accountId: string): Promise<string | undefined> {
  const output = await caller.lambda(functionRegion(functionArn), 'AddPermission', triggerPermissionRequest(functionArn, identityPoolId, accountId));
  return output.Statement;
}
