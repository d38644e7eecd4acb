// The pool health report's webview panel: strict CSP with a nonce, resources from dist/ and
// media/report/ only, and every message from the webview validated (src/report/protocol.ts)
// before it reveals an identity or saves a file.
import * as vscode from 'vscode';
import { webviewPage } from '../editor/webviewPage';
import { AwsError } from '../aws';
import { HealthReport, ReportHostMessage, parseReportMessage, renderJson, renderMarkdown } from '../report';
import { revealIdentity } from './dataCommands';
import { folderLabel, messageOf, poolLabel } from './fileCommands';
import type { HealthReportContext } from './healthReport';

export const HEALTH_REPORT_VIEW_TYPE = 'cognitoSync.healthReport';

export class HealthReportPanel {
  /** Open panels by pool: a new report of the same pool replaces the one shown. */
  private static readonly open = new Map<string, HealthReportPanel>();

  /**
   * A panel without a report yet ("Reading…"): created while an export folder is read, so the
   * webview loads meanwhile. Give it its report with show(), or dispose it.
   */
  static create(context: HealthReportContext): HealthReportPanel {
    const panel = vscode.window.createWebviewPanel(HEALTH_REPORT_VIEW_TYPE, vscode.l10n.t('Pool health report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media', 'report')],
    });
    return new HealthReportPanel(panel, context);
  }

  /** Shows `report` in `pending` (from create()), else in the pool's open panel, else in a new one. */
  static show(report: HealthReport, context: HealthReportContext, poolName?: string, pending?: HealthReportPanel): HealthReportPanel {
    const existing = HealthReportPanel.open.get(report.identityPoolId);
    const target = pending ?? existing ?? HealthReportPanel.create(context);
    if (existing && existing !== target) existing.panel.dispose();
    HealthReportPanel.open.set(report.identityPoolId, target);
    target.report = report;
    target.poolName = poolName;
    target.panel.title = vscode.l10n.t('Health: {0}', poolName ?? report.identityPoolId);
    target.post();
    target.panel.reveal();
    return target;
  }

  report: HealthReport | undefined;
  /** Whether the webview has drawn the report (it says `rendered`). */
  rendered = false;
  private poolName: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: HealthReportContext,
  ) {
    panel.webview.html = this.html(panel.webview);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message) => void this.receive(message)),
      panel.onDidDispose(() => {
        if (this.report && HealthReportPanel.open.get(this.report.identityPoolId) === this) HealthReportPanel.open.delete(this.report.identityPoolId);
        for (const disposable of this.disposables) disposable.dispose();
      }),
    );
  }

  /** Handles one message of the webview; anything that is not a valid message is ignored. */
  async receive(value: unknown): Promise<void> {
    const message = parseReportMessage(value);
    if (!message) {
      this.context.log.warn('Health report panel: ignored a message that is not one of the panel\'s.');
      return;
    }
    if (message.type === 'ready') this.post();
    else if (message.type === 'rendered') this.rendered = this.report !== undefined;
    else if (message.type === 'revealIdentity') await this.reveal(message.identityId);
    else await this.save(message.format);
  }

  /** Sends the report; one sent before the webview listens is sent again when it says `ready`. */
  private post(): void {
    if (!this.report) return;
    this.rendered = false;
    const { source } = this.report;
    const message: ReportHostMessage = { type: 'report', report: this.report, folder: source.kind === 'export' ? folderLabel(source.folder) : undefined };
    void this.panel.webview.postMessage(message);
  }

  private async reveal(identityId: string): Promise<void> {
    if (!this.report) return;
    const { identityPoolId } = this.report;
    const label = poolLabel(identityPoolId, this.poolName);
    try {
      await revealIdentity(this.context, identityPoolId, identityId);
    } catch (error) {
      const notFound = error instanceof AwsError && error.kind === 'notFound';
      void this.context.prompts.notify(
        notFound ? 'info' : 'error',
        notFound ? vscode.l10n.t('Identity {0} is no longer in {1} (deleted or merged since the report?).', identityId, label) : vscode.l10n.t('Showing identity {0} of {1} in the tree failed. {2}', identityId, label, messageOf(error)),
      );
    }
  }

  /** Save as Markdown / Save as JSON: a file the user picks, then an offer to open it. */
  async save(format: 'markdown' | 'json'): Promise<vscode.Uri | undefined> {
    if (!this.report) return undefined;
    const report = this.report;
    const extension = format === 'markdown' ? 'md' : 'json';
    const name = `health-report-${report.identityPoolId.replace(/:/g, '_')}.${extension}`;
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await this.context.prompts.pickSaveFile({
      defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
      filters: format === 'markdown' ? { Markdown: ['md'] } : { JSON: ['json'] },
      title: format === 'markdown' ? vscode.l10n.t('Save Health Report as Markdown') : vscode.l10n.t('Save Health Report as JSON'),
    });
    if (!target) return undefined;
    try {
      await vscode.workspace.fs.writeFile(target, Buffer.from(format === 'markdown' ? renderMarkdown(report) : renderJson(report), 'utf8'));
    } catch (error) {
      void this.context.prompts.notify('error', vscode.l10n.t('Saving the health report to {0} failed: {1} Choose another file.', target.fsPath, messageOf(error)));
      return undefined;
    }
    const open = vscode.l10n.t('Open');
    void this.context.prompts.notify('info', vscode.l10n.t('Saved the health report of {0} to {1}.', report.identityPoolId, target.fsPath), open).then(async (action) => {
      if (action === open) await vscode.window.showTextDocument(target);
    });
    return target;
  }

  private html(webview: vscode.Webview): string {
    return webviewPage(webview, this.context.extensionUri, {
      title: vscode.l10n.t('Pool health report'),
      styles: [['media', 'report', 'report.css']],
      script: ['dist', 'report.js'],
      placeholder: `<p class="loading" role="status">${vscode.l10n.t('Reading the sync data…')}</p>`,
    });
  }
}
