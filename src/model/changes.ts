// Human-readable summary of what saving would change: the differences between the live
// configuration of a pool and the one about to be written, compared in their canonical form
// (normalizeConfiguration: application ARNs as a set, empty strings as absent), so a re-ordered
// list or a blank optional member is no change. Used by the form's "pending changes" list and by
// the extension. Pure: no vscode, no AWS SDK.
import { normalizeConfiguration, SyncConfiguration } from './configuration';
import { FieldRule, fieldsOf, SECTIONS } from './fields';
import * as l10n from '@vscode/l10n';

const NONE = '(none)';
const NOT_SET = l10n.t('(not set)');

function changed(label: string, from: string | undefined, to: string | undefined, absent: string): string[] {
  return from === to ? [] : [`${label}: ${from ?? absent} → ${to ?? absent}`];
}

/**
 * One line per difference between `live` and `next`, in a stable order (the field table's:
 * identity pool, push sync, Cognito Streams); empty when saving `next` would change nothing.
 */
export function describeChanges(live: SyncConfiguration, next: SyncConfiguration): string[] {
  const from = normalizeConfiguration(live) as unknown as Record<string, Record<string, unknown> | undefined>;
  const to = normalizeConfiguration(next) as unknown as Record<string, Record<string, unknown> | undefined>;
  const lines: string[] = [];
  for (const field of fieldsOf(undefined)) lines.push(...fieldChanges(field, from, to));
  for (const section of SECTIONS) {
    const before = from[section.name];
    const after = to[section.name];
    if (before && !after) {
      lines.push(l10n.t('{0} turned off', section.title));
    } else if (after) {
      if (!before) lines.push(l10n.t('{0} turned on', section.title));
      for (const field of fieldsOf(section.name)) lines.push(...fieldChanges(field, before ?? {}, after));
    }
  }
  return lines;
}

/** The lines for one member: added and removed items of a list, else "label: before → after". */
function fieldChanges(field: FieldRule, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  if (field.type === 'stringList') {
    const was = new Set((before[field.name] as string[] | undefined) ?? []);
    const is = new Set((after[field.name] as string[] | undefined) ?? []);
    return [
      ...[...is].filter((item) => !was.has(item)).map((item) => l10n.t('{0} added: {1}', field.changeLabel, item)),
      ...[...was].filter((item) => !is.has(item)).map((item) => l10n.t('{0} removed: {1}', field.changeLabel, item)),
    ];
  }
  return changed(field.changeLabel, before[field.name] as string | undefined, after[field.name] as string | undefined, field.type === 'enum' ? NOT_SET : NONE);
}
