// Front end of the configuration form editor. It runs inside the webview and talks to the
// extension only through the typed protocol of src/editor/protocol.ts: it announces itself with
// `ready`, renders every FormState it receives, validates as you type with the same rules the
// extension uses (src/model/rules.ts), and posts the configuration the form shows as `edit`.
// What it has posted and when a state may overwrite the form is FormSync's job (formSync.ts);
// problems are drawn by problemsView.ts.

// First: the bundle must be configured before any module computes a text.
import './l10n';
import type { CreateField, FormState, HostMessage, PickerField, WebviewMessage } from '../../src/editor/protocol';
import type { SyncConfiguration } from '../../src/model/configuration';
import { describeChanges } from '../../src/model/changes';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { el } from './dom';
import { FormFields } from './formFields';
import { BuiltConfiguration, buildConfiguration, FormModel, modelOf, splitArns } from './formModel';
import { FormSync } from './formSync';
import { hasErrors, placeProblems, ProblemsView } from './problemsView';
import { buildView } from './view';
import * as l10n from '@vscode/l10n';

/** All the webview keeps across a reload: the text typed in the "new application ARN" field. */
interface SavedState {
  draft?: string;
}

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Typing is posted this long after the last keystroke; toggles and buttons are posted at once. */
const EDIT_DELAY_MS = 150;

const vscodeApi = acquireVsCodeApi();
const app = document.getElementById('app') ?? document.body.appendChild(el('main', { id: 'app' }));
const view = buildView(app, /Mac/u.test(navigator.userAgent));
const post = (message: WebviewMessage): void => vscodeApi.postMessage(message);
const sync = new FormSync(post);
const problems = new ProblemsView(view);

let busy = false;
/** The debounced edit of the text being typed. */
let editTimer: ReturnType<typeof setTimeout> | undefined;

const fields = new FormFields(view, (index) => problems.forgetRow(index));
const readModel = (): FormModel => fields.read();

// ---------------------------------------------------------------------------------------------
// Posting edits: the order of edit, save and revert is kept by FormSync (formSync.ts).

function shownConfiguration(): SyncConfiguration {
  return buildConfiguration(readModel()).configuration;
}

/** Posts the configuration the form shows, unless the document already holds it. */
function postEdit(): void {
  if (editTimer !== undefined) clearTimeout(editTimer);
  editTimer = undefined;
  sync.flush(shownConfiguration());
}

function scheduleEdit(): void {
  sync.typed();
  if (editTimer !== undefined) clearTimeout(editTimer);
  editTimer = setTimeout(postEdit, EDIT_DELAY_MS);
}

function save(): void {
  if (editTimer !== undefined) clearTimeout(editTimer);
  editTimer = undefined;
  sync.save(shownConfiguration());
  refresh(false);
}

function revert(): void {
  if (editTimer !== undefined) clearTimeout(editTimer);
  editTimer = undefined;
  sync.revert();
  refresh(false);
}

// ---------------------------------------------------------------------------------------------
// Problems, buttons, pending changes

function showChanges(built: BuiltConfiguration): void {
  const live = sync.state?.configuration ? sync.state.live : undefined;
  view.changes.hidden = live === undefined;
  if (!live) return;
  const lines = describeChanges(live, built.configuration);
  // A few dozen lines say what a save does; thousands (a pasted list) would only slow every keystroke.
  const SHOWN = 50;
  const more = lines.length > SHOWN ? [el('li', { className: 'hint', text: l10n.t('…and {0} more changes', (lines.length - SHOWN).toLocaleString()) })] : [];
  view.changeList.replaceChildren(...lines.slice(0, SHOWN).map((line) => el('li', { text: line })), ...more);
  view.changeList.hidden = lines.length === 0;
  view.noChanges.hidden = lines.length > 0;
}

function updateButtons(errors: boolean): void {
  const dirty = sync.dirty();
  // Not disabled while a save runs: a Save or Revert clicked then is handled after it, in order.
  const canSave = dirty && !errors && !sync.reverting && sync.state?.configuration !== undefined;
  view.save.disabled = !canSave;
  view.save.title = errors ? l10n.t('Fix the errors first') : !dirty ? l10n.t('No changes to save') : busy ? l10n.t('Save (Ctrl+S); saving…') : l10n.t('Save (Ctrl+S)');
  view.revert.disabled = !dirty || sync.reverting;
  // While a revert is on its way the form does not take typing: it would be lost, or undo the revert.
  view.sections.inert = sync.reverting;
}

