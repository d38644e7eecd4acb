// The Problems panel for *.cognito-sync.json documents (a pool's and local files): the same
// problems, severities and messages as the form, each once. The contributed JSON schema does not
// validate (see src/model/completionSchema.ts: VS Code's JSON language service would call every
// violation a warning), so every rule problem is reported here; JSON syntax errors are left to
// the JSON language service, which reports them as errors already. A local file the AWS CLI
// cannot read because of its encoding gets a warning with a quick fix (encodingCheck.ts).
import { parseTree, ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import { validateConfigurationText } from '../model/configurationText';
import type { TextProblem } from '../model/configurationText';
import { ENCODING_DIAGNOSTIC_CODE, EncodingChecks, registerEncodingQuickFix } from './encodingCheck';

const SUFFIX = '.cognito-sync.json';
const SOURCE = vscode.l10n.t('Cognito Sync');

/** Syntax errors as the JSON language service reports them (strict JSON: comments are errors too). */
function hasSyntaxErrors(text: string): boolean {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.length > 0;
}

/** The problems of `text` for the Problems panel: what the JSON language service does not report, each once. */
export function panelProblems(text: string): TextProblem[] {
  const { configuration, problems } = validateConfigurationText(text);
  // Without a configuration the rules did not run: problems not marked beyondSchema are syntax errors.
  const syntax = !configuration && problems.some((problem) => !problem.beyondSchema) && hasSyntaxErrors(text);
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (syntax && !problem.beyondSchema) return false;
    const signature = JSON.stringify([problem.offset ?? 0, problem.length ?? 0, problem.severity, problem.message]);
    if (seen.has(signature)) return false;
    seen.add(signature);
    return true;
  });
}

export function registerConfigurationDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('cognito-sync');
  const update = (document: vscode.TextDocument) => {
    if (!document.uri.path.endsWith(SUFFIX)) return;
    const diagnostics = panelProblems(document.getText()).map((problem) => {
      const start = document.positionAt(problem.offset ?? 0);
      const end = document.positionAt((problem.offset ?? 0) + (problem.length ?? 0));
      const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
      const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), problem.message, severity);
      diagnostic.source = SOURCE;
      return diagnostic;
    });
    const encoding = encodingChecks.problemOf(document.uri);
    if (encoding) {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), encoding, vscode.DiagnosticSeverity.Warning);
      diagnostic.source = SOURCE;
      diagnostic.code = ENCODING_DIAGNOSTIC_CODE;
      diagnostics.unshift(diagnostic);
    }
    collection.set(document.uri, diagnostics);
  };
  const encodingChecks = new EncodingChecks((uri) => {
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (document) update(document);
  });
  const check = (document: vscode.TextDocument) => {
    if (document.uri.path.endsWith(SUFFIX)) void encodingChecks.check(document.uri);
  };
  vscode.workspace.textDocuments.forEach((document) => {
    update(document);
    check(document);
  });
  return vscode.Disposable.from(
    collection,
    registerEncodingQuickFix(encodingChecks),
    vscode.workspace.onDidOpenTextDocument((document) => {
      update(document);
      check(document);
    }),
    vscode.workspace.onDidSaveTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((event) => update(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      collection.delete(document.uri);
      encodingChecks.forget(document.uri);
    }),
  );
}
