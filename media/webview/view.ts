// The form's DOM, built once. The controller (main.ts) updates it in place, so a new document
// state never destroys the element that has the keyboard focus. DOM order is visual order, which
// is also the tab order.
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { VscodeRadio } from '@vscode-elements/elements/dist/vscode-radio/index.js';
import type { VscodeRadioGroup } from '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { CreateField, PickerField } from '../../src/editor/protocol';
import { button, el, icon, label, srOnly, textfield } from './dom';
import * as l10n from '@vscode/l10n';

const ROLE_PLACEHOLDER = 'arn:aws:iam::123456789012:role/CognitoSyncRole';
const APP_PLACEHOLDER = 'arn:aws:sns:us-east-1:123456789012:app/GCM/MyApp';

export interface ArnRow {
  item: HTMLLIElement;
  field: VscodeTextfield;
  remove: VscodeButton;
}

export interface View {
  title: HTMLHeadingElement;
  subtitle: HTMLParagraphElement;
  saveNote: HTMLParagraphElement;
  save: VscodeButton;
  revert: VscodeButton;
  busy: HTMLDivElement;
  busyIcon: HTMLElement;
  busyText: HTMLSpanElement;
  poolId: VscodeTextfield;
  poolIdField: HTMLDivElement;
  banner: HTMLDivElement;
  bannerText: HTMLParagraphElement;
  bannerList: HTMLUListElement;
  openAsJson: VscodeButton;
  sections: HTMLDivElement;
  pushEnabled: VscodeCheckbox;
  pushBody: HTMLDivElement;
  rowList: HTMLUListElement;
  rows: ArnRow[];
  /** Shown instead of the rows when the list is too long to edit one field per ARN. */
  arnSummary: HTMLDivElement;
  arnSummaryText: HTMLParagraphElement;
  arnSummaryOpenAsJson: VscodeButton;
  arnSummaryMessages: HTMLDivElement;
  noRows: HTMLParagraphElement;
  arnNew: VscodeTextfield;
  add: VscodeButton;
  pushRole: VscodeTextfield;
  streamsEnabled: VscodeCheckbox;
  streamsBody: HTMLDivElement;
  streamName: VscodeTextfield;
  streamsRole: VscodeTextfield;
  status: VscodeRadioGroup;
  statusEnabled: VscodeRadio;
  statusDisabled: VscodeRadio;
  /** The "Choose…" buttons that open a quick pick of the account's resources, and their notes. */
  pickers: Record<PickerField, { button: VscodeButton; note: HTMLParagraphElement }>;
  /** The "Create role…" / "Create stream…" buttons beside "Choose…"; their answers use the picker's note. */
  creators: Record<CreateField, VscodeButton>;
  changes: HTMLElement;
  changeList: HTMLUListElement;
  noChanges: HTMLParagraphElement;
  announcer: HTMLDivElement;
}

/** The container of the messages of a field; aria-describedby points at it while it has any. */
export function messages(id: string): HTMLDivElement {
  return el('div', { id: `${id}-msg`, className: 'messages' });
}

function field(id: string, labelText: string, control: HTMLElement, hint?: string): HTMLDivElement {
  return el('div', { className: 'field' }, label(id, labelText), hint ? el('p', { id: `${id}-hint`, className: 'hint', text: hint }) : undefined, control, messages(id));
}

/**
 * A "Choose…" button beside a field: it asks the extension for a quick pick of the account's
 * resources. Its note says why no list could be offered (the field then stays free text).
 */
function picker(field: PickerField, what: string): { button: VscodeButton; note: HTMLParagraphElement } {
  const choose = button(l10n.t('Choose…'), 'list-selection', { id: `pick-${field}`, secondary: true, ariaLabel: l10n.t('Choose {0} from your account', what) });
  choose.classList.add('picker');
  choose.dataset.picker = field;
  const note = el('p', { id: `pick-${field}-note`, className: 'hint picker-note', hidden: true });
  return { button: choose, note };
}

/**
 * A "Create role…" or "Create stream…" button (its accessible name starts with its visible text,
 * as axe's label-content-name-mismatch asks): the extension asks the questions, shows what it
 * will create, and answers with the new value (or a note), which the form puts in like a pick.
 */
function creator(field: CreateField, text: string, ariaLabel: string): VscodeButton {
  const create = button(text, 'add', { id: `create-${field}`, secondary: true, ariaLabel });
  create.classList.add('creator');
  create.dataset.create = field;
  return create;
}

/** A field whose control has a picker button (and maybe a create button) beside it. */
function pickerField(id: string, labelText: string, control: HTMLElement, choose: { button: VscodeButton; note: HTMLParagraphElement }, hint: string, create?: VscodeButton): HTMLDivElement {
  return el(
    'div',
    { className: 'field' },
    label(id, labelText),
    el('p', { id: `${id}-hint`, className: 'hint', text: hint }),
    el('div', { className: 'add-row' }, control, choose.button, create),
    choose.note,
    messages(id),
  );
}

