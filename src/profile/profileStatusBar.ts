// The status bar item "AWS: <profile> (<region>)" that opens the profile picker.
import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws';
import { profileKindLabel } from '../explorer/presentation';

export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cognitoSync.profile', vscode.StatusBarAlignment.Left, 50);

  /** Shows the profile's name at once; its region follows with update() once the AWS files are read. */
  constructor(name: string) {
    this.item.name = 'Cognito Sync Profile';
    this.item.command = { command: 'cognitoSync.selectProfile', title: 'Select AWS Profile' };
    this.item.text = `$(cloud) AWS: ${name}`;
    this.item.tooltip = `Cognito Sync uses AWS profile "${name}". Click to switch.`;
    this.item.show();
  }

  /** `profile` is undefined when the named profile is not in the AWS files. */
  update(name: string, profile: ProfileInfo | undefined): void {
    const region = profile?.region ? ` (${profile.region})` : '';
    this.item.text = `$(cloud) AWS: ${name}${region}`;
    this.item.tooltip = profile
      ? `Cognito Sync uses AWS profile "${name}" (${profileKindLabel(profile.kind)}${profile.region ? `, ${profile.region}` : ''}). Click to switch.`
      : `AWS profile "${name}" is not in your AWS config or credentials file. Click to select a profile.`;
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
