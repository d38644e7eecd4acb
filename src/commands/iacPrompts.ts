// The questions of Export / Copy as Infrastructure as Code: the format with the "with roles"
// checkbox, where to write, and the save dialog. One object, so the extension-host tests can
// answer them (activate() exposes it); the defaults below are what users see.
import * as vscode from 'vscode';
import { FORMAT_INFO } from '../iac/formats';
import { IAC_FORMATS, IacFormat } from '../iac/model';

export interface IacChoice {
  format: IacFormat;
  withRoles: boolean;
}

export type IacDestination = 'editor' | 'file';

export interface IacPrompts {
  /** The format and whether the push sync and streams roles are included; undefined: cancelled. */
  pickFormat(title: string, initial: IacChoice): Thenable<IacChoice | undefined>;
  /** An untitled editor or a file. */
  pickDestination(title: string): Thenable<IacDestination | undefined>;
  saveUri(title: string, defaultUri: vscode.Uri | undefined, format: IacFormat): Thenable<vscode.Uri | undefined>;
}

type FormatItem = vscode.QuickPickItem & { format?: IacFormat; roles?: true };

const FORMAT_DETAIL: Record<IacFormat, string> = {
  'cloudformation-yaml': vscode.l10n.t('AWS::Cognito::IdentityPool with PushSync, CognitoStreams, CognitoEvents; AWS::Lambda::Permission for the sync trigger'),
  'cloudformation-json': vscode.l10n.t('The same template as JSON'),
  cdk: vscode.l10n.t('A stack file with the L1 CfnIdentityPool, CfnPermission and CfnRole (the L2 IdentityPool has no sync settings)'),
  terraform: vscode.l10n.t('awscc_cognito_identity_pool (the aws provider has no push sync, streams or events)'),
};

/**
 * One quick pick with the formats (one of them checked, like radio buttons) and a "with roles"
 * checkbox: a multi-select quick pick is the only list VS Code has with checkboxes.
 */
function pickFormat(title: string, initial: IacChoice): Promise<IacChoice | undefined> {
  const formats: FormatItem[] = IAC_FORMATS.map((format) => ({ label: FORMAT_INFO[format].label, detail: FORMAT_DETAIL[format], format }));
  const roles: FormatItem = { label: '$(shield) With roles', detail: vscode.l10n.t('Also define the push sync and streams roles (AWS::IAM::Role, trust: cognito-sync.amazonaws.com) and use them'), roles: true };
  const quickPick = vscode.window.createQuickPick<FormatItem>();
  quickPick.title = title;
  quickPick.canSelectMany = true;
  quickPick.placeholder = vscode.l10n.t('Check one format (and With roles if wanted), then press Enter');
  quickPick.items = [{ label: vscode.l10n.t('Format'), kind: vscode.QuickPickItemKind.Separator }, ...formats, { label: vscode.l10n.t('Options'), kind: vscode.QuickPickItemKind.Separator }, roles];
  quickPick.selectedItems = [formats.find((item) => item.format === initial.format)!, ...(initial.withRoles ? [roles] : [])];
  let chosenFormat: FormatItem | undefined = quickPick.selectedItems[0];
  return new Promise((resolve) => {
    let result: IacChoice | undefined;
    quickPick.onDidChangeSelection((selected) => {
      const checked = selected.filter((item) => item.format);
      if (checked.length > 1) {
        // Checking a second format unchecks the first.
        chosenFormat = checked.find((item) => item !== chosenFormat) ?? checked[0];
        quickPick.selectedItems = selected.filter((item) => !item.format || item === chosenFormat);
      } else chosenFormat = checked[0];
    });
    quickPick.onDidAccept(() => {
      if (!chosenFormat?.format) {
        quickPick.placeholder = vscode.l10n.t('Check one of the formats first');
        return;
      }
      result = { format: chosenFormat.format, withRoles: quickPick.selectedItems.includes(roles) };
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(result);
    });
    quickPick.show();
  });
}

export function defaultIacPrompts(): IacPrompts {
  return {
    pickFormat,
    pickDestination: async (title) => {
      const items: (vscode.QuickPickItem & { destination: IacDestination })[] = [
        { label: '$(new-file) Open in an untitled editor', destination: 'editor' },
        { label: '$(save-as) Save to a file…', destination: 'file' },
      ];
      return (await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Where to write it') }))?.destination;
    },
    saveUri: (title, defaultUri, format) =>
      vscode.window.showSaveDialog({ title, defaultUri, saveLabel: vscode.l10n.t('Export'), filters: { [FORMAT_INFO[format].label]: [FORMAT_INFO[format].extension.slice(1)] } }),
  };
}
