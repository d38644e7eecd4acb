// Front end of the configuration form editor. It runs inside the webview and talks to the
// extension only through the typed protocol of src/editor/protocol.ts: it announces itself with
// `ready`, renders every FormState it receives, validates as you type with the same rules the
// extension uses (src/model/rules.ts), and posts the configuration the form shows as `edit`.
import type { FormState, HostMessage, PickerField, WebviewMessage } from '../../src/editor/protocol';
import { describeChanges } from '../../src/model/changes';
import type { Problem } from '../../src/model/rules';
import { validateConfiguration } from '../../src/model/rules';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { el, icon, innerInput, srOnly } from './dom';
import { BuiltConfiguration, buildConfiguration, FieldKey, fieldOf, fieldValue, FormModel, modelOf, shownKey, splitArns } from './formModel';
import { buildView, createRow } from './view';

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

/** The last state the extension sent. */
let state: FormState | undefined;
let busy = false;
/** The debounced edit of the text being typed. */
let editTimer: ReturnType<typeof setTimeout> | undefined;
/** shownKey of the edits posted and not seen back in a state yet, oldest first. */
const unacknowledged: string[] = [];
/** shownKey of what the document holds (last state, or last edit posted). */
let documentKey: string | undefined;
/** Fields whose current error was announced (role="alert" is used only for an error that is new). */
const alerted = new Set<string>();
/** The banner's last content, to announce it only when it changes. */
let bannerSignature = '';

const textfields = (): VscodeTextfield[] => [view.pushRole, view.streamName, view.streamsRole, ...view.rows.map((row) => row.field)];

/**
 * Above this many application ARNs the form shows a summary instead of one field per ARN (the JSON
 * view is the tool for thousands of lines): thousands of text fields would freeze the window.
 */
const ROW_LIMIT = 200;
/** The ARNs while the list is too long for rows; undefined while it has rows. */
let longList: string[] | undefined;

const currentArns = (): string[] => longList ?? view.rows.map((row) => row.field.value);

// ---------------------------------------------------------------------------------------------
// Reading and filling the form

function readModel(): FormModel {
  return {
    identityPoolId: view.poolId.value,
    pushOn: view.pushEnabled.checked,
    arns: currentArns(),
    pushRole: view.pushRole.value,
    streamsOn: view.streamsEnabled.checked,
    streamName: view.streamName.value,
    streamsRole: view.streamsRole.value,
    status: view.statusEnabled.checked ? 'ENABLED' : view.statusDisabled.checked ? 'DISABLED' : '',
  };
}

function setValue(field: VscodeTextfield, value: string): void {
  if (field.value !== value) field.value = value;
}

function setRows(values: string[]): void {
  const long = values.length > ROW_LIMIT;
  longList = long ? [...values] : undefined;
  view.rowList.hidden = long;
  view.arnSummary.hidden = !long;
  if (long) {
    while (view.rows.length) view.rows.pop()?.item.remove();
    view.arnSummaryText.textContent = `${values.length.toLocaleString()} application ARNs: too many to edit one per row here. Edit them in the JSON view; adding ARNs below still works.`;
    view.noRows.hidden = true;
    return;
  }
  while (view.rows.length < values.length) {
    const row = createRow(view.rows.length);
    view.rows.push(row);
    view.rowList.append(row.item);
  }
  while (view.rows.length > values.length) {
    view.rows.pop()?.item.remove();
    alerted.delete(`arn-${view.rows.length}`);
  }
  values.forEach((value, index) => setValue(view.rows[index].field, value));
  view.noRows.hidden = values.length > 0;
}

function setStatus(status: FormModel['status']): void {
  view.statusEnabled.checked = status === 'ENABLED';
  view.statusDisabled.checked = status === 'DISABLED';
  syncRadioTabStops();
}

/** One tab stop in the radio group: the checked radio, else the first. */
function syncRadioTabStops(): void {
  const checked = view.statusDisabled.checked ? view.statusDisabled : view.statusEnabled;
  for (const radio of [view.statusEnabled, view.statusDisabled]) radio.tabIndex = radio === checked ? 0 : -1;
}

