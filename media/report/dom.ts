// A small DOM builder for the report: text only through textContent, attributes through
// setAttribute; no innerHTML (identity ids and dataset names come from AWS) and no style attributes.
type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, options: { className?: string; text?: string; attrs?: Record<string, string> } = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children) if (child !== undefined && child !== false) element.append(child);
  return element;
}

/** A table with a caption, a header row and body rows of text or nodes. */
export function table(caption: string, header: string[], rows: (string | Node)[][], className?: string): HTMLTableElement {
  return el(
    'table',
    { className },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...header.map((name) => el('th', { text: name, attrs: { scope: 'col' } })))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((value, index) => (index === 0 ? el('th', { attrs: { scope: 'row' } }, value) : el('td', {}, value)))))),
  );
}
