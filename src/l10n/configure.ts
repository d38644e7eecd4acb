// The layers without vscode (aws, model, export, iac, the tree's presentation) localize with
// @vscode/l10n's t(). Its bundle is the extension's own (vscode.l10n.bundle, loaded by VS Code
// for the display language before this module is required), so both share one
// l10n/bundle.l10n.json. Imported first by extension.ts: module-level texts (field labels, region
// names) are computed when their modules load, and must see the bundle. Without a bundle
// (English, or the headless CLI, which never imports this) t() returns the English message.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/** The bundle's contents as the webview needs them too (undefined: English). */
export const l10nBundle: Record<string, string> | undefined = vscode.l10n.bundle as Record<string, string> | undefined;

if (l10nBundle) l10n.config({ contents: l10nBundle });
