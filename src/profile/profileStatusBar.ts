// The status bar item "AWS: <profile> (<region>)" that opens the profile picker.
import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws';
import { profileKindLabel } from '../explorer/presentation';

export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cognitoSync.profile', vscode.StatusBarAlignment.Left, 50);

  /** Shows the profile's name at once; its region follows with update() once the AWS files are read. */
  constructor(name: string) {
    this.item.name = vscode.l10n.t('Cognito Sync Profile');
    this.item.command = { command: 'cognitoSync.selectProfile', title: vscode.l10n.t('Select AWS Profile') };
    this.item.text = `$(cloud) AWS: ${name}`;
    this.item.tooltip = vscode.l10n.t('Cognito Sync uses AWS profile "{0}". Click to switch.', name);
    this.item.show();
  }

  /** `profile` is undefined when the named profile is not in the AWS files. */
  update(name: string, profile: ProfileInfo | undefined): void {
    const region = profile?.region ? ` (${profile.region})` : '';
    this.item.text = `$(cloud) AWS: ${name}${region}`;
    this.item.tooltip = profile
      ? vscode.l10n.t('Cognito Sync uses AWS profile "{0}" ({1}{2}). Click to switch.', name, profileKindLabel(profile.kind), profile.region ? `, ${profile.region}` : '')
      : vscode.l10n.t('AWS profile "{0}" is not in your AWS config or credentials file. Click to select a profile.', name);
    this.item.backgroundColor = profile ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  /** The item's text and tooltip (for the extension-host tests). */
  get shown(): { text: string; tooltip: string | undefined } {
    return { text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : undefined };
  }

  dispose(): void {
    this.item.dispose();
  }
}
