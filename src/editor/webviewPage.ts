// The page every webview of the extension starts from (the configuration form, the health
// report): a strict Content Security Policy (scripts only with this page's nonce, styles, fonts
// and images only from the extension), the l10n bundle for the page's script, one stylesheet list
// and one script bundle. What a webview may load at all is its localResourceRoots.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { l10nAttribute } from '../l10n/configure';

export interface WebviewPageParts {
  /** Page title (screen readers; not shown). */
  title: string;
  /** The codicon font, for @vscode-elements' icons (they find it by the link's id). */
  codicons?: boolean;
  /** Stylesheets, as paths inside the extension (e.g. ['media', 'form.css']). */
  styles: string[][];
  /** The script bundle, a path inside the extension (e.g. ['dist', 'webview.js']). */
  script: string[];
  /** What #app holds until the script draws (HTML; the caller escapes what it puts in). */
  placeholder?: string;
}

export function webviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, parts: WebviewPageParts): string {
  const nonce = randomBytes(16).toString('base64');
  const resource = (path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`].join('; ');
  const stylesheets = [
    ...(parts.codicons ? [`<link id="vscode-codicon-stylesheet" rel="stylesheet" href="${resource(['dist', 'codicons', 'codicon.css'])}">`] : []),
    ...parts.styles.map((style) => `<link rel="stylesheet" href="${resource(style)}">`),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${stylesheets}
<title>${parts.title}</title>
</head>
<body>
<main id="app"${l10nAttribute()}>${parts.placeholder ?? ''}</main>
<script nonce="${nonce}" src="${resource(parts.script)}"></script>
</body>
</html>`;
}
