// Everything the extension uses of the AWS SDK, in one module. esbuild bundles it apart from the
// extension (dist/sdk.js), and sdk.ts requires it on the first AWS call, so activation neither
// parses nor runs SDK code.
export * as sync from '@aws-sdk/client-cognito-sync';
export * as identity from '@aws-sdk/client-cognito-identity';
export * as ini from '@aws-sdk/credential-provider-ini';
export * as http from '@smithy/node-http-handler';
export * as sharedConfig from '@smithy/core/config';

/**
 * The clients of the ARN pickers' reads (ListPlatformApplications, ListRoles, ListStreams). They
 * are in this bundle too, but run only when a picker first lists: esbuild turns each import()
 * into a deferred require, so the first Cognito call does not pay for evaluating them.
 */
export const pickers = {
  sns: () => import('@aws-sdk/client-sns'),
  iam: () => import('@aws-sdk/client-iam'),
  kinesis: () => import('@aws-sdk/client-kinesis'),
  lambda: () => import('@aws-sdk/client-lambda'),
};
