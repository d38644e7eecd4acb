import * as l10n from '@vscode/l10n';
// Which encodings of a *.cognito-sync.json file the AWS CLI cannot read. Pure: no vscode.
//
// Measured with aws-cli 1.45.11 (Python 3.11, locale C.UTF-8), `aws cognito-sync
// set-identity-pool-configuration --cli-input-json file://F`:
//   UTF-8 without BOM        read
//   UTF-8 with BOM           refused: "Invalid JSON: Unexpected UTF-8 BOM (decode using utf-8-sig)"
//   UTF-16 LE or BE with BOM refused: "Unable to load paramfile …, text contents could not be decoded"
//   UTF-16 LE without BOM    refused: "Invalid JSON: Expecting property name enclosed in double quotes"

/** How the file's bytes are encoded when the AWS CLI cannot read them; undefined when it can. */
export function unreadableEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return l10n.t('UTF-8 with a byte order mark (BOM)');
  if (a === 0xff && b === 0xfe) return l10n.t('UTF-16 LE');
  if (a === 0xfe && b === 0xff) return l10n.t('UTF-16 BE');
  // JSON text in UTF-8 never holds a NUL byte outside a string escape; UTF-16 holds one per ASCII character.
  if (bytes.subarray(0, 64).includes(0)) return l10n.t('UTF-16 (without a byte order mark)');
  return undefined;
}

export function encodingMessage(encoding: string): string {
  return l10n.t('The AWS CLI cannot read this file: it is saved as {0}, and --cli-input-json file://… takes UTF-8 without a byte order mark. Re-save it as UTF-8 (quick fix).', encoding);
}
