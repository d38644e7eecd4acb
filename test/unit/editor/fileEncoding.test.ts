// Which encodings of a configuration file the AWS CLI cannot read (src/editor/fileEncoding.ts),
// checked against the real AWS CLI: each encoding of the same file is given to
// `aws cognito-sync set-identity-pool-configuration --cli-input-json file://…` (against the
// emulator), and the warning is expected exactly when the CLI refuses to parse the file.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { encodingMessage, unreadableEncoding } from '../../../src/editor/fileEncoding';
import { useAwsCliSuite } from '../../toolkit/awsCli';

const TEXT = '{\n  "IdentityPoolId": "us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861",\n  "CognitoStreams": {}\n}\n';
const utf16 = (text: string, bigEndian: boolean) => {
  const bytes = Buffer.from(text, 'utf16le');
  if (bigEndian) bytes.swap16();
  return bytes;
};

const ENCODINGS: [string, Buffer, string | undefined][] = [
  ['UTF-8', Buffer.from(TEXT, 'utf8'), undefined],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'UTF-8 with a byte order mark (BOM)'],
  ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(TEXT, false)]), 'UTF-16 LE'],
  ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(TEXT, true)]), 'UTF-16 BE'],
  ['UTF-16 LE without BOM', utf16(TEXT, false), 'UTF-16 (without a byte order mark)'],
];

describe('editor: file encodings the AWS CLI cannot read', () => {
  const cli = useAwsCliSuite('The encoding check is measured against it');

  for (const [name, bytes, expected] of ENCODINGS) {
    it(`${name}: ${expected ? 'warned, and the AWS CLI refuses it' : 'no warning, and the AWS CLI reads it'}`, async function () {
      this.timeout(30_000);
      assert.equal(unreadableEncoding(bytes), expected);
      const file = path.join(cli.home, `${name.replace(/\W+/g, '-')}.cognito-sync.json`);
      fs.writeFileSync(file, bytes);
      const result = await cli.run('cognito-sync', 'set-identity-pool-configuration', '--cli-input-json', `file://${file}`);
      // The pool does not exist: a file the CLI read reaches the emulator and gets its not-found error.
      if (expected) assert.match(result.stderr, /Error parsing parameter/, result.stderr);
      else assert.match(result.stderr, /ResourceNotFoundException|not found/i, result.stderr);
    });
  }

  it('the warning names the encoding and the fix', () => {
    assert.match(encodingMessage('UTF-16 LE'), /AWS CLI cannot read this file: it is saved as UTF-16 LE.*Re-save it as UTF-8/);
  });
});
