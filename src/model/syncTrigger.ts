// The sync trigger (Cognito Events' SyncTrigger): a Lambda function ARN, parsed and checked
// against the pool it is set on. Pure: no vscode, no AWS SDK.
import { LAMBDA_FUNCTION_ARN_HINT, SYNC_TRIGGER_FIELD } from './fields';
import type { Problem } from './rules';
import * as l10n from '@vscode/l10n';

const LAMBDA_FUNCTION_ARN = new RegExp(SYNC_TRIGGER_FIELD.pattern, 'u');

export interface LambdaFunctionArn {
  region: string;
  accountId: string;
  functionName: string;
  /** A version or alias (`…:function:name:prod`), when given. */
  qualifier?: string;
}

/** The parts of a well-formed Lambda function ARN, or undefined when `arn` is not one. */
export function parseLambdaFunctionArn(arn: string): LambdaFunctionArn | undefined {
  if (!LAMBDA_FUNCTION_ARN.test(arn)) return undefined;
  const [, , , region, accountId, , functionName, qualifier] = arn.split(':');
  return qualifier === undefined ? { region, accountId, functionName } : { region, accountId, functionName, qualifier };
}

/** What is wrong with a text that is not a Lambda function ARN, part by part, so the fix is obvious. */
function malformedLambdaArnReason(arn: string): string {
  if (arn === '') return l10n.t('A sync trigger must not be empty: {0}.', LAMBDA_FUNCTION_ARN_HINT);
  if (/\s/.test(arn)) return l10n.t('A Lambda function ARN contains no spaces or line breaks.');
  const [prefix, partition, service, region = '', account = '', resourceType = '', name = '', ...rest] = arn.split(':');
  if (prefix !== 'arn' || partition === undefined || service === undefined) return l10n.t('Not an ARN: {0}.', LAMBDA_FUNCTION_ARN_HINT);
  if (partition !== 'aws') return l10n.t('Cognito Sync exists only in the aws partition: the ARN must start with arn:aws:lambda:.');
  if (service !== 'lambda') return l10n.t('This is not the ARN of a Lambda function: {0}.', LAMBDA_FUNCTION_ARN_HINT);
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return l10n.t('The fourth part of the ARN must be a region, like us-east-1.');
  if (!/^\d{12}$/.test(account)) return l10n.t('The fifth part of the ARN must be the 12-digit account id.');
  if (resourceType !== 'function') return l10n.t('A sync trigger must be a Lambda function (…:function:<name>): {0}.', LAMBDA_FUNCTION_ARN_HINT);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) return l10n.t('The function name must be 1 to 64 letters, digits, hyphens or underscores.');
  if (rest.length > 1) return l10n.t('After the function name only one version or alias may follow (…:function:<name>:<alias>).');
  return l10n.t('The version or alias after the function name must be $LATEST, a version number or an alias of up to 128 letters, digits, hyphens or underscores.');
}

/**
 * Checks a sync trigger as typed (trimmed by the caller). An error when it is not a Lambda
 * function ARN; a warning when the function is in another region or account than the pool:
 * cross-region or cross-account triggers are unusual but not refused, as a function's resource
 * policy can allow them. Undefined when it is fine.
 */
export function checkSyncTrigger(arn: string, pool: { region?: string; accountId?: string }): Omit<Problem, 'path'> | undefined {
  const parsed = parseLambdaFunctionArn(arn);
  if (!parsed) return { severity: 'error', message: malformedLambdaArnReason(arn) };
  if (pool.region && parsed.region !== pool.region) {
    return { severity: 'warning', message: l10n.t('This function is in {0}, the pool is in {1}: Cognito Sync invokes its sync trigger from the pool\'s region, so check that this is the function you mean.', parsed.region, pool.region) };
  }
  if (pool.accountId && parsed.accountId !== pool.accountId) {
    return { severity: 'warning', message: l10n.t('This function belongs to account {0}, not the pool\'s account {1}: Cognito Sync can only invoke it if the function\'s resource policy allows that.', parsed.accountId, pool.accountId) };
  }
  return undefined;
}
