// The health report panel's messages, both ways. The webview's are validated here before the
// extension acts on them: a webview is untrusted input.
import { isIdentityId } from '../model/dataset';
import type { HealthReport } from './types';

/**
 * `folder`: the export folder as the user names it (relative to the workspace when inside it), so
 * the panel does not show the full path the report itself keeps for the saved files.
 */
export type ReportHostMessage = { type: 'report'; report: HealthReport; folder?: string };

export type ReportWebviewMessage = { type: 'ready' } | { type: 'rendered' } | { type: 'revealIdentity'; identityId: string } | { type: 'save'; format: 'markdown' | 'json' };

export function parseReportMessage(value: unknown): ReportWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
    case 'rendered':
      return { type: message.type };
    case 'revealIdentity':
      return typeof message.identityId === 'string' && isIdentityId(message.identityId) ? { type: 'revealIdentity', identityId: message.identityId } : undefined;
    case 'save':
      return message.format === 'markdown' || message.format === 'json' ? { type: 'save', format: message.format } : undefined;
    default:
      return undefined;
  }
}