/** Brings problems, buttons and the pending changes up to date with the form. */
function refresh(announce: boolean): void {
  const model = readModel();
  const built = buildConfiguration(model);
  const placed = placeProblems(sync.state, model, built);
  problems.show(placed, sync.state !== undefined && !sync.state.configuration, fields.longList !== undefined, announce);
  showChanges(built);
  updateButtons(hasErrors(placed));
}

function announce(text: string): void {
  // A polite status message, e.g. "2 application ARNs added."; cleared first so a repeat is read again.
  view.announcer.textContent = '';
  setTimeout(() => (view.announcer.textContent = text), 50);
}

// ---------------------------------------------------------------------------------------------
// Messages from the extension

function showHeader(next: FormState): void {
  view.title.textContent = next.poolName || next.configuration?.IdentityPoolId || l10n.t('Cognito Sync configuration');
  view.subtitle.textContent = next.subtitle;
  const key = /Mac/u.test(navigator.userAgent) ? '⌘S' : 'Ctrl+S';
  view.saveNote.textContent = l10n.t('{0} also saves. {1}', key, next.source === 'remote' ? l10n.t('Saving writes the configuration to the identity pool.') : l10n.t('Saving writes the file.'));
}

function receiveState(next: FormState, ack: number): void {
  const first = sync.state === undefined;
  showHeader(next);
  view.sections.hidden = !next.configuration;
  view.poolIdField.hidden = !next.configuration;
  // Typing still waiting for its pause counts as typing (the state is older than it).
  if (sync.receive(next, ack, JSON.stringify(shownConfiguration())) && next.configuration) fields.fill(modelOf(next.configuration));
  if (first) {
    // Problems already in the document when it opens are shown, not announced.
    refresh(false);
    problems.markShownAsAnnounced();
  } else {
    refresh(true);
  }
}

function receiveBusy(isBusy: boolean, message: string | undefined): void {
  busy = isBusy;
  view.busyIcon.hidden = !isBusy;
  view.busyText.textContent = message ?? (isBusy ? l10n.t('Working…') : '');
  refresh(false);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'state') receiveState(message.state, message.ack);
  else if (message.type === 'busy') receiveBusy(message.busy, message.message);
  else if (message.type === 'requestSave') save();
  else if (message.type === 'picked') receivePicked(message.field, message.values);
  else if (message.type === 'pickerNote') showPickerNote(message.field, message.note);
});

// ---------------------------------------------------------------------------------------------
// Pickers: the extension shows the quick pick; the form only asks and takes the answer.

const PICKED_INTO: Record<Exclude<PickerField, 'application-arns'>, VscodeTextfield> = {
  'push-role': view.pushRole,
  'stream-name': view.streamName,
  'streams-role': view.streamsRole,
};

function receivePicked(field: PickerField, values: string[]): void {
  showPickerNote(field, '');
  if (values.length === 0) return;
  if (field === 'application-arns') {
    addArns(values);
    return;
  }
  const target = PICKED_INTO[field];
  fields.setValue(target, values[0]);
  postEdit();
  refresh(true);
  target.focus();
  announce(l10n.t('{0} chosen.', values[0]));
}

function showPickerNote(field: PickerField, note: string): void {
  const element = view.pickers[field].note;
  element.textContent = note;
  element.hidden = note === '';
  if (note) announce(note);
}

// ---------------------------------------------------------------------------------------------
// User input

function addArns(arns: string[]): void {
  const values = fields.currentArns();
  // Blank rows left by "Add" are filled first.
  const queue = [...arns];
  const filled = values.map((value) => (value.trim() === '' && queue.length ? (queue.shift() as string) : value));
  fields.setRows([...filled, ...queue]);
  postEdit();
  refresh(true);
  announce(arns.length === 1 ? l10n.t('Application ARN added.') : l10n.t('{0} application ARNs added.', arns.length));
}

