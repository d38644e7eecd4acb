// Progress in words, the same in the terminal and in the VS Code notification.
import { ExportProgress } from './types';
import * as l10n from '@vscode/l10n';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return l10n.t('{0} min {1} s', minutes, seconds % 60);
  return l10n.t('{0} h {1} min', Math.floor(minutes / 60), minutes % 60);
}

/** `identities 120 / 2,000 · 7,200 records · 1.2 MB · 480 records/s · about 12 s left`. */
export function describeProgress(progress: ExportProgress): string {
  const total = progress.listingComplete ? progress.identitiesListed.toLocaleString('en-US') : `${progress.identitiesListed.toLocaleString('en-US')}+`;
  const parts = [
    l10n.t('identities {0} / {1}', progress.identitiesDone.toLocaleString('en-US'), total),
    l10n.t('{0} records', progress.counts.records.toLocaleString('en-US')),
    formatBytes(progress.counts.bytes),
    l10n.t('{0} records/s', progress.recordsPerSecond.toLocaleString('en-US')),
  ];
  if (progress.etaMs !== undefined) parts.push(l10n.t('about {0} left', formatDuration(progress.etaMs)));
  if (progress.throttledCalls > 0) parts.push(l10n.t('{0} throttled, {1} in flight', progress.throttledCalls, progress.concurrency));
  return parts.join(' · ');
}
