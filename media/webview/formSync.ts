// The form's side of keeping the form and the document in step: what it has posted, what the
// extension has handled, and when a state from the extension may overwrite what the form shows.
// Pure: no DOM and no timers, so every ordering of typing, saving, reverting and states can be
// unit-tested (test/unit/webview/formSync.test.ts).
//
// Why sequence numbers and not timing: a message from the form and a state from the extension
// cross on the way (more so on a remote VS Code), so "this state is the echo of my edit" cannot
// be told from the content or from a delay. Every message that touches the document (edit, save,
// revert) carries `seq`, one more than the last; postMessage keeps their order, the extension
// handles them one at a time in that order, and each state carries `ack`, the seq of the last one
// handled when it was read. A state whose ack is below the form's seq is older than the form and
// never overwrites it; one whose ack has caught up is the document as it is, and the form shows
// it unless the user has typed since.
import type { FormState, WebviewMessage } from '../../src/editor/protocol';
import type { SyncConfiguration } from '../../src/model/configuration';
import { shownKey } from './formModel';

export class FormSync {
  /** The seq of the last message posted; 0 before any. */
  private seq = 0;
  /** The highest ack received. */
  private acked = 0;
  /** Typing the form has not posted yet (it is posted after a short pause, or before Save). */
  private typing = false;
  /** The seq of a revert the extension has not handled yet. */
  private revertSeq: number | undefined;
  /**
   * shownKey of what the document holds once every posted message is handled, when known (not
   * while a revert is on its way: the form does not know the text it reverts to).
   */
  private documentKey: string | undefined;
  /** The last state received. */
  state: FormState | undefined;

  constructor(private readonly post: (message: WebviewMessage) => void) {}

  /** The user changed a field; the edit is posted later with flush(). */
  typed(): void {
    this.typing = true;
  }

  /** Whether there is typing not posted yet. */
  get hasTyping(): boolean {
    return this.typing;
  }

  /** Whether a revert was posted and its state has not arrived yet: the form waits for it. */
  get reverting(): boolean {
    return this.revertSeq !== undefined;
  }

  /** Edits the document does not hold yet: typing not posted, or messages not handled yet. */
  get pending(): boolean {
    return this.typing || this.acked < this.seq;
  }

  /** Posts `configuration` (what the form shows) as an edit, unless the document holds it already. */
  flush(configuration: SyncConfiguration): boolean {
    this.typing = false;
    if (!this.state?.configuration || this.reverting) return false;
    const key = JSON.stringify(configuration);
    if (key === this.documentKey) return false;
    this.documentKey = key;
    this.post({ type: 'edit', configuration, seq: ++this.seq });
    return true;
  }

  /** Save: the latest edit first, then the save, so the extension saves exactly what the form shows. */
  save(configuration: SyncConfiguration): void {
    this.flush(configuration);
    this.post({ type: 'save', seq: ++this.seq });
  }

  /** Revert: typing not posted is dropped; the form shows the state that answers the revert. */
  revert(): void {
    this.typing = false;
    this.documentKey = undefined;
    this.post({ type: 'revert', seq: ++this.seq });
    this.revertSeq = this.seq;
  }

  /**
   * A state from the extension. `shows` is shownKey of what the form shows now. Returns true when
   * the form must show the state's configuration: the extension has handled everything the form
   * posted, the user has not typed since, and the document differs from the form (a change made
   * elsewhere: the JSON view, undo, revert, a reload).
   */
  receive(state: FormState, ack: number, shows: string): boolean {
    this.state = state;
    // A new webview (the tab was hidden and shown again) starts at 0; so does the extension's ack.
    this.acked = Math.max(this.acked, ack);
    if (this.revertSeq !== undefined && ack >= this.revertSeq) this.revertSeq = undefined;
    if (ack < this.seq) return false;
    if (!state.configuration) {
      this.documentKey = undefined;
      return false;
    }
    const incoming = shownKey(state.configuration);
    this.documentKey = incoming;
    return !this.typing && incoming !== shows;
  }

  /** Whether the form has anything to save or revert: the document is dirty or edits are on their way. */
  dirty(): boolean {
    return (this.state?.dirty ?? false) || this.pending;
  }
}
