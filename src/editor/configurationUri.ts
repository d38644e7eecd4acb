// Addresses of pool configuration documents:
//   cognito-sync:/<profile>/<pool name>.cognito-sync.json?<identity pool id>
// The file name ends in .cognito-sync.json so the JSON schema and the form editor apply, the tab
// shows the pool's name, and the profile in the path keeps one profile's document from ever
// being saved through another profile's credentials.
import * as vscode from 'vscode';

export const CONFIGURATION_SCHEME = 'cognito-sync';
export const CONFIGURATION_SUFFIX = '.cognito-sync.json';

export interface ConfigurationAddress {
  profile: string;
  identityPoolId: string;
  poolName?: string;
}

export function configurationUri(address: ConfigurationAddress): vscode.Uri {
  // Pool names match [\w\s+=,.@-]+ (no slash); the id is the fallback name.
  const name = address.poolName && !/[\\/]/.test(address.poolName) ? address.poolName : address.identityPoolId;
  return vscode.Uri.from({ scheme: CONFIGURATION_SCHEME, path: `/${address.profile}/${name}${CONFIGURATION_SUFFIX}`, query: address.identityPoolId });
}

export function parseConfigurationUri(uri: vscode.Uri): ConfigurationAddress | undefined {
  if (uri.scheme !== CONFIGURATION_SCHEME) return undefined;
  const match = /^\/([^/]+)\/([^/]+)\.cognito-sync\.json$/.exec(uri.path);
  if (!match || !/^[\w-]+:[0-9a-f-]+$/.test(uri.query)) return undefined;
  return { profile: match[1], poolName: match[2] === uri.query ? undefined : match[2], identityPoolId: uri.query };
}
