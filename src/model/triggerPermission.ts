// The Lambda permission a sync trigger needs: Cognito Sync (the service principal) may invoke the
// function for this pool (SourceArn = the pool's ARN). Reading a function's resource policy as
// GetPolicy returns it, and the statement AddPermission would add. Pure: no vscode, no AWS SDK.

export const COGNITO_SYNC_SERVICE = 'cognito-sync.amazonaws.com';

/** `arn:aws:cognito-identity:<region>:<account>:identitypool/<pool id>` (the pool id carries the region). */
export function identityPoolArn(identityPoolId: string, accountId: string): string {
  const region = identityPoolId.slice(0, identityPoolId.indexOf(':'));
  return `arn:aws:cognito-identity:${region}:${accountId}:identitypool/${identityPoolId}`;
}

/** A statement id (Lambda allows [A-Za-z0-9_-], 100 at most) that names the pool. */
export function triggerStatementId(identityPoolId: string): string {
  return `CognitoSyncTrigger-${identityPoolId.replace(/[^A-Za-z0-9_-]/g, '-')}`.slice(0, 100);
}

/** What AddPermission is sent: lambda:InvokeFunction for cognito-sync.amazonaws.com from this pool only. */
export function triggerPermissionRequest(functionArn: string, identityPoolId: string, accountId: string) {
  return {
    FunctionName: functionArn,
    StatementId: triggerStatementId(identityPoolId),
    Action: 'lambda:InvokeFunction',
    Principal: COGNITO_SYNC_SERVICE,
    SourceArn: identityPoolArn(identityPoolId, accountId),
    SourceAccount: accountId,
  };
}

/** The statement that request adds, as Lambda writes it into the policy (shown before asking). */
export function triggerPermissionStatement(functionArn: string, identityPoolId: string, accountId: string): Record<string, unknown> {
  return {
    Sid: triggerStatementId(identityPoolId),
    Effect: 'Allow',
    Principal: { Service: COGNITO_SYNC_SERVICE },
    Action: 'lambda:InvokeFunction',
    Resource: functionArn,
    Condition: { StringEquals: { 'AWS:SourceAccount': accountId }, ArnLike: { 'AWS:SourceArn': identityPoolArn(identityPoolId, accountId) } },
  };
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** IAM's wildcard match (`*`, `?`), case-sensitive as ARN conditions are. */
function wildcardMatch(pattern: string, text: string, ignoreCase = false): boolean {
  const source = [...pattern].map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\]/, '\\$&'))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(text);
}

/** Every condition of the statement that names SourceArn or SourceAccount lets this pool through. */
function conditionsAdmit(condition: unknown, poolArn: string, accountId: string): boolean {
  if (condition === undefined) return true;
  if (!isRecord(condition)) return false;
  for (const [operator, entries] of Object.entries(condition)) {
    if (!isRecord(entries)) return false;
    for (const [key, values] of Object.entries(entries)) {
      const name = key.toLowerCase();
      const wanted = name === 'aws:sourcearn' ? poolArn : name === 'aws:sourceaccount' ? accountId : undefined;
      // A condition on anything else cannot be judged here: it does not count as allowing.
      if (wanted === undefined) return false;
      const like = /like$/i.test(operator.replace(/IfExists$/, ''));
      const equals = /^(arnequals|stringequals|arnlike|stringlike)$/i.test(operator.replace(/IfExists$/, ''));
      if (!equals) return false;
      if (!asList(values).some((value) => typeof value === 'string' && (like ? wildcardMatch(value, wanted) : value === wanted))) return false;
    }
  }
  return true;
}

/**
 * Whether the function's resource policy (GetPolicy's Policy, JSON text) lets Cognito Sync invoke
 * it for the pool: an Allow statement for the cognito-sync service principal with
 * lambda:InvokeFunction (or a wildcard covering it) whose SourceArn / SourceAccount conditions, if
 * any, admit the pool. Deny statements are not weighed (Lambda resource policies rarely hold them).
 * Never throws: a policy it cannot read does not allow.
 */
export function policyAllowsTrigger(policyText: string | undefined, identityPoolId: string, accountId: string): boolean {
  let policy: unknown;
  try {
    policy = policyText === undefined ? undefined : JSON.parse(policyText);
  } catch {
    return false;
  }
  if (!isRecord(policy)) return false;
  const poolArn = identityPoolArn(identityPoolId, accountId);
  return asList(policy.Statement).some((statement) => {
    if (!isRecord(statement) || statement.Effect !== 'Allow') return false;
    const principal = statement.Principal;
    const forSync = isRecord(principal) && asList(principal.Service).includes(COGNITO_SYNC_SERVICE);
    const invokes = asList(statement.Action).some((action) => typeof action === 'string' && wildcardMatch(action, 'lambda:InvokeFunction', true));
    return forSync && invokes && conditionsAdmit(statement.Condition, poolArn, accountId);
  });
}
