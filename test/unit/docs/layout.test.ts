// README's Layout section is the map a newcomer follows: every folder it lists exists, and every
// folder of the project (at the top, and one level down in src/, media/, emulator/ and test/) is
// listed, so the map cannot drift from the tree.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '..', '..', '..', '..');
/** Folders of tools and builds, not of the project's own code (see .gitignore). */
const NOT_THE_PROJECT = new Set(['node_modules', 'out', 'dist', 'test-results', 'bench-results']);
/** Where the map goes one level deeper. */
const DESCENDED = ['src', 'media', 'emulator', 'test'];

/** The folders the Layout section's tree lists, as paths (`src/aws`). */
function listedFolders(readme: string): string[] {
  const section = readme.slice(readme.indexOf('## Layout'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  const folders: string[] = [];
  let parent = '';
  for (const line of block.split('\n')) {
    const match = /^( *)([\w.-]+)\//.exec(line);
    if (!match) continue;
    const [, indent, name] = match;
    if (indent.length === 0) {
      parent = name;
      folders.push(name);
    } else {
      folders.push(`${parent}/${name}`);
    }
  }
  return folders;
}

function realFolders(): string[] {
  const folders = (dir: string) =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_THE_PROJECT.has(entry.name)).map((entry) => (dir ? `${dir}/${entry.name}` : entry.name));
  const top = folders('');
  return [...top, ...DESCENDED.filter((dir) => top.includes(dir)).flatMap((dir) => folders(dir))].sort();
}

describe('docs: README Layout matches the tree', () => {
  const listed = listedFolders(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));

  it('lists folders at all (the section and its tree are where the test looks)', () => {
    assert.ok(listed.includes('src/model'), listed.join(', '));
  });

  it('every folder it lists exists', () => {
    assert.deepEqual(listed.filter((folder) => !fs.existsSync(path.join(root, folder))), []);
  });

  it('every folder of the project is listed', () => {
    assert.deepEqual(realFolders().filter((folder) => !listed.includes(folder)), []);
  });
});