function checkbox(id: string, text: string): VscodeCheckbox {
  const element = el('vscode-checkbox', { id, text });
  element.toggle = true;
  return element;
}

function radio(id: string, value: string): VscodeRadio {
  const element = el('vscode-radio', { id, text: value });
  element.name = 'streaming-status';
  element.value = value;
  // vscode-radio 2.5 renders its inner input as type="checkbox": screen readers would announce
  // "checkbox" inside a radio group. The role is not bound by its template, so it stays.
  void element.updateComplete.then(() => element.shadowRoot?.querySelector('input')?.setAttribute('role', 'radio'));
  return element;
}

export function createRow(index: number): ArnRow {
  const id = `arn-${index}`;
  const field = textfield(id, APP_PLACEHOLDER);
  field.classList.add('arn-field');
  const remove = button(l10n.t('Remove application ARN {0}', index + 1), 'trash', { secondary: true, iconOnly: true, ariaLabel: l10n.t('Remove application ARN {0}', index + 1) });
  remove.id = `${id}-remove`;
  remove.classList.add('remove-arn');
  remove.dataset.row = String(index);
  const item = el(
    'li',
    { className: 'arn-row' },
    label(id, srOnly(l10n.t('Application ARN ')), String(index + 1)),
    field,
    remove,
    messages(id),
  );
  return { item, field, remove };
}

