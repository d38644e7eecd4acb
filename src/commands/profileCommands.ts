// Profile and region pickers. Both write the settings; the settings listener does the switching,
// so a change made in settings.json behaves exactly like one made here.
import * as vscode from 'vscode';
import { COGNITO_SYNC_REGIONS, AwsSession } from '../aws';
import { profileKindLabel, regionName } from '../explorer/presentation';

export async function selectProfile(session: AwsSession): Promise<void> {
  const snapshot = await session.listProfiles();
  if (snapshot.profiles.length === 0) {
    const open = vscode.l10n.t('Open AWS Config File');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('No AWS profile found in {0} or {1}. Add one (for example with "aws configure") and try again.', snapshot.files.configFile, snapshot.files.credentialsFile),
      open,
    );
    if (choice === open) await vscode.commands.executeCommand('cognitoSync.openAwsConfigFile');
    return;
  }
  const active = session.profileName;
  const items = snapshot.profiles.map((profile) => ({
    label: profile.name === active ? `$(check) ${profile.name}` : profile.name,
    description: [profileKindLabel(profile.kind), profile.region].filter(Boolean).join(' · '),
    detail: profile.endpointUrl ? vscode.l10n.t('endpoint {0}', profile.endpointUrl) : undefined,
    profileName: profile.name,
  }));
  items.sort((a, b) => (a.profileName === active ? -1 : b.profileName === active ? 1 : 0));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Cognito Sync: Select AWS Profile'),
    placeHolder: vscode.l10n.t('Current profile: {0}', active),
    matchOnDescription: true,
  });
  if (!picked || picked.profileName === active) return;
  await vscode.workspace.getConfiguration('cognitoSync').update('profile', picked.profileName, vscode.ConfigurationTarget.Global);
}

export async function selectRegions(current: readonly string[]): Promise<void> {
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem & { region: string }>();
  picker.title = vscode.l10n.t('Cognito Sync: Select Regions');
  picker.placeholder = vscode.l10n.t('Regions whose identity pools are listed');
  picker.canSelectMany = true;
  picker.items = COGNITO_SYNC_REGIONS.map((region) => ({ label: region, description: regionName(region), region }));
  picker.selectedItems = picker.items.filter((item) => current.includes(item.region));
  const chosen = await new Promise<string[] | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems.map((item) => item.region)));
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  if (!chosen) return;
  if (chosen.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No region selected: Cognito Sync keeps listing the profile\'s region.'));
  }
  await vscode.workspace.getConfiguration('cognitoSync').update('regions', chosen, vscode.ConfigurationTarget.Global);
}

export async function openAwsConfigFile(session: AwsSession): Promise<void> {
  const file = vscode.Uri.file(session.profileFiles.configFile);
  try {
    await vscode.workspace.fs.stat(file);
  } catch {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('[default]\nregion = us-east-1\n'));
  }
  await vscode.window.showTextDocument(file);
}
