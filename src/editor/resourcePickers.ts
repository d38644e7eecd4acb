// The ARN pickers: quick picks of the account's SNS platform applications, IAM roles and Kinesis
// streams, in the pool's region. The form's "Choose…" buttons open them; the webview only ever
// receives the value chosen. Lists load when a picker opens and are cached per profile and region
// by the session; when a list cannot be had (access denied, no such resources, a failure) the
// answer is a note, and the field stays free text.
import * as vscode from 'vscode';
import { AwsError, AwsSession, MAX_LISTED_RESOURCES, regionOfPoolId } from '../aws';
import type { ResourceList } from '../aws';
import type { PickerField } from './protocol';

/** What the user chose (nothing when they dismissed the picker), or why there was no list. */
export type PickOutcome = { values: string[] } | { note: string };

interface PickerItem extends vscode.QuickPickItem {
  value?: string;
}

/** One picker: where its list comes from and how its items read. */
interface PickerSource {
  /** "IAM roles", for titles and notes. */
  what: string;
  /** The IAM action a denial names, so the note says what to ask for. */
  action: string;
  /** What to type instead when there is no list. */
  typeInstead: string;
  many: boolean;
  load(region: string, refresh: boolean): Promise<{ list: ResourceList<unknown>; items: PickerItem[] }>;
}

const REFRESH_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('refresh'), tooltip: vscode.l10n.t('Reload the list from AWS') };

export class ResourcePickers {
  constructor(private readonly session: AwsSession) {}

  /**
   * Shows the picker of `field` for the pool `identityPoolId` (its region scopes SNS and Kinesis),
   * leaving out `present` (ARNs the document already lists). `profile` is the document's profile.
   */
  async pick(field: PickerField, options: { identityPoolId?: string; profile?: string; present?: readonly string[] }): Promise<PickOutcome> {
    const source = this.source(field);
    const active = this.session.profileName;
    if (options.profile && options.profile !== active) {
      return { note: vscode.l10n.t('The {0} would come from the active AWS profile {1}, but this configuration belongs to {2}. Switch back to {3} to choose, or {4}.', source.what, active, options.profile, options.profile, source.typeInstead) };
    }
    const region = options.identityPoolId ? regionOfPoolId(options.identityPoolId) : undefined;
    if (!region) return { note: vscode.l10n.t('Enter a valid identity pool ID first: the {0} are listed from its region. Until then, {1}.', source.what, source.typeInstead) };

    const quickPick = vscode.window.createQuickPick<PickerItem>();
    quickPick.title = vscode.l10n.t('Choose {0} · profile {1} · {2}', source.what, active, region);
    quickPick.placeholder = vscode.l10n.t('Loading {0}…', source.what);
    quickPick.canSelectMany = source.many;
    quickPick.matchOnDetail = true;
    quickPick.matchOnDescription = true;
    quickPick.ignoreFocusOut = false;
    quickPick.buttons = [REFRESH_BUTTON];
    const present = new Set(options.present ?? []);

    const load = async (refresh: boolean): Promise<string | undefined> => {
      quickPick.busy = true;
      quickPick.enabled = false;
      try {
        const { list, items } = await source.load(region, refresh);
        const offered = items.filter((item) => item.kind === vscode.QuickPickItemKind.Separator || !item.value || !present.has(item.value));
        if (!offered.some((item) => item.value)) {
          const left = items.some((item) => item.value) ? vscode.l10n.t(' that the configuration does not list already') : '';
          return vscode.l10n.t('No {0}{1} in {2} for profile {3}: {4}.', source.what, left, region, active, source.typeInstead);
        }
        quickPick.items = offered;
        const capped = list.capped ? vscode.l10n.t(' (the first {0} only; type to filter)', MAX_LISTED_RESOURCES.toLocaleString()) : '';
        quickPick.placeholder = vscode.l10n.t('{0} of {1} {2}{3}', source.many ? vscode.l10n.t('Choose one or more') : vscode.l10n.t('Choose one'), offered.filter((item) => item.value).length, source.what, capped);
        return undefined;
      } catch (error) {
        return this.noteFor(error, source, region);
      } finally {
        quickPick.busy = false;
        quickPick.enabled = true;
      }
    };

    return new Promise<PickOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: PickOutcome) => {
        if (settled) return;
        settled = true;
        resolve(outcome);
        quickPick.dispose();
      };
      quickPick.onDidTriggerButton(async () => {
        const note = await load(true);
        if (note) finish({ note });
      });
      quickPick.onDidAccept(() => {
        const chosen = source.many ? quickPick.selectedItems : quickPick.activeItems.slice(0, 1);
        finish({ values: chosen.flatMap((item) => (item.value ? [item.value] : [])) });
      });
      quickPick.onDidHide(() => finish({ values: [] }));
      quickPick.show();
      void load(false).then((note) => {
        if (note) finish({ note });
      });
    });
  }

  private noteFor(error: unknown, source: PickerSource, region: string): string {
    const profile = this.session.profileName;
    if (error instanceof AwsError && error.kind === 'notAuthorized') {
      return vscode.l10n.t('Profile {0} may not list {1} ({2} is denied), so there is no list to choose from: {3}.', profile, source.what, source.action, source.typeInstead);
    }
    const message = error instanceof AwsError ? error.message : String(error);
    return vscode.l10n.t('Could not list the {0} of {1}: {2} Meanwhile, {3}.', source.what, region, message, source.typeInstead);
  }

  private source(field: PickerField): PickerSource {
    switch (field) {
      case 'application-arns':
        return {
          what: vscode.l10n.t('SNS platform applications'),
          action: 'sns:ListPlatformApplications',
          typeInstead: vscode.l10n.t('type or paste the application ARNs'),
          many: true,
          load: async (region, refresh) => {
            const list = await this.session.listPlatformApplications(region, { refresh });
            return {
              list,
              items: list.items.map((app) => ({
                label: app.name,
                description: app.enabled === false ? `${app.platform} · disabled` : app.platform,
                detail: app.arn,
                value: app.arn,
              })),
            };
          },
        };
      case 'push-role':
      case 'streams-role':
        return {
          what: vscode.l10n.t('IAM roles'),
          action: 'iam:ListRoles',
          typeInstead: vscode.l10n.t('type the role ARN'),
          many: false,
          load: async (_region, refresh) => {
            const list = await this.session.listRoles({ refresh });
            const item = (role: (typeof list.items)[number]): PickerItem => ({ label: role.name, description: role.path !== '/' ? role.path : undefined, detail: role.arn, value: role.arn });
            const trusted = list.items.filter((role) => role.trustsCognitoSync);
            const others = list.items.filter((role) => !role.trustsCognitoSync);
            const separator = (label: string): PickerItem => ({ label, kind: vscode.QuickPickItemKind.Separator });
            return {
              list,
              items: [
                ...(trusted.length ? [separator(vscode.l10n.t('Trust cognito-sync.amazonaws.com')), ...trusted.map(item)] : []),
                ...(others.length ? [separator(vscode.l10n.t('Other roles (their trust policy does not name Cognito Sync)')), ...others.map(item)] : []),
              ],
            };
          },
        };
      case 'stream-name':
        return {
          what: vscode.l10n.t('Kinesis streams'),
          action: 'kinesis:ListStreams',
          typeInstead: vscode.l10n.t('type the stream name'),
          many: false,
          load: async (region, refresh) => {
            const list = await this.session.listStreams(region, { refresh });
            return { list, items: list.items.map((stream) => ({ label: stream.name, description: stream.status, detail: stream.arn, value: stream.name })) };
          },
        };
    }
  }
}
