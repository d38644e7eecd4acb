// File names for *.cognito-sync.json files made from pool names (export, new file). Pool names
// come from AWS and a pool listed by id only has none, so a name is made safe on every OS: no path
// separators or characters Windows reserves, no `..`, no Windows device names (CON, NUL, COM1…
// are reserved whatever the extension), no trailing dot or space (Windows drops them), and short
// enough for 255-byte file name limits. Pure: no vscode.

export const CONFIGURATION_FILE_SUFFIX = '.cognito-sync.json';

/** Characters no file name may contain on Windows (a superset of what Linux and macOS refuse). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const RESERVED_CHARACTERS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Bytes left for the stem: 255 minus the suffix and a `-<GUID>` disambiguation, with room to spare. */
const MAX_STEM_BYTES = 180;

export interface NamedPool {
  identityPoolId: string;
  name?: string;
}

/** `us-east-1:0c1b…` → `0c1b…`: the part of a pool id that tells two same-named pools apart. */
function guidOf(identityPoolId: string): string {
  return identityPoolId.slice(identityPoolId.indexOf(':') + 1);
}

function truncateToBytes(text: string, maxBytes: number): string {
  let result = '';
  let bytes = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > maxBytes) break;
    result += character;
  }
  return result;
}

function sanitize(text: string): string {
  let stem = text
    .normalize('NFC')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\.{2,}/g, '_')
    .replace(/\s+/g, ' ');
  stem = truncateToBytes(stem, MAX_STEM_BYTES);
  // A leading dot hides the file; trailing dots and spaces are dropped by Windows.
  stem = stem.replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICE_NAME.test(stem.split('.')[0])) stem = `_${stem}`;
  return stem;
}

/** A safe file stem for one pool: its name, or its id when it has no usable name. */
export function configurationFileStem(pool: NamedPool): string {
  return (pool.name !== undefined ? sanitize(pool.name) : '') || sanitize(pool.identityPoolId);
}

/**
 * The file name of each pool (by identity pool id), unique within the set even on a
 * case-insensitive file system: pools whose names collide all get their id's GUID appended, so a
 * pool's file name does not depend on which of them was listed first.
 */
export function configurationFileNames(pools: readonly NamedPool[]): Map<string, string> {
  const stems = new Map(pools.map((pool) => [pool.identityPoolId, configurationFileStem(pool)]));
  const counts = new Map<string, number>();
  for (const stem of stems.values()) counts.set(stem.toLowerCase(), (counts.get(stem.toLowerCase()) ?? 0) + 1);
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [identityPoolId, stem] of stems) {
    let candidate = (counts.get(stem.toLowerCase()) ?? 0) > 1 ? `${stem}-${sanitize(guidOf(identityPoolId))}` : stem;
    // Only a pool literally named like another's disambiguated name gets here; a counter ends it.
    for (let index = 2; taken.has(candidate.toLowerCase()); index += 1) candidate = `${stem}-${sanitize(guidOf(identityPoolId))}-${index}`;
    taken.add(candidate.toLowerCase());
    names.set(identityPoolId, `${candidate}${CONFIGURATION_FILE_SUFFIX}`);
  }
  return names;
}
