// The status bar item "AWS: <profile> (<region>)" that opens the profile picker.
import * as vscode from 'vscode';
import type { ProfileInfo } from '../aws';
import { profileKindLabel } from './presentation';

export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cognitoSync.profile', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Cognito Sync Profile';
    this.item.command = { command: 'cognitoSync.selectProfile', title: 'Select AWS Profile' };
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

  dispose(): void {
    this.item.dispose();
  }
}
