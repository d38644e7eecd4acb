// FormSync (media/webview/formSync.ts): the order of edit, save and revert between the form and
// the extension, and when a state may overwrite what the form shows. The first tests walk
// through the cases one by one; the last plays thousands of random interleavings (seeded, so a
// failure reproduces) against a model of the extension that handles messages in order, as
// configurationEditor.ts does, and checks that every save writes what the form showed when it
// was clicked and every revert ends with the form showing the document.
import * as assert from 'assert';
import type { FormState, WebviewMessage } from '../../../src/editor/protocol';
import type { SyncConfiguration } from '../../../src/model/configuration';
import { FormSync } from '../../../media/webview/formSync';
import { shownKey } from '../../../media/webview/formModel';
// Seeded, so a failing seed can be replayed.
import { seededRandom } from '../../toolkit/random';

const POOL = 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861';
const role = (name: string) => `arn:aws:iam::111111111111:role/${name}`;
const withRole = (name: string): SyncConfiguration => ({ IdentityPoolId: POOL, PushSync: { RoleArn: role(name) } });
const stateOf = (configuration: SyncConfiguration | undefined, dirty = false): FormState => ({ configuration, problems: [], source: 'remote', dirty, subtitle: '' });
const key = (configuration: SyncConfiguration) => JSON.stringify(configuration);

function setup() {
  const posted: WebviewMessage[] = [];
  const sync = new FormSync((message) => posted.push(message));
  return { sync, posted };
}

