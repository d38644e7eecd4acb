// The report panel's messages from the webview: only well-formed ones reach the extension.
import * as assert from 'assert/strict';
import { parseReportMessage } from '../../../src/report';

describe('Health report panel messages', () => {
  it('accepts ready, a reveal of an identity id and a save as markdown or json', () => {
    assert.deepEqual(parseReportMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseReportMessage({ type: 'rendered', report: {} }), { type: 'rendered' });
    assert.deepEqual(parseReportMessage({ type: 'revealIdentity', identityId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', extra: 1 }), { type: 'revealIdentity', identityId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861' });
    assert.deepEqual(parseReportMessage({ type: 'save', format: 'json' }), { type: 'save', format: 'json' });
  });

  it('refuses anything else: unknown types, ids that are no identity id, other formats, non-objects', () => {
    for (const value of [null, 'ready', 42, {}, { type: 'run' }, { type: 'revealIdentity' }, { type: 'revealIdentity', identityId: '../../etc/passwd' }, { type: 'revealIdentity', identityId: `us-east-1:${'a'.repeat(60)}` }, { type: 'save', format: 'html' }, { type: 'save', format: ['json'] }]) {
      assert.equal(parseReportMessage(value), undefined, JSON.stringify(value));
    }
  });
});
