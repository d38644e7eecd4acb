// Problems-panel warnings for *.cognito-sync.json documents beyond what the JSON schema reports:
// duplicate application ARNs, SNS applications in another region than the pool, a pool id in a
// region without Cognito Sync. Errors are left to the schema (the JSON language service reports
// them already), so nothing is reported twice, except those the schema cannot express (too deep,
// repeated members, text that is not UTF-8): the JSON language service does not report them.
import * as vscode from 'vscode';
import { validateConfigurationText } from '../model/configurationText';

const SUFFIX = '.cognito-sync.json';

export function registerConfigurationDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('cognito-sync');
  const update = (document: vscode.TextDocument) => {
    if (!document.uri.path.endsWith(SUFFIX)) return;
    const { problems } = validateConfigurationText(document.getText());
    collection.set(
      document.uri,
      problems
        .filter((problem) => problem.severity === 'warning' || problem.beyondSchema)
        .map((problem) => {
          const start = document.positionAt(problem.offset ?? 0);
          const end = document.positionAt((problem.offset ?? 0) + (problem.length ?? 0));
          const severity = problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
          const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), problem.message, severity);
          diagnostic.source = 'Cognito Sync';
          return diagnostic;
        }),
    );
  };
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((event) => update(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
}
