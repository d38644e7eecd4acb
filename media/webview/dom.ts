// Small DOM helpers. Text is only ever set with textContent and attributes with setAttribute:
// no innerHTML anywhere (values come from AWS and from the document), no style attributes and no
// inline handlers (the webview's CSP forbids both).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/index.js';
import type { VscodeIcon } from '@vscode-elements/elements/dist/vscode-icon/index.js';
import type { VscodeLabel } from '@vscode-elements/elements/dist/vscode-label/index.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/index.js';

type Child = Node | string | undefined | false;

export interface Options {
  id?: string;
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
  hidden?: boolean;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: Options = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.id) element.id = options.id;
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.hidden) element.hidden = true;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) {
    if (child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A codicon, hidden from assistive technology (the text next to it says what it means). */
export function icon(name: string, className?: string): VscodeIcon {
  const element = el('vscode-icon', { className, attrs: { 'aria-hidden': 'true' } });
  element.name = name;
  return element;
}

/** Text only screen readers read (e.g. the word "Error:" that an icon shows to sighted users). */
export function srOnly(text: string): HTMLSpanElement {
  return el('span', { className: 'visually-hidden', text });
}

export function label(forId: string, ...children: Child[]): VscodeLabel {
  const element = el('vscode-label', { attrs: { for: forId } }, ...children);
  return element;
}

export function textfield(id: string, placeholder?: string): VscodeTextfield {
  const element = el('vscode-textfield', { id, className: 'textfield' });
  if (placeholder) element.placeholder = placeholder;
  element.autocomplete = 'off';
  element.setAttribute('spellcheck', 'false');
  return element;
}

export function button(text: string, iconName: string, options: { id?: string; secondary?: boolean; ariaLabel?: string; iconOnly?: boolean } = {}): VscodeButton {
  const element = el('vscode-button', { id: options.id });
  if (!options.iconOnly) element.textContent = text;
  element.icon = iconName;
  element.secondary = options.secondary ?? false;
  element.iconOnly = options.iconOnly ?? false;
  if (options.ariaLabel) element.setAttribute('aria-label', options.ariaLabel);
  if (options.iconOnly) element.title = text;
  return element;
}

/** The inner <input> of a vscode-textfield, once rendered: ARIA that must reach the focused element goes there. */
export async function innerInput(field: VscodeTextfield): Promise<HTMLInputElement | undefined> {
  await field.updateComplete;
  return (field.wrappedElement as HTMLInputElement | undefined) ?? undefined;
}
