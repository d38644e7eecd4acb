// The form's fields as a FormModel: reading what they show, filling them with a configuration
// (keeping the keyboard focus and the caret), and the list of application ARN rows, which turns
// into a summary when it is too long to edit one row per ARN.
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { innerInput } from './dom';
import type { FormModel } from './formModel';
import { createRow, View } from './view';
import * as l10n from '@vscode/l10n';

/**
 * Above this many application ARNs the form shows a summary instead of one field per ARN (the JSON
 * view is the tool for thousands of lines): thousands of text fields would freeze the window.
 */
const ROW_LIMIT = 200;

interface CapturedFocus {
  element: HTMLElement;
  id: string;
  caret?: number;
}

const isHidden = (element: Element): boolean => !element.isConnected || element.closest('[hidden]') !== null;

export class FormFields {
  /** The ARNs while the list is too long for rows; undefined while it has rows. */
  longList: string[] | undefined;

  /** `rowRemoved(index)`: the row at index went away (its announced errors are forgotten). */
  constructor(
    private readonly view: View,
    private readonly rowRemoved: (index: number) => void,
  ) {}

  currentArns(): string[] {
    return this.longList ?? this.view.rows.map((row) => row.field.value);
  }

  /** The text fields whose typing is posted as an edit. */
  textfields(): VscodeTextfield[] {
    return [this.view.pushRole, this.view.streamName, this.view.streamsRole, ...this.view.rows.map((row) => row.field)];
  }

  read(): FormModel {
    return {
      identityPoolId: this.view.poolId.value,
      pushOn: this.view.pushEnabled.checked,
      arns: this.currentArns(),
      pushRole: this.view.pushRole.value,
      streamsOn: this.view.streamsEnabled.checked,
      streamName: this.view.streamName.value,
      streamsRole: this.view.streamsRole.value,
      status: this.view.statusEnabled.checked ? 'ENABLED' : this.view.statusDisabled.checked ? 'DISABLED' : '',
    };
  }

  setValue(field: VscodeTextfield, value: string): void {
    if (field.value !== value) field.value = value;
  }

  setRows(values: string[]): void {
    const long = values.length > ROW_LIMIT;
    this.longList = long ? [...values] : undefined;
    this.view.rowList.hidden = long;
    this.view.arnSummary.hidden = !long;
    if (long) {
      while (this.view.rows.length) this.view.rows.pop()?.item.remove();
      this.view.arnSummaryText.textContent = l10n.t('{0} application ARNs: too many to edit one per row here. Edit them in the JSON view; adding ARNs below still works.', values.length.toLocaleString());
      this.view.noRows.hidden = true;
      return;
    }
    while (this.view.rows.length < values.length) {
      const row = createRow(this.view.rows.length);
      this.view.rows.push(row);
      this.view.rowList.append(row.item);
    }
    while (this.view.rows.length > values.length) {
      this.view.rows.pop()?.item.remove();
      this.rowRemoved(this.view.rows.length);
    }
    values.forEach((value, index) => this.setValue(this.view.rows[index].field, value));
    this.view.noRows.hidden = values.length > 0;
  }

  private setStatus(status: FormModel['status']): void {
    this.view.statusEnabled.checked = status === 'ENABLED';
    this.view.statusDisabled.checked = status === 'DISABLED';
    this.syncRadioTabStops();
  }

  /** One tab stop in the radio group: the checked radio, else the first. */
  syncRadioTabStops(): void {
    const checked = this.view.statusDisabled.checked ? this.view.statusDisabled : this.view.statusEnabled;
    for (const radio of [this.view.statusEnabled, this.view.statusDisabled]) radio.tabIndex = radio === checked ? 0 : -1;
  }

  updateSections(): void {
    this.view.pushBody.hidden = !this.view.pushEnabled.checked;
    this.view.streamsBody.hidden = !this.view.streamsEnabled.checked;
  }

  /** The focused control and its caret, to put the focus back after the form is filled anew. */
  private captureFocus(): CapturedFocus | undefined {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return undefined;
    const input = (element as Partial<VscodeTextfield>).wrappedElement;
    return { element, id: element.id, caret: input?.selectionStart ?? undefined };
  }

  private restoreFocus(previous: CapturedFocus | undefined): void {
    if (!previous) return;
    let target: HTMLElement | null = isHidden(previous.element) ? document.getElementById(previous.id) : previous.element;
    if (!target || isHidden(target)) {
      // Its row went away or its section was switched off: the nearest control that is still there.
      const inPush = previous.id.startsWith('arn-') || previous.id === 'push-role';
      const inStreams = ['stream-name', 'streams-role', 'status-enabled', 'status-disabled'].includes(previous.id);
      target = inPush ? (isHidden(this.view.arnNew) ? this.view.pushEnabled : this.view.arnNew) : inStreams ? this.view.streamsEnabled : null;
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

  fill(model: FormModel): void {
    const focus = this.captureFocus();
    this.setValue(this.view.poolId, model.identityPoolId);
    this.view.pushEnabled.checked = model.pushOn;
    this.setRows(model.arns);
    this.setValue(this.view.pushRole, model.pushRole);
    this.view.streamsEnabled.checked = model.streamsOn;
    this.setValue(this.view.streamName, model.streamName);
    this.setValue(this.view.streamsRole, model.streamsRole);
    this.setStatus(model.status);
    this.updateSections();
    this.restoreFocus(focus);
  }
}
