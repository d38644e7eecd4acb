// Where the form shows problems: under each field, in the summary of a long ARN list, and in the
// banner for problems the form has no field for. It also decides which problems to show
// (placeProblems) and remembers which errors were announced, so a screen reader hears an error
// once when it appears and not again on every keystroke.
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { FormState } from '../../src/editor/protocol';
import type { Problem } from '../../src/model/rules';
import { validateConfiguration } from '../../src/model/rules';
import { el, icon, innerInput, srOnly } from './dom';
import { BuiltConfiguration, FieldKey, fieldOf, fieldValue, FormModel, modelOf } from './formModel';
import type { View } from './view';
import * as l10n from '@vscode/l10n';

export interface Placed {
  fields: Map<FieldKey, Problem[]>;
  /** Problems the form has no field for: shown in the banner. */
  banner: Problem[];
}

export const ALL_FIELDS: FieldKey[] = ['pool-id', 'push-enabled', 'arn-new', 'push-role', 'streams-enabled', 'stream-name', 'streams-role', 'status'];

/**
 * The problems to show: the rules run on what the form shows, plus the document's own problems
 * (they may say more, e.g. warnings that need the pool's account) for fields that still show
 * what the document holds. The same problem is placed once.
 */
export function placeProblems(state: FormState | undefined, model: FormModel, built: BuiltConfiguration): Placed {
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

export const hasErrors = (placed: Placed): boolean => [...placed.fields.values(), placed.banner].some((problems) => problems.some((problem) => problem.severity === 'error'));

function problemLine(problem: Problem): HTMLDivElement {
  const error = problem.severity === 'error';
  return el('div', { className: `message ${problem.severity}` }, icon(error ? 'error' : 'warning'), el('span', {}, srOnly(error ? l10n.t('Error: ') : l10n.t('Warning: ')), problem.message));
}

export class ProblemsView {
  /** Fields whose current error was announced (role="alert" is used only for an error that is new). */
  private readonly alerted = new Set<string>();
  /** The banner's last content, to announce it only when it changes. */
  private bannerSignature = '';

  constructor(private readonly view: View) {}

  /** Shows `placed`; `longList` when the ARNs are summarised instead of one row each. */
  show(placed: Placed, invalidDocument: boolean, longList: boolean, announce: boolean): void {
    const keys = new Set<FieldKey>([...ALL_FIELDS, ...this.view.rows.map((_, index): FieldKey => `arn-${index}`)]);
    for (const key of keys) this.showField(key, placed.fields.get(key) ?? [], announce);
    if (longList) this.showLongList(placed.fields);
    this.showBanner(placed.banner, invalidDocument, announce);
  }

  /** Errors already in the document when it opens are shown, not announced. */
  markShownAsAnnounced(): void {
    const keys = [...ALL_FIELDS, ...this.view.rows.map((_, index): FieldKey => `arn-${index}`)];
    for (const key of keys) if (document.getElementById(`${key}-msg`)?.querySelector('.error')) this.alerted.add(key);
  }

  /** Row `index` went away. */
  forgetRow(index: number): void {
    this.alerted.delete(`arn-${index}`);
  }

  /** Row `index` was removed: the alerts of the rows below move up with them. */
  removeRow(index: number, rowsLeft: number): void {
    for (let row = index; row < rowsLeft; row++) {
      if (this.alerted.has(`arn-${row + 1}`)) this.alerted.add(`arn-${row}`);
      else this.alerted.delete(`arn-${row}`);
    }
  }

  private showField(key: FieldKey, problems: Problem[], announce: boolean): void {
    const container = document.getElementById(`${key}-msg`);
    const control = document.getElementById(key);
    if (!container || !control) return;
    const hasError = problems.some((problem) => problem.severity === 'error');
    const alert = announce && hasError && !this.alerted.has(key);
    if (alert) this.alerted.add(key);
    if (!hasError) this.alerted.delete(key);

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
      const description = [hint?.textContent ?? '', ...problems.map((problem) => `${problem.severity === 'error' ? l10n.t('Error') : l10n.t('Warning')}: ${problem.message}`)].filter(Boolean).join(' ');
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
  private showLongList(fields: Map<FieldKey, Problem[]>): void {
    const SHOWN = 20;
    const problems = [...fields.entries()]
      .filter(([key]) => /^arn-\d+$/.test(key))
      .flatMap(([key, list]) => list.map((problem) => ({ ...problem, message: l10n.t('Application ARN {0}: {1}', Number(key.slice('arn-'.length)) + 1, problem.message) })));
    const container = this.view.arnSummaryMessages;
    const signature = JSON.stringify(problems.slice(0, SHOWN).map((problem) => problem.message).concat(String(problems.length)));
    if (container.dataset.signature === signature) return;
    container.dataset.signature = signature;
    const more = problems.length > SHOWN ? [el('div', { className: 'hint', text: l10n.t('…and {0} more. The JSON view and the Problems panel list them all.', (problems.length - SHOWN).toLocaleString()) })] : [];
    container.replaceChildren(...problems.slice(0, SHOWN).map(problemLine), ...more);
  }

  private showBanner(problems: Problem[], invalid: boolean, announce: boolean): void {
    const { view } = this;
    const shown = invalid || problems.length > 0;
    view.banner.hidden = !shown;
    const signature = shown ? JSON.stringify([invalid, problems.map((problem) => problem.message)]) : '';
    if (signature === this.bannerSignature) return;
    this.bannerSignature = signature;
    if (!shown) return;
    const text = invalid
      ? l10n.t('The document text is not a valid configuration, so the form cannot show it. Fix it in the JSON view.')
      : l10n.t('The document text is not valid: it has problems the form has no field for. Fix them in the JSON view.');
    view.bannerText.replaceChildren(announce ? el('span', { attrs: { role: 'alert' }, text }) : text);
    view.bannerList.replaceChildren(...problems.map((problem) => el('li', {}, problemLine(problem))));
  }
}
