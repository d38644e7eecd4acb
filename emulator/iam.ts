// AWS IAM, what the extension needs: ListRoles for the picker, and CreateRole, PutRolePolicy,
// GetRole, GetRolePolicy for "Create role…" (awsQuery). IAM is global: the roles of the caller's
// account, whatever the region (requests must be signed for us-east-1; see server.ts). Policy
// documents come back URL-encoded (RFC 3986), as IAM returns every policy document.
import { Handler, epochSeconds, paginate } from './context';
import { ServiceError } from './errors';
import { INVALID_MARKER_MESSAGE, VALIDATION_ERRORS } from './behaviour';
import { addRole } from './resources';
import { RoleState, getOwn, rolesOf, setOwn } from './store';

/** MaxItems when omitted (documented). */
export const ROLES_DEFAULT_PAGE_SIZE = 100;

/** IAM's global endpoint takes requests signed for this region only. */
export const IAM_SIGNING_REGION = 'us-east-1';

/** RFC 3986 percent-encoding: encodeURIComponent plus the five characters it leaves alone. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

function roleOutput(role: RoleState): Record<string, unknown> {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: Math.floor(epochSeconds(role.created)),
    AssumeRolePolicyDocument: encodeRfc3986(role.assumeRolePolicyDocument),
    ...(role.description !== undefined ? { Description: role.description } : {}),
    MaxSessionDuration: role.maxSessionDuration,
  };
}

const noSuchEntity = (message: string) => new ServiceError('NoSuchEntityException', 404, message);

/** The role named `name` (IAM role names ignore case; behaviour.ts IAM_ROLE_NAMES_IGNORE_CASE). */
function findRole(roles: RoleState[], name: string): RoleState | undefined {
  const lower = name.toLowerCase();
  return roles.find((role) => role.roleName.toLowerCase() === lower);
}

function requireRole(roles: RoleState[], name: unknown): RoleState {
  const role = findRole(roles, String(name));
  if (!role) throw noSuchEntity(`The role with name ${String(name)} cannot be found.`);
  return role;
}

/** A policy IAM would parse: a JSON object with a Statement (behaviour.ts IAM_ROLE_NAMES_IGNORE_CASE). */
function checkPolicy(document: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new ServiceError('MalformedPolicyDocumentException', 400, 'This policy contains invalid Json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('Statement' in parsed)) {
    throw new ServiceError('MalformedPolicyDocumentException', 400, 'Syntax errors in policy: a policy needs a Statement.');
  }
}

export const iamHandlers: Record<string, Handler> = {
  CreateRole(context, input) {
    const name = String(input.RoleName);
    if (findRole(rolesOf(context.state, context.accountId), name)) throw new ServiceError('EntityAlreadyExistsException', 409, `Role with name ${name} already exists.`);
    const document = String(input.AssumeRolePolicyDocument);
    checkPolicy(document);
    const role = addRole(context.state, context.accountId, {
      name,
      path: typeof input.Path === 'string' ? input.Path : '/',
      assumeRolePolicyDocument: document,
      description: typeof input.Description === 'string' ? input.Description : undefined,
      created: context.now,
    });
    if (typeof input.MaxSessionDuration === 'number') role.maxSessionDuration = input.MaxSessionDuration;
    context.changed();
    return { Role: roleOutput(role) };
  },

  GetRole(context, input) {
    return { Role: roleOutput(requireRole(rolesOf(context.state, context.accountId), input.RoleName)) };
  },

  PutRolePolicy(context, input) {
    const role = requireRole(rolesOf(context.state, context.accountId), input.RoleName);
    const document = String(input.PolicyDocument);
    checkPolicy(document);
    setOwn((role.inlinePolicies ??= {}), String(input.PolicyName), document);
    context.changed();
    return undefined;
  },

  GetRolePolicy(context, input) {
    const role = requireRole(rolesOf(context.state, context.accountId), input.RoleName);
    const document = getOwn(role.inlinePolicies ?? {}, String(input.PolicyName));
    if (document === undefined) throw noSuchEntity(`The role policy with name ${String(input.PolicyName)} cannot be found.`);
    return { RoleName: role.roleName, PolicyName: String(input.PolicyName), PolicyDocument: encodeRfc3986(document) };
  },

  ListRoles(context, input) {
    const prefix = typeof input.PathPrefix === 'string' ? input.PathPrefix : '/';
    const roles = rolesOf(context.state, context.accountId).filter((role) => role.path.startsWith(prefix));
    // MaxItems is bounded 1..1000 by the model, validated before this runs.
    const limits = { min: 1, max: 1000, default: ROLES_DEFAULT_PAGE_SIZE };
    let page;
    try {
      page = paginate(roles, (role) => role.roleName, { MaxResults: input.MaxItems, NextToken: input.Marker }, limits);
    } catch {
      throw new ServiceError(VALIDATION_ERRORS.iam, 400, INVALID_MARKER_MESSAGE);
    }
    return {
      Roles: page.items.map(roleOutput),
      IsTruncated: page.nextToken !== undefined,
      ...(page.nextToken ? { Marker: page.nextToken } : {}),
    };
  },
};
