// AWS Lambda (rest-json), what the Sync Trigger needs: ListFunctions for the picker, GetPolicy to
// see whether cognito-sync.amazonaws.com may invoke a function, and AddPermission to allow it.
// Functions live per account and region (made by the seed and the admin API); only the
// unpublished version ($LATEST) exists. Choices are in behaviour.ts LAMBDA_FUNCTIONS_PAGE_SIZE.
import { randomUUID } from 'crypto';
import { LAMBDA_FUNCTIONS_PAGE_SIZE } from './behaviour';
import { CallContext, Handler, paginate } from './context';
import { ServiceError } from './errors';
import { FunctionState, getOwn, regionResourcesOf } from './store';

const FUNCTION_REFERENCE = /^(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9_.-]+)(?::(.+))?$/;

const notFound = (what: string) => new ServiceError('ResourceNotFoundException', 404, `Function not found: ${what}`);

/** `2024-01-01T00:00:00.000+0000`, the way Lambda writes LastModified. */
const lambdaDate = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

/** The function a FunctionName (name, ARN or partial ARN) and Qualifier name, in the caller's account and region. */
function requireFunction(context: CallContext, functionName: unknown, qualifier: unknown): FunctionState {
  const reference = String(functionName);
  const [, region, account, name, nameQualifier] = FUNCTION_REFERENCE.exec(reference) ?? [];
  const version = (qualifier as string | undefined) ?? nameQualifier;
  const functions = regionResourcesOf(context.state, context.accountId, context.region)?.functions ?? {};
  const found = name ? getOwn(functions, name) : undefined;
  const elsewhere = (region !== undefined && region !== context.region) || (account !== undefined && account !== context.accountId);
  if (!found || elsewhere || (version !== undefined && version !== '$LATEST')) throw notFound(found ? `${found.arn}${version ? `:${version}` : ''}` : reference);
  return found;
}

function policyOf(lambda: FunctionState): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: lambda.statements });
}

/** The Principal element Lambda writes for AddPermission's Principal. */
function principalElement(principal: string): unknown {
  if (principal === '*') return '*';
  if (/^\d{12}$/.test(principal)) return { AWS: `arn:aws:iam::${principal}:root` };
  if (principal.startsWith('arn:')) return { AWS: principal };
  return { Service: principal };
}

/** A statement as Lambda writes it for AddPermission (also used by the seed). */
export function permissionStatement(lambda: FunctionState, input: { StatementId: string; Action: string; Principal: string; SourceArn?: string; SourceAccount?: string }): Record<string, unknown> {
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceAccount !== undefined) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
  if (input.SourceArn !== undefined) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  return {
    Sid: input.StatementId,
    Effect: 'Allow',
    Principal: principalElement(input.Principal),
    Action: input.Action,
    Resource: lambda.arn,
    ...(Object.keys(condition).length ? { Condition: condition } : {}),
  };
}

function configuration(lambda: FunctionState) {
  return {
    FunctionName: lambda.name,
    FunctionArn: lambda.arn,
    Runtime: lambda.runtime,
    Role: lambda.role,
    Handler: lambda.handler,
    CodeSize: lambda.codeSize,
    Description: lambda.description,
    Timeout: lambda.timeout,
    MemorySize: lambda.memorySize,
    LastModified: lambdaDate(lambda.lastModified),
    Version: '$LATEST',
    RevisionId: lambda.revisionId,
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  };
}

export const lambdaHandlers: Record<string, Handler> = {
  ListFunctions(context, input) {
    const functions = Object.values(regionResourcesOf(context.state, context.accountId, context.region)?.functions ?? {});
    let page;
    try {
      page = paginate(functions, (lambda) => lambda.name, { MaxResults: input.MaxItems, NextToken: input.Marker }, { min: 1, max: 10_000, default: LAMBDA_FUNCTIONS_PAGE_SIZE });
    } catch {
      throw new ServiceError('InvalidParameterValueException', 400, 'Invalid Marker: pass the NextMarker of the previous ListFunctions reply unchanged.');
    }
    return { Functions: page.items.map(configuration), ...(page.nextToken ? { NextMarker: page.nextToken } : {}) };
  },

  GetPolicy(context, input) {
    const lambda = requireFunction(context, input.FunctionName, input.Qualifier);
    if (lambda.statements.length === 0) throw new ServiceError('ResourceNotFoundException', 404, 'The resource you requested does not exist.');
    return { Policy: policyOf(lambda), RevisionId: lambda.revisionId };
  },

  AddPermission(context, input) {
    const lambda = requireFunction(context, input.FunctionName, input.Qualifier);
    if (input.RevisionId !== undefined && input.RevisionId !== lambda.revisionId) {
      throw new ServiceError('PreconditionFailedException', 412, 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id');
    }
    const statementId = String(input.StatementId);
    if (lambda.statements.some((statement) => statement.Sid === statementId)) {
      throw new ServiceError('ResourceConflictException', 409, `The statement id (${statementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`);
    }
    const statement = permissionStatement(lambda, input as { StatementId: string; Action: string; Principal: string; SourceArn?: string; SourceAccount?: string });
    lambda.statements.push(statement);
    lambda.revisionId = randomUUID();
    context.changed();
    return { Statement: JSON.stringify(statement) };
  },
};
