// A benchmark fixture, not part of the product: opens a webview editor that does what the form
// does at its least: a CSP with a nonce, one script, a "ready" message to the extension and the
// value the extension sends back shown in an input. Its open time is the floor any webview pays.
const vscode = require('vscode');
const crypto = require('crypto');

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('webviewFloor.open', () => {
      const panel = vscode.window.createWebviewPanel('webviewFloor', 'Webview floor', vscode.ViewColumn.Active, { enableScripts: true });
      const nonce = crypto.randomBytes(16).toString('base64');
      panel.webview.onDidReceiveMessage((message) => {
        if (message === 'ready') void panel.webview.postMessage({ value: 'us-east-1:00000000-0000-0000-0000-000000000000' });
      });
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><input id="value" aria-label="value"><script nonce="${nonce}">
const vscode = acquireVsCodeApi();
window.addEventListener('message', (event) => { document.getElementById('value').value = event.data.value; });
vscode.postMessage('ready');
</script></body></html>`;
    }),
  );
}

module.exports = { activate };