describe('webview: FormSync, the order of edit, save and revert', () => {
  it('shows the first state', () => {
    const { sync } = setup();
    assert.strictEqual(sync.receive(stateOf(withRole('Live')), 0, key({ IdentityPoolId: '' })), true);
  });

  it('numbers edit, save and revert 1, 2, 3… and posts the edit before the save', () => {
    const { sync, posted } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    sync.typed();
    sync.save(withRole('Typed'));
    sync.revert();
    assert.deepStrictEqual(posted, [
      { type: 'edit', configuration: withRole('Typed'), seq: 1 },
      { type: 'save', seq: 2 },
      { type: 'revert', seq: 3 },
    ]);
  });

  it('does not post an edit the document already holds', () => {
    const { sync, posted } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    assert.strictEqual(sync.flush(withRole('Live')), false);
    assert.strictEqual(sync.flush(withRole('A')), true);
    assert.strictEqual(sync.flush(withRole('A')), false);
    assert.deepStrictEqual(posted.map((message) => message.type), ['edit']);
  });

  it('never lets a state older than the form\'s last message overwrite it, whatever its content', () => {
    const { sync } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    sync.flush(withRole('A'));
    sync.flush(withRole('AB'));
    // The echo of the first edit, and a change made elsewhere before the second edit was handled.
    assert.strictEqual(sync.receive(stateOf(withRole('A'), true), 1, key(withRole('AB'))), false);
    assert.strictEqual(sync.receive(stateOf(withRole('FromJson'), true), 1, key(withRole('AB'))), false);
    // Once the extension has handled everything, its state is the document: the same as the form.
    assert.strictEqual(sync.receive(stateOf(withRole('AB'), true), 2, key(withRole('AB'))), false);
  });

  it('shows a change made elsewhere (JSON view, undo) once the extension has handled everything', () => {
    const { sync } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    sync.flush(withRole('A'));
    assert.strictEqual(sync.receive(stateOf(withRole('Undone'), true), 1, key(withRole('A'))), true);
  });

  it('keeps typing that is not posted yet, even when the extension has caught up', () => {
    const { sync } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    sync.typed();
    assert.strictEqual(sync.receive(stateOf(withRole('Live')), 0, key(withRole('Typing'))), false);
    assert.strictEqual(sync.hasTyping, true);
  });

  it('counts typing and unhandled messages as changes to save or revert', () => {
    const { sync } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    assert.strictEqual(sync.dirty(), false);
    sync.typed();
    assert.strictEqual(sync.dirty(), true, 'typing');
    sync.flush(withRole('A'));
    assert.strictEqual(sync.dirty(), true, 'posted, not handled');
    sync.receive(stateOf(withRole('A'), false), 1, key(withRole('A')));
    assert.strictEqual(sync.dirty(), false, 'handled, and the document says it is clean');
    sync.receive(stateOf(withRole('A'), true), 1, key(withRole('A')));
    assert.strictEqual(sync.dirty(), true, 'the document is dirty');
  });

  it('revert drops the typing, posts nothing more until its state arrives, then shows that state', () => {
    const { sync, posted } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    sync.flush(withRole('A'));
    sync.typed();
    sync.revert();
    assert.strictEqual(sync.hasTyping, false);
    assert.strictEqual(sync.reverting, true);
    assert.strictEqual(sync.flush(withRole('AB')), false, 'no edit while the revert is on its way');
    // The echo of the edit, handled before the revert: not shown, still reverting.
    assert.strictEqual(sync.receive(stateOf(withRole('A'), true), 1, key(withRole('AB'))), false);
    assert.strictEqual(sync.reverting, true);
    assert.strictEqual(sync.receive(stateOf(withRole('Live'), false), 2, key(withRole('AB'))), true);
    assert.strictEqual(sync.reverting, false);
    assert.deepStrictEqual(posted.map((message) => message.type), ['edit', 'revert']);
    // A revert of a document that was clean still shows the document (the typing is gone).
    assert.strictEqual(sync.flush(withRole('Live')), false, 'the document holds it');
  });

  it('after a revert, an edit equal to the text before it is posted again', () => {
    const { sync, posted } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    sync.flush(withRole('A'));
    sync.revert();
    sync.receive(stateOf(withRole('Live')), 2, key(withRole('A')));
    assert.strictEqual(sync.flush(withRole('A')), true);
    assert.deepStrictEqual(posted.at(-1), { type: 'edit', configuration: withRole('A'), seq: 3 });
  });

  it('a new webview (the tab shown again) starts from the extension\'s first state', () => {
    const { sync } = setup();
    assert.strictEqual(sync.receive(stateOf(withRole('Kept'), true), 0, key({ IdentityPoolId: '' })), true);
  });

  it('a document that is not a configuration is never "shown"; the next valid one is', () => {
    const { sync } = setup();
    sync.receive(stateOf(withRole('Live')), 0, key(withRole('Live')));
    assert.strictEqual(sync.receive(stateOf(undefined, true), 0, key(withRole('Live'))), false);
    assert.strictEqual(sync.flush(withRole('Live')), false, 'no edit over a document the form cannot show');
    assert.strictEqual(sync.receive(stateOf(withRole('Fixed'), true), 0, key(withRole('Live'))), true);
  });

  describe('random interleavings against a model of the extension', () => {
    function play(seed: number): void {
      const next = seededRandom(seed);
      const live = withRole('Live');
      // The extension: the document, what AWS holds, and the messages on their way each way.
      let documentText = key(live);
      let saved = key(live);
      let handled = 0;
      const toExtension: WebviewMessage[] = [];
      const toForm: { state: FormState; ack: number }[] = [];
      const sync = new FormSync((message) => toExtension.push(message));
      let shows = key({ IdentityPoolId: '' });
      const expectedSaves: string[] = [];
      const savesDone: string[] = [];
      let lastRevertShown = true;
      const stateNow = () => ({ state: stateOf(JSON.parse(documentText) as SyncConfiguration, documentText !== saved), ack: handled });
      toForm.push(stateNow());
      const deliverToForm = () => {
        const message = toForm.shift();
        if (!message) return;
        const wasReverting = sync.reverting;
        if (sync.receive(message.state, message.ack, shows) && message.state.configuration) shows = shownKey(message.state.configuration);
        if (wasReverting && !sync.reverting) {
          assert.strictEqual(shows, shownKey(message.state.configuration!), `seed ${seed}: after a revert the form shows the document`);
          lastRevertShown = true;
        }
      };
      const deliverToExtension = () => {
        const message = toExtension.shift();
        if (!message) return;
        if (message.type === 'edit') {
          handled = message.seq;
          documentText = key(message.configuration);
        } else if (message.type === 'save') {
          handled = message.seq;
          saved = documentText;
          savesDone.push(documentText);
        } else if (message.type === 'revert') {
          handled = message.seq;
          documentText = saved;
        }
        toForm.push(stateNow());
      };
      for (let step = 0; step < 60; step++) {
        const roll = next();
        if (roll < 0.25 && !sync.reverting) {
          shows = key(withRole(`T${step}`));
          sync.typed();
        } else if (roll < 0.35) {
          sync.flush(JSON.parse(shows) as SyncConfiguration);
        } else if (roll < 0.42 && !sync.reverting && sync.state?.configuration) {
          expectedSaves.push(shows);
          sync.save(JSON.parse(shows) as SyncConfiguration);
        } else if (roll < 0.47 && !sync.reverting && sync.state?.configuration) {
          sync.revert();
          lastRevertShown = false;
        } else if (roll < 0.6) {
          // A change made elsewhere (the JSON view), applied at once to the document.
          documentText = key(withRole(`Json${step}`));
          toForm.push(stateNow());
        } else if (roll < 0.8) {
          deliverToExtension();
        } else {
          deliverToForm();
        }
      }
      if (sync.hasTyping) sync.flush(JSON.parse(shows) as SyncConfiguration);
      while (toExtension.length || toForm.length) {
        deliverToExtension();
        deliverToForm();
      }
      assert.strictEqual(lastRevertShown, true, `seed ${seed}: a revert never showed its state`);
      assert.strictEqual(sync.reverting, false, `seed ${seed}`);
      assert.strictEqual(shows, documentText, `seed ${seed}: at rest, the form shows the document`);
      assert.strictEqual(sync.pending, false, `seed ${seed}`);
      // A save writes the document as it was when the save was handled; with no change made
      // elsewhere in between, that is exactly what the form showed when Save was clicked.
      assert.strictEqual(savesDone.length, expectedSaves.length, `seed ${seed}: every save was handled`);
    }

    it('5,000 seeded runs: at rest the form shows the document, every revert is shown, every save handled', () => {
      for (let seed = 1; seed <= 5000; seed++) play(seed);
    });

    it('with no change made elsewhere, the form is never overwritten and each save writes exactly what it showed when clicked', () => {
      for (let seed = 1; seed <= 2000; seed++) {
        const next = seededRandom(seed);
        let documentText = key(withRole('Live'));
        let handled = 0;
        const toExtension: WebviewMessage[] = [];
        const toForm: { state: FormState; ack: number }[] = [];
        const sync = new FormSync((message) => toExtension.push(message));
        sync.receive(stateOf(withRole('Live')), 0, documentText);
        let shows = documentText;
        const expected: string[] = [];
        const written: string[] = [];
        const handle = (message: WebviewMessage | undefined) => {
          if (!message) return;
          if (message.type === 'edit') documentText = key(message.configuration);
          if (message.type === 'save') written.push(documentText);
          if (message.type === 'edit' || message.type === 'save') handled = message.seq;
          toForm.push({ state: stateOf(JSON.parse(documentText) as SyncConfiguration, true), ack: handled });
        };
        const deliver = () => {
          const message = toForm.shift();
          if (message) assert.strictEqual(sync.receive(message.state, message.ack, shows), false, `seed ${seed}: the form was overwritten by its own echo`);
        };
        for (let step = 0; step < 40; step++) {
          const roll = next();
          if (roll < 0.4) {
            shows = key(withRole(`T${step}`));
            sync.typed();
            if (next() < 0.5) sync.flush(JSON.parse(shows) as SyncConfiguration);
          } else if (roll < 0.55) {
            expected.push(shows);
            sync.save(JSON.parse(shows) as SyncConfiguration);
          } else if (roll < 0.8) {
            handle(toExtension.shift());
          } else {
            deliver();
          }
        }
        while (toExtension.length) handle(toExtension.shift());
        while (toForm.length) deliver();
        assert.deepStrictEqual(written, expected, `seed ${seed}`);
      }
    });
  });
});
