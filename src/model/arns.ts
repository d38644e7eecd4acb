// ARN helpers: the account and region an ARN names, and the account a pool's configuration
// points to. Pure: no vscode, no AWS SDK.
import type { SyncConfiguration } from './configuration';

/** The account in an IAM or SNS ARN (`arn:aws:<service>:<region>:<account>:…`). */
export function accountOfArn(arn: string): string | undefined {
  return /^arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/.exec(arn)?.[1];
}

export function regionOfArn(arn: string): string | undefined {
  return /^arn:aws[\w-]*:[\w-]+:([\w-]+):/.exec(arn)?.[1];
}

/**
 * The account a pool most likely belongs to, read from the ARNs of its configuration (roles and
 * SNS applications); undefined when they name none or disagree. The Cognito Sync API does not
 * say a pool's account, and ARNs in the pool's own configuration are the best evidence at hand.
 */
export function accountOfConfiguration(configuration: SyncConfiguration | undefined): string | undefined {
  const arns = [configuration?.CognitoStreams?.RoleArn, configuration?.PushSync?.RoleArn, ...(configuration?.PushSync?.ApplicationArns ?? [])];
  const accounts = new Set(arns.flatMap((arn) => {
    const account = arn === undefined ? undefined : accountOfArn(arn);
    return account ? [account] : [];
  }));
  return accounts.size === 1 ? [...accounts][0] : undefined;
}