function addFromField(): void {
  const arns = splitArns(view.arnNew.value);
  if (arns.length === 0) {
    if (fields.longList) {
      announce(l10n.t('Type or paste the application ARNs to add first.'));
      return;
    }
    // Nothing typed: an empty row to type into.
    fields.setRows([...view.rows.map((row) => row.field.value), '']);
    refresh(false);
    const { field } = view.rows[view.rows.length - 1];
    // A new textfield takes the focus once it has rendered its input.
    void field.updateComplete.then(() => field.focus());
    return;
  }
  view.arnNew.value = '';
  saveDraft();
  addArns(arns);
}

function removeRow(index: number): void {
  const values = view.rows.map((row) => row.field.value);
  values.splice(index, 1);
  problems.removeRow(index, values.length);
  fields.setRows(values);
  const next = view.rows[index] ?? view.rows[index - 1];
  (next ? next.remove : view.arnNew).focus();
  postEdit();
  refresh(true);
  announce(l10n.t('Application ARN {0} removed.', index + 1));
}

function saveDraft(): void {
  vscodeApi.setState({ draft: view.arnNew.value || undefined });
}

app.addEventListener('input', (event) => {
  if (event.target === view.arnNew) {
    saveDraft();
    return;
  }
  if (!fields.textfields().includes(event.target as VscodeTextfield)) return;
  // Typing first, so Save and Revert are enabled at once: a click right after it must count.
  scheduleEdit();
  refresh(false);
});

// Capture: the textfield's `change` (on blur or Enter) does not bubble.
app.addEventListener(
  'change',
  (event) => {
    const target = event.target;
    if (target === view.pushEnabled || target === view.streamsEnabled) {
      fields.updateSections();
    } else if (target === view.statusEnabled || target === view.statusDisabled) {
      fields.syncRadioTabStops();
    } else if (!fields.textfields().includes(target as VscodeTextfield)) {
      return;
    }
    postEdit();
    refresh(true);
  },
  true,
);

// Arrow keys in the radio group check the next radio without a change event.
view.status.addEventListener('keydown', (event) => {
  if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) return;
  setTimeout(() => {
    fields.syncRadioTabStops();
    postEdit();
    refresh(true);
  });
});

view.arnNew.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  addFromField();
});

// Pasting several ARNs into the new-ARN field adds one row each.
view.arnNew.addEventListener('paste', (event) => {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  const arns = splitArns(text);
  if (arns.length > 1 || (arns.length === 1 && /[\r\n]/u.test(text.trim()))) {
    event.preventDefault();
    addArns(arns);
  }
});

app.addEventListener('click', (event) => {
  const target = event.target as HTMLElement;
  if (target === view.add) addFromField();
  else if (target === view.save) {
    if (view.save.disabled) return;
    save();
  } else if (target === view.revert) {
    if (view.revert.disabled) return;
    revert();
  } else if (target === view.openAsJson || target === view.arnSummaryOpenAsJson) {
    post({ type: 'openAsJson' });
  } else if (target.classList.contains('picker')) {
    post({ type: 'pick', field: target.dataset.picker as PickerField });
  } else if (target.classList.contains('creator')) {
    // The typing not posted yet goes first: the policies are made from what the form shows now.
    postEdit();
    showPickerNote(target.dataset.create as CreateField, '');
    post({ type: 'create', field: target.dataset.create as CreateField });
  } else if (target.classList.contains('remove-arn')) {
    removeRow(Number(target.dataset.row));
  }
});

// Ctrl+S / Cmd+S runs the extension's save command (a keybinding), which asks the form for a
// `save` (requestSave); the typing not posted yet goes at once, to be there sooner.
window.addEventListener(
  'keydown',
  (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') postEdit();
    // Ctrl+A in a text field selects its text (the browser's own action). VS Code also gets the
    // key and answers with a select-all of its own, a round trip later: a key typed meanwhile is
    // selected and then overwritten by the next one. The field's select-all is the one meant.
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a' && event.composedPath()[0] instanceof HTMLInputElement) event.stopPropagation();
  },
  true,
);
// Leaving the webview (e.g. for the JSON view) posts the typing at once.
window.addEventListener('blur', () => {
  if (editTimer !== undefined) postEdit();
});

// ---------------------------------------------------------------------------------------------
// Start

view.sections.hidden = true;
view.poolIdField.hidden = true;
view.arnNew.value = vscodeApi.getState()?.draft ?? '';
post({ type: 'ready' });
