import * as assert from 'assert/strict';
import { configurationFileNames, configurationFileStem } from '../../../src/commands/configurationFileNames';

const POOL_A = 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861';
const POOL_B = 'us-east-1:7d2e4f10-aaaa-4bbb-8ccc-123456789abc';
const POOL_C = 'us-east-1:99999999-0000-4000-8000-000000000001';

/** What no file name may be or contain on Windows, macOS or Linux. */
function assertPortable(name: string): void {
  // eslint-disable-next-line no-control-regex -- control characters are what is checked for
  assert.doesNotMatch(name, /[<>:"/\\|?*\u0000-\u001f\u007f]/, `${JSON.stringify(name)} has a reserved character`);
  assert.ok(!name.includes('..'), `${JSON.stringify(name)} has ".."`);
  assert.doesNotMatch(name, /^[.\s]|[.\s]$/, `${JSON.stringify(name)} starts or ends with a dot or space`);
  assert.doesNotMatch(name.split('.')[0], /^(con|prn|aux|nul|com\d|lpt\d)$/i, `${JSON.stringify(name)} is a Windows device name`);
  assert.ok(Buffer.byteLength(name, 'utf8') <= 255, `${JSON.stringify(name)} is longer than 255 bytes`);
}

describe('commands: configuration file names', () => {
  it('names a file after its pool', () => {
    assert.equal(configurationFileNames([{ identityPoolId: POOL_A, name: 'ShopMobile_Prod' }]).get(POOL_A), 'ShopMobile_Prod.cognito-sync.json');
  });

  it('makes hostile names safe on every OS', () => {
    const hostile = ['../../etc/passwd', 'a/b\\c', 'C:evil', 'what?<>|*"', 'CON', 'nul.txt', 'com1', '  spaced  ', '...', '.hidden', 'trailing.', 'tab\there\u0000nul', 'ü'.repeat(200), 'x'.repeat(300)];
    for (const name of hostile) {
      const stem = configurationFileStem({ identityPoolId: POOL_A, name });
      assert.ok(stem.length > 0, `${JSON.stringify(name)} gave an empty stem`);
      assertPortable(`${stem}.cognito-sync.json`);
    }
    assert.equal(configurationFileStem({ identityPoolId: POOL_A, name: '../../etc/passwd' }), '____etc_passwd');
    assert.equal(configurationFileStem({ identityPoolId: POOL_A, name: 'CON' }), '_CON');
  });

  it('uses the pool id when the pool has no name or nothing of it is usable', () => {
    assert.equal(configurationFileStem({ identityPoolId: POOL_A }), 'us-east-1_0c1ba052-e098-41fa-a76e-eaa2c125f861');
    assert.equal(configurationFileStem({ identityPoolId: POOL_A, name: '...' }), '_');
    assert.equal(configurationFileStem({ identityPoolId: POOL_A, name: ' . ' }), 'us-east-1_0c1ba052-e098-41fa-a76e-eaa2c125f861');
  });

  it('gives every pool of a name, compared case-insensitively, its id\'s GUID, whatever the order', () => {
    const pools = [
      { identityPoolId: POOL_A, name: 'Shop' },
      { identityPoolId: POOL_B, name: 'shop' },
      { identityPoolId: POOL_C, name: 'Other' },
    ];
    const names = configurationFileNames(pools);
    assert.equal(names.get(POOL_A), 'Shop-0c1ba052-e098-41fa-a76e-eaa2c125f861.cognito-sync.json');
    assert.equal(names.get(POOL_B), 'shop-7d2e4f10-aaaa-4bbb-8ccc-123456789abc.cognito-sync.json');
    assert.equal(names.get(POOL_C), 'Other.cognito-sync.json');
    assert.deepEqual(configurationFileNames([...pools].reverse()), names);
  });

  it('keeps names unique when a pool is literally named like another\'s disambiguated name', () => {
    const names = configurationFileNames([
      { identityPoolId: POOL_A, name: 'Shop' },
      { identityPoolId: POOL_B, name: 'Shop' },
      { identityPoolId: POOL_C, name: 'Shop-0c1ba052-e098-41fa-a76e-eaa2c125f861' },
    ]);
    const lowerCased = [...names.values()].map((name) => name.toLowerCase());
    assert.equal(new Set(lowerCased).size, 3, JSON.stringify([...names.values()]));
  });
});
