// The policies of the roles Cognito Sync assumes, as "Create role…" writes them: the trust policy
// (cognito-sync.amazonaws.com, sts:AssumeRole, only for this pool of this account) and the least
// permissions of each role (push sync: sns:Publish to the endpoints of the pool's platform
// applications; streams: kinesis:PutRecord/PutRecords on one stream). Pure: no vscode, no AWS SDK.
import { COGNITO_SYNC_SERVICE, identityPoolArn } from './triggerPermission';
import * as l10n from '@vscode/l10n';

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Record<string, unknown>[];
}

/** The trust policy of the push sync and streams roles (the guide's, for push sync). */
export function cognitoSyncTrustPolicy(identityPoolId: string, accountId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: COGNITO_SYNC_SERVICE },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': accountId }, ArnLike: { 'aws:SourceArn': identityPoolArn(identityPoolId, accountId) } },
      },
    ],
  };
}

const APPLICATION_ARN = /^(arn:[\w-]+:sns:[\w-]+:\d{12}:)app\/([^/]+)\/(.+)$/;

/** sns:Publish to the endpoints of these platform applications (`…:endpoint/<platform>/<name>/*`). */
export function pushSyncPermissions(applicationArns: readonly string[]): PolicyDocument {
  const endpoints = [...new Set(applicationArns.flatMap((arn) => {
    const match = APPLICATION_ARN.exec(arn.trim());
    return match ? [`${match[1]}endpoint/${match[2]}/${match[3]}/*`] : [];
  }))].sort();
  if (endpoints.length === 0) throw new Error(l10n.t('Push sync needs at least one SNS platform application ARN (…:app/<platform>/<name>) to scope the role to.'));
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: endpoints }] };
}

/** kinesis:PutRecord and PutRecords on the one stream. */
export function streamsPermissions(streamArn: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: streamArn }] };
}

/** `arn:aws:kinesis:<region>:<account>:stream/<name>`. */
export function streamArn(region: string, accountId: string, streamName: string): string {
  return `arn:aws:kinesis:${region}:${accountId}:stream/${streamName}`;
}
