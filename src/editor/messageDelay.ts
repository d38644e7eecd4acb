// A test-only hook: an artificial delay on the messages between a form and the extension, each
// way, to reproduce a remote VS Code (code-server, Remote-SSH, Codespaces) where a round trip
// takes hundreds of milliseconds. Off unless the extension host's environment sets
//   COGNITO_SYNC_TEST_MESSAGE_DELAY="<document file name without .cognito-sync.json>=<ms>[,…]"
// ("*" matches every document), e.g. "GameSaves_EU_Legacy=300". The end-to-end tier sets it
// (scripts/runE2eTests.js); no setting exposes it to users.
import type * as vscode from 'vscode';

const VARIABLE = 'COGNITO_SYNC_TEST_MESSAGE_DELAY';

/** The delay for the document at `uri`, in milliseconds (0: none). */
export function messageDelayFor(uri: vscode.Uri, spec = process.env[VARIABLE]): number {
  if (!spec) return 0;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).replace(/\.cognito-sync\.json$/, '');
  for (const entry of spec.split(',')) {
    const match = /^\s*(.+?)\s*=\s*(\d{1,5})\s*$/.exec(entry);
    if (match && (match[1] === '*' || match[1] === name)) return Number(match[2]);
  }
  return 0;
}
