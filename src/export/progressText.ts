// Progress in words, the same in the terminal and in the VS Code notification.
import { ExportProgress } from './types';

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
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** `identities 120 / 2,000 · 7,200 records · 1.2 MB · 480 records/s · about 12 s left`. */
export function describeProgress(progress: ExportProgress): string {
  const total = progress.listingComplete ? progress.identitiesListed.toLocaleString('en-US') : `${progress.identitiesListed.toLocaleString('en-US')}+`;
  const parts = [
    `identities ${progress.identitiesDone.toLocaleString('en-US')} / ${total}`,
    `${progress.counts.records.toLocaleString('en-US')} records`,
    formatBytes(progress.counts.bytes),
    `${progress.recordsPerSecond.toLocaleString('en-US')} records/s`,
  ];
  if (progress.etaMs !== undefined) parts.push(`about ${formatDuration(progress.etaMs)} left`);
  if (progress.throttledCalls > 0) parts.push(`${progress.throttledCalls} throttled, ${progress.concurrency} in flight`);
  return parts.join(' · ');
}
