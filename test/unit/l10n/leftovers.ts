// Finds user-facing texts written as plain literals instead of going through l10n: string
// literals and templates that read as prose and sit where a person sees them (messages, tree
// items, quick picks, input boxes, progress, errors, the form's DOM), parsed with the TypeScript
// compiler API. One literal per message is what l10n-dev exports, so a leftover is any such
// literal that is not the first argument of `vscode.l10n.t` / `l10n.t`.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export interface Leftover {
  file: string;
  line: number;
  text: string;
}

/** Calls whose every string argument is shown: messages, errors, the form's DOM helpers. */
const SHOWN_ARGUMENTS = new Set([
  'showInformationMessage', 'showWarningMessage', 'showErrorMessage',
  'Error', 'AwsError', 'NoPermissions', 'Unavailable', 'FileNotFound', 'FileExists', 'FileIsADirectory', 'FileNotADirectory',
  'TreeItem', 'MarkdownString', 'appendMarkdown', 'appendText', 'setStatusBarMessage',
  'button', 'label', 'field', 'pickerField', 'checkbox', 'srOnly', 'announce', 'separator', 'notify', 'confirm',
]);

/** Object properties and assignments whose value is shown. */
const SHOWN_PROPERTIES = new Set([
  'label', 'description', 'detail', 'tooltip', 'title', 'placeHolder', 'placeholder', 'prompt', 'message', 'text', 'textContent',
  'ariaLabel', 'subtitle', 'validationMessage', 'missing', 'wrongType', 'wrongKind', 'changeLabel', 'what', 'typeInstead',
]);

/** Reads as words a person reads (not an id, a path, a file name, a command, a CSS class). */
function isProse(text: string): boolean {
  // A codicon ($(globe)) leads some labels: the words after it count.
  const plain = text.replace(/\$\{[^}]*\}|\{\d+\}/g, 'X').replace(/^\$\([\w~-]+\)\s*/, '');
  if (!/[A-Za-z]{2}/.test(plain) || /^\s*[[{<]/.test(plain)) return false;
  if (/^(https?:|arn:|\.{0,2}\/)/.test(plain) || /^[a-z][\w-]*(\.[\w-]+)+$/.test(plain) || /^[\w./-]*\.(json|ts|tf|ya?ml)$/.test(plain)) return false;
  return /[A-Za-z]\S* +\S*[A-Za-z(]/.test(plain) || /^[A-Z][a-z]{2,}(…|\.)?$/.test(plain) || /…$/.test(plain);
}

function isL10nCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression.getText();
  return callee === 'vscode.l10n.t' || callee === 'l10n.t';
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const expression = call.expression;
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return '';
}

/** Walks up through the expressions that pass a value on unchanged (?:, ??, ||, parentheses, arrays, spreads, +). */
function consumer(node: ts.Node): { at: ts.Node; via: ts.Node } {
  let via = node;
  let at = node.parent;
  while (
    ts.isConditionalExpression(at) && at.condition !== via ||
    ts.isParenthesizedExpression(at) || ts.isArrayLiteralExpression(at) || ts.isSpreadElement(at) || ts.isAsExpression(at) ||
    ts.isBinaryExpression(at) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.PlusToken].includes(at.operatorToken.kind) ||
    ts.isTemplateSpan(at) || ts.isTemplateExpression(at)
  ) {
    via = at;
    at = at.parent;
  }
  return { at, via };
}

function isShownPosition(node: ts.Node): boolean {
  const { at, via } = consumer(node);
  if (isL10nCall(at)) return false;
  if ((ts.isCallExpression(at) || ts.isNewExpression(at)) && at.expression !== via) {
    const name = calleeName(at);
    // A problem collector's error()/warning() is shown (Problems panel, the form); the log's is not.
    if (['error', 'warning', 'warn', 'info'].includes(name) && ts.isPropertyAccessExpression(at.expression)) return !/(^|\.)(log|logger|console|output)\??$/i.test(at.expression.expression.getText());
    return SHOWN_ARGUMENTS.has(name);
  }
  if (ts.isPropertyAssignment(at) && at.initializer === via) return SHOWN_PROPERTIES.has(at.name.getText().replace(/['"]/g, ''));
  if (ts.isBinaryExpression(at) && at.operatorToken.kind === ts.SyntaxKind.EqualsToken && at.right === via && ts.isPropertyAccessExpression(at.left)) {
    return SHOWN_PROPERTIES.has(at.left.name.text);
  }
  if (ts.isReturnStatement(at) || ts.isArrowFunction(at)) {
    // A function that returns a shown text: its name says so (…Label, …Message, …Reason, describe…, format…).
    const fn = ts.findAncestor(at, ts.isFunctionLike);
    const name = fn && 'name' in fn && fn.name ? fn.name.getText() : '';
    return /label|message|reason|text|title|describe|format|summary/i.test(name);
  }
  return false;
}

/** The leftovers of one TypeScript file. */
export function leftoversIn(file: string, source: string): Leftover[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: Leftover[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const text = ts.isTemplateExpression(node) ? node.head.text + node.templateSpans.map((span) => `\${}${span.literal.text}`).join('') : node.text;
      if (isProse(text) && isShownPosition(node)) {
        found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Every .ts file under the given folders. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    });
  return folders.flatMap((folder) => walk(path.join(root, folder))).sort();
}
