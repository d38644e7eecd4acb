// AWS IAM, the one read the extension needs: ListRoles (awsQuery). IAM is global: the roles of the
// caller's account, whatever the region (requests must be signed for us-east-1; see server.ts).
// The trust policy comes back URL-encoded (RFC 3986), as IAM returns every policy document.
import { Handler, epochSeconds, paginate } from './context';
import { ServiceError } from './errors';
import { INVALID_MARKER_MESSAGE, VALIDATION_ERRORS } from './behaviour';
import { RoleState, rolesOf } from './store';

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

export const iamHandlers: Record<string, Handler> = {
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