function updateSections(): void {
  view.pushBody.hidden = !view.pushEnabled.checked;
  view.streamsBody.hidden = !view.streamsEnabled.checked;
}

const isHidden = (element: Element): boolean => !element.isConnected || element.closest('[hidden]') !== null;

/** The focused control and its caret, to put the focus back after the form is filled anew. */
function captureFocus(): { element: HTMLElement; id: string; caret?: number } | undefined {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return undefined;
  const input = (element as Partial<VscodeTextfield>).wrappedElement;
  return { element, id: element.id, caret: input?.selectionStart ?? undefined };
}

function restoreFocus(previous: ReturnType<typeof captureFocus>): void {
  if (!previous) return;
  let target: HTMLElement | null = isHidden(previous.element) ? document.getElementById(previous.id) : previous.element;
  if (!target || isHidden(target)) {
    // Its row went away or its section was switched off: the nearest control that is still there.
    const inPush = previous.id.startsWith('arn-') || previous.id === 'push-role';
    const inStreams = ['stream-name', 'streams-role', 'status-enabled', 'status-disabled'].includes(previous.id);
    target = inPush ? (isHidden(view.arnNew) ? view.pushEnabled : view.arnNew) : inStreams ? view.streamsEnabled : null;
  }
  if (!target) return;
  if (document.activeElement !== target) target.focus();
  const { caret } = previous;
  if (caret === undefined || target !== previous.element || target.tagName !== 'VSCODE-TEXTFIELD') return;
  // The new value reaches the inner <input> on the next render, which puts the caret at the end.
  void innerInput(target as VscodeTextfield).then((input) => {
    if (!input || document.activeElement !== target) return;
    const position = Math.min(caret, input.value.length);
    if (input.selectionStart !== position) input.setSelectionRange(position, position);
  });
}

function fill(model: FormModel): void {
  const focus = captureFocus();
  setValue(view.poolId, model.identityPoolId);
  view.pushEnabled.checked = model.pushOn;
  setRows(model.arns);
  setValue(view.pushRole, model.pushRole);
  view.streamsEnabled.checked = model.streamsOn;
  setValue(view.streamName, model.streamName);
  setValue(view.streamsRole, model.streamsRole);
  setStatus(model.status);
  updateSections();
  restoreFocus(focus);
}

// ---------------------------------------------------------------------------------------------
// Posting edits

function post(message: WebviewMessage): void {
  vscodeApi.postMessage(message);
}

/** Posts the configuration the form shows, unless the document already holds it. */
function postEdit(): void {
  if (editTimer !== undefined) clearTimeout(editTimer);
  editTimer = undefined;
  if (!state?.configuration) return;
  const { configuration } = buildConfiguration(readModel());
  const key = JSON.stringify(configuration);
  if (key === documentKey) return;
  documentKey = key;
  unacknowledged.push(key);
  if (unacknowledged.length > 50) unacknowledged.shift();
  post({ type: 'edit', configuration });
}

