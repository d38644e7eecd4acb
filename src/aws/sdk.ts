// The only place that loads the AWS SDK at run time. Everything else imports SDK *types* only, so
// importing src/aws costs nothing until the first call (requiring the SDK takes ~80 ms; design.md).
import type * as SyncSdk from '@aws-sdk/client-cognito-sync';
import type * as IdentitySdk from '@aws-sdk/client-cognito-identity';
import type * as SnsSdk from '@aws-sdk/client-sns';
import type * as IamSdk from '@aws-sdk/client-iam';
import type * as KinesisSdk from '@aws-sdk/client-kinesis';
import type * as LambdaSdk from '@aws-sdk/client-lambda';
import type * as IniProvider from '@aws-sdk/credential-provider-ini';
import type * as HttpHandler from '@smithy/node-http-handler';
import type * as SharedConfig from '@smithy/core/config';
import type { AwsService } from './errors';

export interface Sdk {
  sync: typeof SyncSdk;
  identity: typeof IdentitySdk;
  ini: typeof IniProvider;
  http: typeof HttpHandler;
}

let sdk: Promise<Sdk> | undefined;
let sharedConfig: Promise<typeof SharedConfig> | undefined;

export function loadSdk(): Promise<Sdk> {
  sdk ??= import('./sdkModules').then(({ sync, identity, ini, http }) => ({ sync, identity, ini, http }));
  return sdk;
}

/** The ARN pickers' SDK clients, each evaluated on its first use (see sdkModules.ts). */
export interface PickerSdks {
  sns: typeof SnsSdk;
  iam: typeof IamSdk;
  kinesis: typeof KinesisSdk;
  lambda: typeof LambdaSdk;
}

const pickerSdks = new Map<keyof PickerSdks, Promise<PickerSdks[keyof PickerSdks]>>();

export function loadPickerSdk<K extends keyof PickerSdks>(name: K): Promise<PickerSdks[K]> {
  let module = pickerSdks.get(name);
  if (!module) {
    module = import('./sdkModules').then((modules) => modules.pickers[name]());
    pickerSdks.set(name, module);
  }
  return module as Promise<PickerSdks[K]>;
}

/** The SDK module holding `service`'s client and commands. */
export async function serviceSdk(service: AwsService): Promise<object> {
  switch (service) {
    case 'cognito-sync':
      return (await loadSdk()).sync;
    case 'cognito-identity':
      return (await loadSdk()).identity;
    default:
      return loadPickerSdk(service);
  }
}

/**
 * The SDK's shared ini loader. `@smithy/core/config` is the module @aws-sdk/credential-provider-ini
 * itself requires, so its file cache is the one fromIni reads: reloading with `ignoreCache: true`
 * here refreshes what the credential provider sees too (a separate copy of
 * @smithy/shared-ini-file-loader would have its own cache and could not do that).
 */
export function loadSharedConfig(): Promise<typeof SharedConfig> {
  sharedConfig ??= import('./sdkModules').then((modules) => modules.sharedConfig);
  return sharedConfig;
}

/** A credentials provider as the SDK clients accept it (`credentials` option). */
export type CredentialProvider = ReturnType<typeof IniProvider.fromIni>;
