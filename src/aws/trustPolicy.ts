// Reading a role's trust policy (AssumeRolePolicyDocument) as ListRoles returns it: URL-encoded
// JSON. Used to put the roles Cognito Sync can assume first in the role picker, so it must never
// throw: a policy it cannot read simply does not count as trusting.

/** The service principal a push sync or streams role must trust. */
export const COGNITO_SYNC_PRINCIPAL = 'cognito-sync.amazonaws.com';

const ASSUME_ROLE = 'sts:assumerole';

/**
 * The policy document as a value, or undefined when it cannot be read. IAM returns it URL-encoded
 * (RFC 3986, which never leaves a `+` unencoded, so a `+` there is a form-encoded space); some
 * tools and emulators return the JSON itself.
 */
export function decodePolicyDocument(text: string | undefined): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const raw = () => text;
  const encoded = () => decodeURIComponent(text.replace(/\+/g, '%20'));
  const candidates = /^\s*[{[]/.test(text) ? [raw, encoded] : [encoded, raw];
  for (const candidate of candidates) {
    try {
      return JSON.parse(candidate());
    } catch {
      // Not this encoding: try the next.
    }
  }
  return undefined;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An IAM action pattern (`sts:*`, `*`, `sts:Assume?ole`, `sts:AssumeRole`) matches sts:AssumeRole, case-insensitively. */
function matchesAssumeRole(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  const source = [...pattern.trim().toLowerCase()].map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\]/, '\\$&'))).join('');
  return new RegExp(`^${source}$`).test(ASSUME_ROLE);
}

/** The statement lets (or, for Deny, forbids) `service` as a service principal to call sts:AssumeRole. */
function statementCovers(statement: Record<string, unknown>, service: string, wildcardPrincipal: boolean): boolean {
  const principal = statement.Principal;
  const named = isRecord(principal) && asList(principal.Service).some((entry) => typeof entry === 'string' && entry.trim().toLowerCase() === service);
  const everyone = wildcardPrincipal && (principal === '*' || (isRecord(principal) && asList(principal.AWS).includes('*')));
  if (!named && !everyone) return false;
  if (statement.Action !== undefined) return asList(statement.Action).some(matchesAssumeRole);
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some(matchesAssumeRole);
  return false;
}

/**
 * Whether the trust policy (URL-encoded JSON, as ListRoles returns it) allows `service` as a
 * service principal to assume the role: an Allow statement naming it (with sts:AssumeRole or a
 * wildcard covering it) and no Deny statement covering it. Conditions are not evaluated, and a
 * `*` principal does not count: it is not a role made for the service. Never throws.
 */
export function trustPolicyAllowsService(document: string | undefined, service: string = COGNITO_SYNC_PRINCIPAL): boolean {
  try {
    const policy = decodePolicyDocument(document);
    if (!isRecord(policy)) return false;
    const statements = asList(policy.Statement).filter(isRecord);
    const wanted = service.toLowerCase();
    const effect = (statement: Record<string, unknown>) => (typeof statement.Effect === 'string' ? statement.Effect.trim().toLowerCase() : '');
    const allowed = statements.some((statement) => effect(statement) === 'allow' && statementCovers(statement, wanted, false));
    const denied = statements.some((statement) => effect(statement) === 'deny' && statementCovers(statement, wanted, true));
    return allowed && !denied;
  } catch {
    return false;
  }
}