function scheduleEdit(): void {
  if (editTimer !== undefined) clearTimeout(editTimer);
  editTimer = setTimeout(postEdit, EDIT_DELAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Problems, buttons, pending changes

interface Placed {
  fields: Map<FieldKey, Problem[]>;
  /** Problems the form has no field for: shown in the banner. */
  banner: Problem[];
}

/**
 * The problems to show: the rules run on what the form shows, plus the document's own problems
 * (they may say more, e.g. warnings that need the pool's account) for fields that still show
 * what the document holds.
 */
function placeProblems(model: FormModel, built: BuiltConfiguration): Placed {
  const fields = new Map<FieldKey, Problem[]>();
  const banner: Problem[] = [];
  const seen = new Set<string>();
  const place = (key: FieldKey | undefined, problem: Problem): void => {
    const signature = JSON.stringify([key ?? null, problem.severity, problem.message]);
    if (seen.has(signature)) return;
    seen.add(signature);
    if (key === undefined) banner.push(problem);
    else fields.set(key, [...(fields.get(key) ?? []), problem]);
  };
  if (!state?.configuration) {
    state?.problems.forEach((problem) => place(undefined, problem));
    return { fields, banner };
  }
  for (const problem of validateConfiguration(built.configuration).problems) place(fieldOf(problem.path, built.rowOfIndex), problem);
  const documentModel = modelOf(state.configuration);
  for (const problem of state.problems) {
    const key = fieldOf(problem.path);
    if (key === undefined) place(undefined, problem);
    else if (fieldValue(model, key) === fieldValue(documentModel, key)) place(key, problem);
  }
  return { fields, banner };
}

function problemLine(problem: Problem): HTMLDivElement {
  const error = problem.severity === 'error';
  return el('div', { className: `message ${problem.severity}` }, icon(error ? 'error' : 'warning'), el('span', {}, srOnly(error ? 'Error: ' : 'Warning: '), problem.message));
}

const ALL_FIELDS: FieldKey[] = ['pool-id', 'push-enabled', 'arn-new', 'push-role', 'streams-enabled', 'stream-name', 'streams-role', 'status'];

function showFieldProblems(key: FieldKey, problems: Problem[], announce: boolean): void {
  const container = document.getElementById(`${key}-msg`);
  const control = document.getElementById(key);
  if (!container || !control) return;
  const hasError = problems.some((problem) => problem.severity === 'error');
  const alert = announce && hasError && !alerted.has(key);
  if (alert) alerted.add(key);
  if (!hasError) alerted.delete(key);

  const signature = JSON.stringify(problems.map((problem) => [problem.severity, problem.message]));
  // Unchanged problems: nothing to redo (this runs for every field on every keystroke).
  if (container.dataset.signature === signature && !alert) return;
  container.dataset.signature = signature;
  const lines = problems.map(problemLine);
  // A new error is inserted as a fresh role="alert" element, which screen readers announce once;
  // later renders replace it with plain lines, so typing in a field in error stays quiet.
  container.replaceChildren(...(alert ? [el('div', { attrs: { role: 'alert' } }, ...lines)] : lines));

  const hint = document.getElementById(`${key}-hint`);
  const describedBy = [hint?.id, problems.length ? container.id : undefined].filter((id): id is string => id !== undefined).join(' ');
  if (describedBy) control.setAttribute('aria-describedby', describedBy);
  else control.removeAttribute('aria-describedby');
  if (hasError) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (control.tagName === 'VSCODE-TEXTFIELD') {
    const field = control as VscodeTextfield;
    field.invalid = hasError;
    field.classList.toggle('has-warning', !hasError && problems.length > 0);
    // IDREFs do not cross the shadow root: the inner <input>, which gets the focus, is told directly.
    const description = [hint?.textContent ?? '', ...problems.map((problem) => `${problem.severity === 'error' ? 'Error' : 'Warning'}: ${problem.message}`)].filter(Boolean).join(' ');
    void innerInput(field).then((input) => {
      if (!input) return;
      if (hasError) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      if (description) input.setAttribute('aria-description', description);
      else input.removeAttribute('aria-description');
    });
  }
}

/** While the list has no rows, its problems are listed under the summary, each naming its ARN. */
function showLongListProblems(fields: Map<FieldKey, Problem[]>): void {
  const SHOWN = 20;
  const problems = [...fields.entries()]
    .filter(([key]) => /^arn-\d+$/.test(key))
    .flatMap(([key, list]) => list.map((problem) => ({ ...problem, message: `Application ARN ${Number(key.slice('arn-'.length)) + 1}: ${problem.message}` })));
  const container = view.arnSummaryMessages;
  const signature = JSON.stringify(problems.slice(0, SHOWN).map((problem) => problem.message).concat(String(problems.length)));
  if (container.dataset.signature === signature) return;
  container.dataset.signature = signature;
  const more = problems.length > SHOWN ? [el('div', { className: 'hint', text: `…and ${(problems.length - SHOWN).toLocaleString()} more. The JSON view and the Problems panel list them all.` })] : [];
  container.replaceChildren(...problems.slice(0, SHOWN).map(problemLine), ...more);
}

function showBanner(problems: Problem[], announce: boolean): void {
  const invalid = !state?.configuration;
  const shown = state !== undefined && (invalid || problems.length > 0);
  view.banner.hidden = !shown;
  const signature = shown ? JSON.stringify([invalid, problems.map((problem) => problem.message)]) : '';
  if (signature === bannerSignature) return;
  bannerSignature = signature;
  if (!shown) return;
  const text = invalid
    ? 'The document text is not a valid configuration, so the form cannot show it. Fix it in the JSON view.'
    : 'The document text is not valid: it has problems the form has no field for. Fix them in the JSON view.';
  view.bannerText.replaceChildren(announce ? el('span', { attrs: { role: 'alert' }, text }) : text);
  view.bannerList.replaceChildren(...problems.map((problem) => el('li', {}, problemLine(problem))));
}

function showChanges(built: BuiltConfiguration): void {
  const live = state?.configuration ? state.live : undefined;
  view.changes.hidden = live === undefined;
  if (!live) return;
  const lines = describeChanges(live, built.configuration);
  // A few dozen lines say what a save does; thousands (a pasted list) would only slow every keystroke.
  const SHOWN = 50;
  const more = lines.length > SHOWN ? [el('li', { className: 'hint', text: `…and ${(lines.length - SHOWN).toLocaleString()} more changes` })] : [];
  view.changeList.replaceChildren(...lines.slice(0, SHOWN).map((line) => el('li', { text: line })), ...more);
  view.changeList.hidden = lines.length === 0;
  view.noChanges.hidden = lines.length > 0;
}

function updateButtons(hasErrors: boolean): void {
  const dirty = (state?.dirty ?? false) || editTimer !== undefined || unacknowledged.length > 0;
  const canSave = dirty && !hasErrors && !busy && state?.configuration !== undefined;
  view.save.disabled = !canSave;
  view.save.title = busy ? 'Saving…' : hasErrors ? 'Fix the errors first' : !dirty ? 'No changes to save' : 'Save (Ctrl+S)';
  view.revert.disabled = !dirty || busy;
}

/** Brings problems, buttons and the pending changes up to date with the form. */
function refresh(announce: boolean): void {
  const model = readModel();
  const built = buildConfiguration(model);
  const placed = placeProblems(model, built);
  const keys = new Set<FieldKey>([...ALL_FIELDS, ...view.rows.map((_, index): FieldKey => `arn-${index}`)]);
  for (const key of keys) showFieldProblems(key, placed.fields.get(key) ?? [], announce);
  if (longList) showLongListProblems(placed.fields);
  showBanner(placed.banner, announce);
  showChanges(built);
  const hasErrors = [...placed.fields.values(), placed.banner].some((problems) => problems.some((problem) => problem.severity === 'error'));
  updateButtons(hasErrors);
}

function announce(text: string): void {
  // A polite status message, e.g. "2 application ARNs added."; cleared first so a repeat is read again.
  view.announcer.textContent = '';
  setTimeout(() => (view.announcer.textContent = text), 50);
}

// ---------------------------------------------------------------------------------------------
// Messages from the extension

function showHeader(next: FormState): void {
  view.title.textContent = next.poolName || next.configuration?.IdentityPoolId || 'Cognito Sync configuration';
  view.subtitle.textContent = next.subtitle;
  const key = /Mac/u.test(navigator.userAgent) ? '⌘S' : 'Ctrl+S';
  view.saveNote.textContent = `${key} also saves. ${next.source === 'remote' ? 'Saving writes the configuration to the identity pool.' : 'Saving writes the file.'}`;
}

function receiveState(next: FormState): void {
  const first = state === undefined;
  state = next;
  showHeader(next);
  view.sections.hidden = !next.configuration;
  view.poolIdField.hidden = !next.configuration;
  if (!next.configuration) {
    // Nothing to show: the form stays as it was, hidden, and the banner says why.
    documentKey = undefined;
    refresh(!first);
    return;
  }
  const incoming = shownKey(next.configuration);
  const echoed = unacknowledged.indexOf(incoming);
  if (echoed >= 0) unacknowledged.splice(0, echoed + 1);
  const shows = incoming === JSON.stringify(buildConfiguration(readModel()).configuration);
  // Re-render only for a change made elsewhere (JSON view, undo, revert, save): not for the echo of
  // the form's own edit, not while an edit of the form is about to be posted, and not for a state
  // whose document content is unchanged (VS Code reports dirty-state changes separately, and such
  // a state can arrive after the form posted a newer edit).
  const contentChanged = incoming !== documentKey;
  if (documentKey === undefined || (contentChanged && !shows && echoed < 0 && editTimer === undefined)) {
    unacknowledged.length = 0;
    fill(modelOf(next.configuration));
  }
  documentKey = incoming;
  if (first) {
    // Problems already in the document when it opens are shown, not announced.
    refresh(false);
    for (const key of ALL_FIELDS) if (document.getElementById(`${key}-msg`)?.querySelector('.error')) alerted.add(key);
    view.rows.forEach((_, index) => document.getElementById(`arn-${index}-msg`)?.querySelector('.error') && alerted.add(`arn-${index}`));
  } else {
    refresh(true);
  }
}

function receiveBusy(isBusy: boolean, message: string | undefined): void {
  busy = isBusy;
  view.busyIcon.hidden = !isBusy;
  view.busyText.textContent = message ?? (isBusy ? 'Working…' : '');
  refresh(false);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'state') receiveState(message.state);
  else if (message.type === 'busy') receiveBusy(message.busy, message.message);
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
  setValue(target, values[0]);
  postEdit();
  refresh(true);
  target.focus();
  announce(`${values[0]} chosen.`);
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
  const values = currentArns();
  // Blank rows left by "Add" are filled first.
  const queue = [...arns];
  const filled = values.map((value) => (value.trim() === '' && queue.length ? (queue.shift() as string) : value));
  setRows([...filled, ...queue]);
  postEdit();
  refresh(true);
  announce(arns.length === 1 ? 'Application ARN added.' : `${arns.length} application ARNs added.`);
}

function addFromField(): void {
  const arns = splitArns(view.arnNew.value);
  if (arns.length === 0) {
    if (longList) {
      announce('Type or paste the application ARNs to add first.');
      return;
    }
    // Nothing typed: an empty row to type into.
    setRows([...view.rows.map((row) => row.field.value), '']);
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
  // The alerts of the rows below move up with them.
  for (let row = index; row < values.length; row++) {
    if (alerted.has(`arn-${row + 1}`)) alerted.add(`arn-${row}`);
    else alerted.delete(`arn-${row}`);
  }
  setRows(values);
  const next = view.rows[index] ?? view.rows[index - 1];
  (next ? next.remove : view.arnNew).focus();
  postEdit();
  refresh(true);
  announce(`Application ARN ${index + 1} removed.`);
}

function saveDraft(): void {
  vscodeApi.setState({ draft: view.arnNew.value || undefined });
}

app.addEventListener('input', (event) => {
  if (event.target === view.arnNew) {
    saveDraft();
    return;
  }
  if (!textfields().includes(event.target as VscodeTextfield)) return;
  refresh(false);
  scheduleEdit();
});

// Capture: the textfield's `change` (on blur or Enter) does not bubble.
app.addEventListener(
  'change',
  (event) => {
    const target = event.target;
    if (target === view.pushEnabled || target === view.streamsEnabled) {
      updateSections();
    } else if (target === view.statusEnabled || target === view.statusDisabled) {
      syncRadioTabStops();
    } else if (!textfields().includes(target as VscodeTextfield)) {
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
    syncRadioTabStops();
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
    postEdit();
    post({ type: 'save' });
  } else if (target === view.revert) {
    if (view.revert.disabled) return;
    if (editTimer !== undefined) clearTimeout(editTimer);
    editTimer = undefined;
    post({ type: 'revert' });
  } else if (target === view.openAsJson || target === view.arnSummaryOpenAsJson) {
    post({ type: 'openAsJson' });
  } else if (target.classList.contains('picker')) {
    post({ type: 'pick', field: target.dataset.picker as PickerField });
  } else if (target.classList.contains('remove-arn')) {
    removeRow(Number(target.dataset.row));
  }
});

// Ctrl+S / Cmd+S is handled by VS Code (it saves the document): the typing not posted yet goes first.
window.addEventListener(
  'keydown',
  (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') postEdit();
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