export function buildView(app: HTMLElement, isMac: boolean): View {
  const title = el('h1', { id: 'title', text: l10n.t('Cognito Sync configuration') });
  const subtitle = el('p', { className: 'subtitle' });
  const save = button(l10n.t('Save'), 'save', { id: 'save' });
  const revert = button(l10n.t('Revert'), 'discard', { id: 'revert', secondary: true });
  const saveNote = el('p', { id: 'save-note', className: 'hint' });
  saveNote.textContent = l10n.t('{0} also saves.', isMac ? '⌘S' : 'Ctrl+S');
  const busyText = el('span');
  const busyIcon = icon('loading', 'busy-icon');
  busyIcon.spin = true;
  const busy = el('div', { id: 'busy', className: 'busy', attrs: { role: 'status' } });
  const poolId = textfield('pool-id');
  poolId.readonly = true;

  const poolIdField = field('pool-id', l10n.t('Identity pool ID'), poolId);
  const header = el(
    'header',
    { className: 'header' },
    el('div', { className: 'title-row' }, el('div', { className: 'title-block' }, title, subtitle), el('div', { className: 'actions' }, save, revert)),
    el('div', { className: 'save-row' }, saveNote, busy),
    poolIdField,
  );

  const bannerText = el('p', { className: 'banner-text' });
  const bannerList = el('ul', { className: 'banner-list' });
  const openAsJson = button(l10n.t('Open as JSON'), 'json', { id: 'open-as-json', secondary: true });
  const banner = el(
    'div',
    { id: 'banner', className: 'banner', hidden: true },
    icon('error', 'banner-icon'),
    el('div', { className: 'banner-body' }, bannerText, bannerList, openAsJson),
  );

  // Push sync
  const pushEnabled = checkbox('push-enabled', l10n.t('Push sync enabled'));
  const rowList = el('ul', { id: 'arn-rows', className: 'arn-rows', attrs: { 'aria-labelledby': 'arns-heading' } });
  const noRows = el('p', { id: 'no-arns', className: 'hint', text: l10n.t('No application ARNs.') });
  const arnSummaryText = el('p', { id: 'arn-summary-text' });
  const arnSummaryOpenAsJson = button(l10n.t('Open as JSON'), 'json', { id: 'arn-summary-open-as-json', secondary: true });
  const arnSummaryMessages = messages('arn-summary');
  const arnSummary = el('div', { id: 'arn-summary', className: 'field', hidden: true }, arnSummaryText, arnSummaryOpenAsJson, arnSummaryMessages);
  const arnNew = textfield('arn-new', l10n.t('Type or paste SNS platform application ARNs'));
  const add = button(l10n.t('Add application ARN'), 'add', { id: 'add-arn', secondary: true });
  const pushRole = textfield('push-role', ROLE_PLACEHOLDER);
  const pickers = {
    'application-arns': picker('application-arns', l10n.t('SNS platform applications')),
    'push-role': picker('push-role', l10n.t('the Push Sync role')),
    'stream-name': picker('stream-name', l10n.t('the Kinesis stream')),
    'streams-role': picker('streams-role', l10n.t('the Cognito Streams role')),
  };
  const creators = {
    'push-role': creator('push-role', l10n.t('Create role…'), l10n.t('Create role for Push Sync in your account')),
    'stream-name': creator('stream-name', l10n.t('Create stream…'), l10n.t('Create stream for Cognito Streams in your account')),
    'streams-role': creator('streams-role', l10n.t('Create role…'), l10n.t('Create role for Cognito Streams in your account')),
  };
  const pushBody = el(
    'div',
    { id: 'push-body', className: 'section-body' },
    el('h3', { id: 'arns-heading', text: l10n.t('Application ARNs') }),
    el('p', { className: 'hint', text: l10n.t('The SNS platform applications (one per mobile platform) that receive the silent push notifications.') }),
    rowList,
    noRows,
    arnSummary,
    el(
      'div',
      { className: 'field add-field' },
      label('arn-new', l10n.t('New application ARN')),
      el('p', { id: 'arn-new-hint', className: 'hint', text: l10n.t('Press Enter to add it. Paste several ARNs at once (separated by new lines, commas or spaces) to add one row each.') }),
      el('div', { className: 'add-row' }, arnNew, add, pickers['application-arns'].button),
      pickers['application-arns'].note,
      messages('arn-new'),
    ),
    pickerField('push-role', l10n.t('Role ARN'), pushRole, pickers['push-role'], l10n.t('The IAM role Cognito Sync assumes to send notifications through SNS.'), creators['push-role']),
  );
  const pushSection = el(
    'section',
    { id: 'push-section', className: 'section', attrs: { 'aria-labelledby': 'push-heading' } },
    el('h2', { id: 'push-heading', text: l10n.t('Push Sync') }),
    el('p', { className: 'hint', text: l10n.t('Notifies a user\'s other devices through Amazon SNS when their data changes.') }),
    el('div', { className: 'field' }, pushEnabled, messages('push-enabled')),
    pushBody,
  );

  // Cognito Streams
  const streamsEnabled = checkbox('streams-enabled', l10n.t('Cognito Streams enabled'));
  const streamName = textfield('stream-name', 'my-kinesis-stream');
  const streamsRole = textfield('streams-role', ROLE_PLACEHOLDER);
  const statusEnabled = radio('status-enabled', 'ENABLED');
  const statusDisabled = radio('status-disabled', 'DISABLED');
  const status = el('vscode-radio-group', { id: 'status' }, statusEnabled, statusDisabled);
  const streamsBody = el(
    'div',
    { id: 'streams-body', className: 'section-body' },
    pickerField('stream-name', l10n.t('Stream name'), streamName, pickers['stream-name'], l10n.t('The Amazon Kinesis stream that receives the dataset changes.'), creators['stream-name']),
    pickerField('streams-role', l10n.t('Role ARN'), streamsRole, pickers['streams-role'], l10n.t('The IAM role Cognito Sync assumes to publish to the stream.'), creators['streams-role']),
    el('div', { className: 'field' }, label('status', l10n.t('Streaming status')), status, messages('status')),
    el('p', { id: 'bulk-note', className: 'note' }, icon('info'), el('span', { text: l10n.t('Bulk publish needs streaming status ENABLED.') })),
  );
  const streamsSection = el(
    'section',
    { id: 'streams-section', className: 'section', attrs: { 'aria-labelledby': 'streams-heading' } },
    el('h2', { id: 'streams-heading', text: l10n.t('Cognito Streams') }),
    el('p', { className: 'hint', text: l10n.t('Publishes every dataset change to an Amazon Kinesis stream.') }),
    el('div', { className: 'field' }, streamsEnabled, messages('streams-enabled')),
    streamsBody,
  );

  // Pending changes
  const changeList = el('ul', { id: 'change-list', className: 'change-list' });
  const noChanges = el('p', { className: 'hint', text: l10n.t('No changes: saving would leave the live configuration as it is.') });
  const changes = el(
    'section',
    { id: 'changes-section', className: 'section changes', hidden: true, attrs: { 'aria-labelledby': 'changes-heading' } },
    el('h2', { id: 'changes-heading', text: l10n.t('Pending changes') }),
    el('p', { className: 'hint', text: l10n.t('What saving changes in the live configuration of the identity pool:') }),
    changeList,
    noChanges,
  );

  const sections = el('div', { id: 'sections' }, pushSection, streamsSection, changes);
  const announcer = el('div', { id: 'announcer', className: 'visually-hidden', attrs: { role: 'status', 'aria-live': 'polite' } });
  busyIcon.hidden = true;
  busy.append(busyIcon, busyText);
  app.replaceChildren(header, banner, sections, announcer);

  return {
    title, subtitle, saveNote, save, revert, busy, busyIcon, busyText, poolId, poolIdField, banner, bannerText, bannerList, openAsJson, sections,
    pushEnabled, pushBody, rowList, rows: [], noRows, arnSummary, arnSummaryText, arnSummaryOpenAsJson, arnSummaryMessages, arnNew, add, pushRole,
    streamsEnabled, streamsBody, streamName, streamsRole, status, statusEnabled, statusDisabled, pickers, creators,
    changes, changeList, noChanges, announcer,
  };
}
