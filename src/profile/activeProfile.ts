// The active AWS profile as the extension sees it: the session built from the settings, which
// profile and regions are in use (setting, else the profile's region, else us-east-1), why the
// profile cannot be used, and the status bar that shows it. The settings and the AWS files are
// watched here; whoever shows pools is told to reload through `onDidChange`.
import * as vscode from 'vscode';
import { AwsError, AwsSession, DEFAULT_REGION, createAwsSession, formatApiCall, isCognitoSyncRegion } from '../aws';
import type { ProfileInfo } from '../aws';
import { ProfileStatusBar } from './profileStatusBar';

const settings = () => vscode.workspace.getConfiguration('cognitoSync');

/** The AWS session of the extension, configured from the cognitoSync.* settings. */
export function createSessionFromSettings(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): AwsSession {
  const session = createAwsSession({
    profile: settings().get<string>('profile'),
    endpoint: settings().get<string>('endpoint') || undefined,
    requestTimeoutSeconds: settings().get<number>('requestTimeoutSeconds'),
    extensionVersion: String(context.extension.packageJSON.version),
    logger: (record) => (record.outcome === 'ok' ? log.info(formatApiCall(record)) : log.warn(formatApiCall(record))),
    mfaCodeProvider: (mfaSerial) => askMfaCode(session, mfaSerial),
  });
  context.subscriptions.push({ dispose: () => session.dispose() });
  return session;
}

export class ActiveProfile implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The profile, its files, the endpoint or the regions changed: everything shown must reload. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  /**
   * Creates it, with its status bar showing the profile's name at once, before any view draws;
   * the region follows when the AWS files are first read (that loads the SDK, so not here).
   */
  static register(context: vscode.ExtensionContext, session: AwsSession, log: vscode.LogOutputChannel): ActiveProfile {
    const activeProfile = new ActiveProfile(session, log, new ProfileStatusBar(session.profileName));
    context.subscriptions.push(activeProfile);
    return activeProfile;
  }

  private constructor(
    private readonly session: AwsSession,
    log: vscode.LogOutputChannel,
    readonly statusBar: ProfileStatusBar,
  ) {
    this.disposables.push(
      statusBar,
      this.changed,
      session.onDidChangeProfileFiles(() => {
        log.info('AWS config or credentials file changed: reloading');
        this.changed.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration('cognitoSync')) return;
        if (event.affectsConfiguration('cognitoSync.profile')) session.setProfile(settings().get<string>('profile'));
        if (event.affectsConfiguration('cognitoSync.endpoint') || event.affectsConfiguration('cognitoSync.requestTimeoutSeconds')) {
          session.updateSettings({ endpoint: settings().get<string>('endpoint') || undefined, requestTimeoutSeconds: settings().get<number>('requestTimeoutSeconds') });
        }
        this.changed.fire();
      }),
    );
  }

  /** The active profile as the AWS files describe it (undefined: not in them), and whether they hold any; the status bar follows. */
  async describe(): Promise<{ profile?: ProfileInfo; anyProfile: boolean }> {
    const snapshot = await this.session.listProfiles();
    const profile = snapshot.profiles.find((candidate) => candidate.name === this.session.profileName);
    this.statusBar.update(this.session.profileName, profile);
    return { profile, anyProfile: snapshot.profiles.length > 0 };
  }

  /** The setting's regions; when empty the profile's region (if Cognito Sync has it), else us-east-1. */
  async regions(): Promise<string[]> {
    const chosen = (settings().get<string[]>('regions') ?? []).filter(isCognitoSyncRegion);
    if (chosen.length) return chosen;
    const { profile } = await this.describe();
    return [profile?.region && isCognitoSyncRegion(profile.region) ? profile.region : DEFAULT_REGION];
  }

  /**
   * Why the active profile cannot be used, or undefined when it can. `noProfiles` (no profile in
   * either AWS file) also sets the context key that shows the view's welcome content.
   */
  async problem(): Promise<AwsError | 'noProfiles' | undefined> {
    const { profile, anyProfile } = await this.describe();
    await vscode.commands.executeCommand('setContext', 'cognitoSync.noProfiles', !anyProfile);
    if (!anyProfile) return 'noProfiles';
    if (profile) return undefined;
    const { configFile, credentialsFile } = this.session.profileFiles;
    return new AwsError('profileNotFound', vscode.l10n.t('The AWS profile "{0}" is not in {1} or {2}. Select another profile, or add it to one of those files.', this.session.profileName, configFile, credentialsFile));
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

async function askMfaCode(session: AwsSession, mfaSerial: string): Promise<string> {
  const code = await vscode.window.showInputBox({
    title: vscode.l10n.t('Cognito Sync: MFA code for profile {0}', session.profileName),
    prompt: vscode.l10n.t('Enter the current code of MFA device {0}', mfaSerial),
    placeHolder: vscode.l10n.t('6-digit code'),
    ignoreFocusOut: true,
    validateInput: (text) => (/^\d{6}$/.test(text.trim()) ? undefined : vscode.l10n.t('An MFA code is 6 digits')),
  });
  if (code === undefined) throw new AwsError('mfaRequired', vscode.l10n.t('No MFA code was entered for profile {0}; run the command again to be asked once more.', session.profileName));
  return code.trim();
}
