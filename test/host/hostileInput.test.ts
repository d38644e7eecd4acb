// Issue 8's hostile input, in a real extension host against the emulator: HTML and script in pool
// names and configuration values reach the tree and the form as plain text; an oversized
// configuration (5,000 application ARNs) opens, validates and saves while the extension host keeps
// answering; malformed AWS config and credentials files of every kind give a readable message in
// the tree, never a crash or an unexplained empty tree.
import * as assert from 'assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { eventually } from '../toolkit/eventually';
import type { ExtensionTestApi } from '../../src/extension';
import type { ProfileSnapshot } from '../../src/aws';
import { configurationUri, parseConfigurationUri } from '../../src/editor/configurationUri';
import { TestAwsFiles } from './awsFiles';
import { admin, requiredEnv } from './emulatorAdmin';
import {
  EXTENSION_ID,
  Row,
  TreeSnapshot,
  activateExtension,
  activeCustomEditor,
  allRows,
  errorRows,
  labels,
  poolRows,
  resetSettings,
  rows,
  setSetting,
  settledTree,
  sleep,
  snapshot,
} from './treeRows';
import { DEMO_KEYS, MAIN_ACCOUNT, applicationArn, roleArn } from '../toolkit';

const ACCOUNT = MAIN_ACCOUNT;
const ROLE = roleArn(ACCOUNT, 'HostileInputRole');
const DEMO_SECRET = DEMO_KEYS.main.secretAccessKey;

const text = (configuration: object) => `${JSON.stringify(configuration, null, 2)}\n`;

async function newPool(name: string, region: string): Promise<string> {
  const { pools } = (await admin('POST', 'pools', { accountId: ACCOUNT, region, namePrefix: name, count: 1 })) as { pools: { IdentityPoolId: string }[] };
  return pools[0].IdentityPoolId;
}

async function storedPushSync(region: string, identityPoolId: string): Promise<{ ApplicationArns?: string[]; RoleArn?: string } | undefined> {
  const state = (await admin('GET', 'state')) as { accounts: Record<string, Record<string, Record<string, { pushSync?: { ApplicationArns?: string[] } }>>> };
  return state.accounts[ACCOUNT][region][identityPoolId].pushSync;
}

/** Every row of the tree, pools expanded down to their values. */
async function walk(api: ExtensionTestApi, parent?: Row): Promise<Row[]> {
  const found: Row[] = [];
  for (const row of await rows(api, parent?.node)) {
    found.push(row);
    if (row.node.kind !== 'message') found.push(...(await walk(api, row)));
  }
  return found;
}

describe('host: hostile input (issue 8)', function () {
  this.timeout(180_000);
  let api: ExtensionTestApi;

  before(async () => {
    api = await activateExtension();
    await admin('POST', 'reset', { seed: 'demo' });
  });

  afterEach(async () => {
    await admin('DELETE', 'faults');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await resetSettings(api);
  });

  after(() => admin('POST', 'reset', { seed: 'demo' }));

  describe('HTML and script in names and values', () => {
    // IdentityPoolName's pattern ([\w\s+=,.@-]+, enforced by the emulator from the botocore model)
    // keeps markup out of names created through the API, so these are seeded through the admin
    // API. The configuration values go through SetIdentityPoolConfiguration, whose model allows
    // them: AssumeRoleArn is `arn:aws:iam::\d+:role/.*` and StreamName has no pattern.
    const HOSTILE_NAMES = ['<img src=x onerror=alert(1)>', '<script>alert(document.cookie)</script>', '"><b>bold</b>', '[click](command:workbench.action.quit)', '&lt;entity&gt; $(alert)'];
    const STREAM = '<img src=x onerror=alert(2)>';
    const STREAM_ROLE = roleArn(ACCOUNT, '<script>alert(3)</script>');
    const PUSH_ROLE = roleArn(ACCOUNT, '"><b>x</b>');

    it('the tree carries them as plain text: string labels, descriptions and tooltips, no markdown or HTML anywhere', async () => {
      const ids = new Map<string, string>();
      for (const name of HOSTILE_NAMES) ids.set(name, await newPool(name, 'us-west-2'));
      const first = ids.get(HOSTILE_NAMES[0])!;
      const saved = await api.session.setConfiguration(
        { IdentityPoolId: first },
        { IdentityPoolId: first, PushSync: { ApplicationArns: [applicationArn('GCM', ACCOUNT, 'us-west-2', 'Hostile')], RoleArn: PUSH_ROLE }, CognitoStreams: { StreamName: STREAM, RoleArn: STREAM_ROLE, StreamingStatus: 'ENABLED' } },
      );
      assert.equal(saved.status, 'saved', 'the service model accepts the values');

      await setSetting('regions', ['us-west-2']);
      const tree = await settledTree(api, 'us-west-2 lists the hostile pools', (candidate) => poolRows(candidate.root).length === HOSTILE_NAMES.length);
      for (const name of HOSTILE_NAMES) {
        const row = poolRows(tree.root).find((candidate) => candidate.label === name);
        assert.ok(row, `no row labelled ${name}: ${labels(tree.root).join(' | ')}`);
        assert.equal(row.item.label, name, 'the label is the name, as a plain string');
        assert.equal(row.item.description, ids.get(name));
        assert.equal(typeof row.item.tooltip, 'string', 'the tooltip is plain text, not markdown');
        assert.ok(row.tooltip?.startsWith(`${name}\n${ids.get(name)}\n`), row.tooltip);
        assert.equal(row.item.accessibilityInformation?.label, `${name} ${ids.get(name)}`, 'a screen reader reads the name and id, not the whole tooltip');
      }

      const everything = await walk(api);
      for (const row of everything) {
        assert.ok(typeof row.item.label === 'string', `${row.label}: the label is not a plain string`);
        const tooltip = row.item.tooltip;
        if (tooltip instanceof vscode.MarkdownString) {
          assert.ok(!tooltip.supportHtml && !tooltip.isTrusted, `${row.label}: a markdown tooltip that renders HTML or runs commands`);
        }
      }
      const values = everything.filter((row) => row.node.kind === 'detail' && row.node.copyValue !== undefined).map((row) => [row.label, row.description, row.tooltip]);
      for (const value of [STREAM, STREAM_ROLE, PUSH_ROLE]) {
        assert.ok(values.some(([, description, tooltip]) => description === value && tooltip === value), `${value} is not shown as itself: ${JSON.stringify(values)}`);
      }
    });

    it('the form gets them as data: the document is the JSON of the live values and the pool name travels in the URI, and the webview code has no HTML sink', async () => {
      const name = HOSTILE_NAMES[0];
      const identityPoolId = await newPool(name, 'us-west-2');
      await api.session.setConfiguration({ IdentityPoolId: identityPoolId }, { IdentityPoolId: identityPoolId, CognitoStreams: { StreamName: STREAM, RoleArn: STREAM_ROLE, StreamingStatus: 'DISABLED' } });
      await setSetting('regions', ['us-west-2']);
      await settledTree(api, 'us-west-2 lists', (tree) => poolRows(tree.root).some((row) => row.label === name));

      await vscode.commands.executeCommand('cognitoSync.openConfiguration', { identityPoolId });
      const input = await activeCustomEditor();
      assert.ok(input, 'the form did not open');
      assert.equal(input.viewType, 'cognitoSync.configurationEditor');
      assert.equal(parseConfigurationUri(input.uri)?.poolName, name, 'the name reaches the form as the document name');
      const document = await vscode.workspace.openTextDocument(input.uri);
      assert.deepEqual(JSON.parse(document.getText()).CognitoStreams, { StreamName: STREAM, RoleArn: STREAM_ROLE, StreamingStatus: 'DISABLED' });

      // The form renders that state with textContent / value / setAttribute only (media/webview),
      // and the editor's HTML page interpolates nothing but its CSP, nonce, resource URIs and the
      // extension's own l10n bundle (src/l10n/configure.ts: HTML-escaped, never pool data).
      const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
      const webviewDir = path.join(root, 'media', 'webview');
      for (const file of fs.readdirSync(webviewDir).filter((entry) => entry.endsWith('.ts'))) {
        const code = fs.readFileSync(path.join(webviewDir, file), 'utf8').replace(/\/\/.*$/gm, '');
        assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|srcdoc|createContextualFragment|DOMParser|unsafeHTML/, `media/webview/${file} has an HTML sink`);
      }
      // The form asks the shared page (src/editor/webviewPage.ts) for constants only...
      const editor = fs.readFileSync(path.join(root, 'src', 'editor', 'configurationEditor.ts'), 'utf8');
      const call = /private html\(webview: vscode\.Webview\): string \{([\s\S]*?)\n {2}\}/.exec(editor)?.[1] ?? '';
      assert.match(call.trim(), /^return webviewPage\(webview, this\.extensionUri, \{ title: vscode\.l10n\.t\('[^'$`]*'\), codicons: true, styles: \[\['media', 'form\.css'\]\], script: \['dist', 'webview\.js'\] \}\);$/, `the form's page is made of more than constants: ${call}`);
      // ...and the page puts into its HTML nothing but those, its CSP, nonce and resource URIs.
      const pageModule = fs.readFileSync(path.join(root, 'src', 'editor', 'webviewPage.ts'), 'utf8');
      const template = pageModule.slice(pageModule.indexOf('return `<!DOCTYPE'));
      const interpolated = [...template.matchAll(/\$\{([^}]*)\}/g)].map((match) => match[1].trim());
      assert.ok(interpolated.length > 0, 'the page template was not found');
      for (const expression of interpolated) assert.match(expression, /^(csp|nonce|stylesheets|resource\(parts\.script\)|l10nAttribute\(\)|parts\.title|parts\.placeholder \?\? '')$/, `the page interpolates ${expression}`);
    });
  });

  describe('an oversized configuration', () => {
    const ARNS = Array.from({ length: 5000 }, (_, index) => applicationArn('GCM', ACCOUNT, 'us-east-1', `Oversized-${String(index + 1).padStart(5, '0')}`));
    /**
     * The bound on the extension host's event-loop delay (a 10 ms timer firing late) throughout,
     * and on a command round trip (extension host → workbench → extension host) while the user
     * types, validation runs and the save goes out: 1 s, the limit beyond which a user loses the
     * flow of the task. Measured on a 2-core machine while other test runs kept the load average at
     * 13–20: idle, round trips of 5–25 ms; with 5,000 ARNs the loop was delayed at most 0.1–0.6 s,
     * and while typing, validating and saving a round trip took at most 0.45 s. Work growing with the square of the list (25 million steps
     * for 5,000 ARNs) would take seconds and fail it. Opening the text and the form's rendering of
     * 5,000 rows are the workbench's work, which round trips pass through: there only the
     * extension host's loop is bounded (the form's rendering time is in the issue 8 report).
     */
    const BOUND_MS = 1000;

    interface Responsiveness {
      roundTrips: number[];
      /** The most a 10 ms timer of the extension host fired late. */
      maxEventLoopDelay: number;
    }

    /** Command round trips every 25 ms, and the host's event-loop delay, until stopped. */
    function probe(what: string): { stop(): Promise<Responsiveness> } {
      const roundTrips: number[] = [];
      let running = true;
      let maxEventLoopDelay = 0;
      let expected = performance.now() + 10;
      const timer = setInterval(() => {
        maxEventLoopDelay = Math.max(maxEventLoopDelay, performance.now() - expected);
        expected = performance.now() + 10;
      }, 10);
      const loop = (async () => {
        for (let sample = 0; running; sample += 1) {
          const started = performance.now();
          await vscode.commands.executeCommand('setContext', 'cognitoSync.test.responsivenessProbe', sample);
          roundTrips.push(performance.now() - started);
          await sleep(25);
        }
      })();
      return {
        async stop() {
          running = false;
          await loop;
          clearInterval(timer);
          const sorted = [...roundTrips].sort((a, b) => a - b);
          console.log(
            `    ${what}: ${roundTrips.length} round trips, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms; event loop delayed at most ${maxEventLoopDelay.toFixed(1)} ms`,
          );
          return { roundTrips, maxEventLoopDelay };
        },
      };
    }

    function assertResponsive({ roundTrips, maxEventLoopDelay }: Responsiveness, checkRoundTrips = true): void {
      assert.ok(roundTrips.length >= 2, `only ${roundTrips.length} round trips`);
      assert.ok(maxEventLoopDelay < BOUND_MS, `the extension host's event loop stalled for ${maxEventLoopDelay.toFixed(0)} ms`);
      if (checkRoundTrips) assert.ok(Math.max(...roundTrips) < BOUND_MS, `a command round trip took ${Math.max(...roundTrips).toFixed(0)} ms`);
    }

    const repeatWarnings = (uri: vscode.Uri) =>
      eventually(async () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Cognito Sync').map((diagnostic) => diagnostic.message), { accept: (messages) => messages.some((message) => /repeats application ARN 1\b/.test(message)), describe: (messages) => JSON.stringify(messages.slice(0, 3)), what: 'the repeated ARN at the end is reported', timeoutMs: 20_000 });

    it('a pool with 5,000 application ARNs (the model sets no maximum) opens as JSON, validates to the last ARN, saves, and opens in the form; the extension host answers within 1 s throughout', async () => {
      const identityPoolId = await newPool('hostile-oversized', 'us-east-1');
      const saved = await api.session.setConfiguration({ IdentityPoolId: identityPoolId }, { IdentityPoolId: identityPoolId, PushSync: { ApplicationArns: ARNS, RoleArn: ROLE } });
      assert.equal(saved.status, 'saved');
      const idle = probe('idle, for comparison');
      await sleep(500);
      await idle.stop();

      const uri = configurationUri({ profile: api.session.profileName, identityPoolId, poolName: 'hostile-oversized' });
      // Opening: VS Code moves the 300 KB text to the workbench and lays it out in the editor
      // (its own work, as for any large file), so only the extension host's loop is bounded here.
      const opening = probe('5,000 ARNs: open as JSON');
      let document: vscode.TextDocument;
      try {
        document = await vscode.workspace.openTextDocument(uri);
        assert.equal(JSON.parse(document.getText()).PushSync.ApplicationArns.length, 5000);
        await vscode.window.showTextDocument(document);
        await sleep(500);
      } finally {
        assertResponsive(await opening.stop(), false);
      }

      const editing = probe('5,000 ARNs as JSON: type, validate, save');
      try {
        // Typed after the last ARN, as a user would: a repeat of the first, reported as such, so
        // validation went through all 5,001; then turned into a new ARN and saved.
        const last = document.getText().lastIndexOf(ARNS[ARNS.length - 1]) + ARNS[ARNS.length - 1].length + 1;
        const typed = new vscode.WorkspaceEdit();
        typed.insert(uri, document.positionAt(last), `,\n      "${ARNS[0]}"`);
        assert.ok(await vscode.workspace.applyEdit(typed));
        assert.deepEqual(await repeatWarnings(uri), ['Application ARN 5001 repeats application ARN 1.']);
        const added = applicationArn('APNS', ACCOUNT, 'us-east-1', 'Oversized-added');
        const start = document.getText().lastIndexOf(ARNS[0]);
        const retyped = new vscode.WorkspaceEdit();
        retyped.replace(uri, new vscode.Range(document.positionAt(start), document.positionAt(start + ARNS[0].length)), added);
        assert.ok(await vscode.workspace.applyEdit(retyped));
        assert.equal(await document.save(), true);
        assert.deepEqual([...((await storedPushSync('us-east-1', identityPoolId))?.ApplicationArns ?? [])].sort(), [...ARNS, added].sort());
        await sleep(250);
      } finally {
        assertResponsive(await editing.stop());
      }

      // The form over the same document (as "Open in Form Editor" from the JSON view does).
      const inForm = probe('5,000 ARNs in the form');
      try {
        await vscode.commands.executeCommand('cognitoSync.openInForm', uri);
        const input = await activeCustomEditor();
        assert.equal(input?.viewType, 'cognitoSync.configurationEditor');
        assert.equal(input?.uri.toString(), uri.toString());
        await sleep(1500);
      } finally {
        // The extension host's part only: the form's rendering of 5,000 rows runs in the
        // workbench's renderer (see the report of issue 8), which the round trips pass through.
        assertResponsive(await inForm.stop(), false);
      }
    });

    it('a local file with 5,000 application ARNs and a repeat at the end: the warning appears and the form opens; the extension host answers within 1 s', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(folder, 'the test workspace has a folder');
      const file = vscode.Uri.joinPath(folder, 'oversized.cognito-sync.json');
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text({ IdentityPoolId: 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861', PushSync: { ApplicationArns: [...ARNS, ARNS[0]], RoleArn: ROLE } })));
      try {
        const asJson = probe('a local file with 5,000 ARNs as JSON');
        try {
          await vscode.window.showTextDocument(file);
          assert.deepEqual(await repeatWarnings(file), ['Application ARN 5001 repeats application ARN 1.']);
          await sleep(500);
        } finally {
          // Opening it moves the text to the workbench, VS Code's own work for a large file.
          assertResponsive(await asJson.stop(), false);
        }
        const inForm = probe('a local file with 5,000 ARNs in the form');
        try {
          await vscode.commands.executeCommand('cognitoSync.openInForm', file);
          const input = await activeCustomEditor();
          assert.equal(input?.uri.toString(), file.toString());
          await sleep(1500);
        } finally {
          assertResponsive(await inForm.stop(), false);
        }
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(file);
      }
    });
  });

  describe('malformed AWS config and credentials files', () => {
    let awsFiles: TestAwsFiles;
    const DEMO_POOLS = ['InternalTools', 'ShopMobile_Prod', 'ShopMobile_Staging'];

    interface IniCase {
      name: string;
      /** Breaks the files (the originals are restored after each case). */
      apply(): void;
      /** The warning row the tree shows first, when the SDK cannot read a file in full. */
      problem?: { label: string; tooltip: RegExp };
      /** Whether the demo profile still has its keys, so the pools still list. */
      lists: boolean;
      /** More about what listProfiles (the profile picker's data) returns. */
      profiles?(snapshot: ProfileSnapshot): void;
    }

    const config = () => awsFiles.original(awsFiles.configFile);
    const credentials = () => awsFiles.original(awsFiles.credentialsFile);
    const demoOf = (snapshot: ProfileSnapshot) => snapshot.profiles.find((profile) => profile.name === 'demo');

    const CASES: IniCase[] = [
      {
        name: 'binary garbage as the config file',
        apply: () => fs.writeFileSync(awsFiles.configFile, crypto.randomBytes(64 * 1024)),
        problem: { label: 'AWS config file malformed', tooltip: /config is malformed \(line \d+: / },
        lists: true,
        profiles: (snapshot) => assert.equal(demoOf(snapshot)?.region, undefined, 'demo keeps only its credentials'),
      },
      {
        name: 'binary garbage as the credentials file',
        apply: () => fs.writeFileSync(awsFiles.credentialsFile, crypto.randomBytes(64 * 1024)),
        problem: { label: 'AWS credentials file malformed', tooltip: /credentials is malformed \(line \d+: / },
        lists: false,
        profiles: (snapshot) => assert.equal(demoOf(snapshot)?.kind, 'none'),
      },
      {
        name: 'a 20 MB config file (the profiles, then 100,000 lines of garbage)',
        apply: () => fs.writeFileSync(awsFiles.configFile, `${config()}\n${`${'x'.repeat(209)}\n`.repeat(100_000)}`),
        problem: { label: 'AWS config file malformed', tooltip: /is malformed \(line \d+: expected "name = value";.*; 99995 more\)/ },
        lists: true,
        profiles: (snapshot) => assert.equal(demoOf(snapshot)?.region, 'us-east-1', 'the profiles before the garbage are read'),
      },
      {
        name: 'a duplicate [profile demo] section',
        apply: () => fs.writeFileSync(awsFiles.configFile, `${config()}\n[profile demo]\nregion = eu-west-1\n`),
        problem: { label: 'AWS config file malformed', tooltip: /section \[profile demo\] repeats line 1 \(the AWS SDK merges them, the AWS CLI refuses the file\)/ },
        lists: true,
        profiles: (snapshot) => assert.equal(demoOf(snapshot)?.region, 'eu-west-1', 'the SDK merges the two: the later region wins'),
      },
      {
        name: 'a section header missing its closing bracket',
        apply: () => fs.writeFileSync(awsFiles.configFile, config().replace('[profile demo]', '[profile demo')),
        problem: { label: 'AWS config file malformed', tooltip: /line 1: a section header must look like \[name\]; line 2: a setting outside any \[section\]/ },
        lists: true,
      },
      {
        name: 'a byte-order mark',
        apply: () => fs.writeFileSync(awsFiles.configFile, `\ufeff${config()}`),
        lists: true,
        profiles: (snapshot) => assert.equal(demoOf(snapshot)?.region, 'us-east-1'),
      },
      {
        name: 'CRLF line ends in both files',
        apply: () => {
          fs.writeFileSync(awsFiles.configFile, config().replace(/\n/g, '\r\n'));
          fs.writeFileSync(awsFiles.credentialsFile, credentials().replace(/\n/g, '\r\n'));
        },
        lists: true,
        profiles: (snapshot) => assert.deepEqual([demoOf(snapshot)?.kind, demoOf(snapshot)?.region], ['staticKeys', 'us-east-1']),
      },
      {
        name: 'a section without keys',
        apply: () => fs.writeFileSync(awsFiles.configFile, `${config()}\n[profile empty]\n`),
        lists: true,
        // The SDK's loader (which the extension reads the files with, so that it sees what the
        // SDK will use) keeps no section without a setting: there is no such profile to pick.
        profiles: (snapshot) => assert.deepEqual(snapshot.profiles.map((profile) => profile.name).filter((name) => name === 'empty'), []),
      },
      {
        name: 'keys outside any section (a secret among them)',
        apply: () => fs.writeFileSync(awsFiles.credentialsFile, `aws_secret_access_key = ${DEMO_SECRET}\n${credentials()}`),
        problem: { label: 'AWS credentials file malformed', tooltip: /line 1: a setting outside any \[section\]/ },
        lists: true,
      },
      {
        name: 'an unterminated "[profile" at the end',
        apply: () => fs.writeFileSync(awsFiles.configFile, `${config()}\n[profile`),
        problem: { label: 'AWS config file malformed', tooltip: /a section header must look like \[name\]/ },
        lists: true,
      },
      {
        name: 'a [profile __proto__] section, for which the SDK drops the whole file',
        apply: () => fs.writeFileSync(awsFiles.configFile, `${config()}\n[profile __proto__]\nregion = us-east-1\n`),
        problem: { label: 'AWS config file malformed', tooltip: /the section name __proto__ makes the AWS SDK ignore the whole file/ },
        lists: true,
        profiles: (snapshot) => assert.equal(demoOf(snapshot)?.region, undefined, 'nothing of the config file is read'),
      },
      {
        name: 'the credentials file is a directory',
        apply: () => {
          fs.rmSync(awsFiles.credentialsFile);
          fs.mkdirSync(awsFiles.credentialsFile);
        },
        problem: { label: 'AWS credentials file unreadable (EISDIR)', tooltip: /cannot be read \(EISDIR\)\. It is a directory/ },
        lists: false,
      },
    ];

    before(async () => {
      awsFiles = new TestAwsFiles();
      await admin('POST', 'reset', { seed: 'demo' }); // only the demo pools in us-east-1
    });

    beforeEach(async () => {
      // A profile's endpoint may be among what a broken config file loses: the setting keeps the
      // calls on the emulator (never on AWS) whatever the file says.
      await setSetting('endpoint', requiredEnv('COGNITO_SYNC_TEST_EMULATOR_URL'));
      await setSetting('regions', ['us-east-1']);
    });

    afterEach(async () => {
      await awsFiles.restore(api.activeProfile);
      await vscode.commands.executeCommand('cognitoSync.refresh');
      await settledTree(api, 'the tree lists the demo pools again', (tree) => labels(poolRows(tree.root)).join() === DEMO_POOLS.join() && tree.root.length === DEMO_POOLS.length);
    });

    for (const testCase of CASES) {
      it(`${testCase.name}: ${testCase.problem ? `"${testCase.problem.label}" in the tree, ` : ''}${testCase.lists ? 'the pools still list' : 'the listing says why it cannot'}; the profile list still loads`, async () => {
        await settledTree(api, 'the demo pools list', (tree) => poolRows(tree.root).length === DEMO_POOLS.length);
        testCase.apply();

        const started = Date.now();
        const profiles = await api.session.listProfiles();
        const loadMs = Date.now() - started;
        assert.ok(loadMs < 5000, `listProfiles took ${loadMs} ms`);
        assert.ok(demoOf(profiles), `the demo profile is gone from [${profiles.profiles.map((profile) => profile.name).join(', ')}]`);
        assert.deepEqual(
          profiles.problems.map((problem) => problem.details.file),
          testCase.problem ? [testCase.problem.label.includes('credentials') ? awsFiles.credentialsFile : awsFiles.configFile] : [],
        );
        testCase.profiles?.(profiles);

        await vscode.commands.executeCommand('cognitoSync.refresh');
        const accept = (tree: TreeSnapshot) => {
          const problemShown = !testCase.problem || tree.root[0]?.label === testCase.problem.label;
          const outcome = testCase.lists ? poolRows(tree.root).length === DEMO_POOLS.length : errorRows(tree.root).some((row) => row.label.startsWith('Failed to list pools'));
          return problemShown && outcome;
        };
        const tree = await settledTree(api, `the tree after "${testCase.name}"`, accept, 30_000);
        if (testCase.problem) {
          const [warning] = tree.root;
          assert.equal(warning.contextValue, 'cognitoSync.error');
          assert.match(warning.tooltip ?? '', testCase.problem.tooltip);
          const file = testCase.problem.label.includes('credentials') ? awsFiles.credentialsFile : awsFiles.configFile;
          assert.ok(warning.tooltip?.includes(file), `the message names ${file}: ${warning.tooltip}`);
          if (!testCase.problem.label.includes('unreadable')) {
            assert.deepEqual([warning.command?.command, (warning.command?.arguments?.[0] as vscode.Uri | undefined)?.fsPath], ['vscode.open', file], 'a click opens the file');
          }
        } else {
          assert.deepEqual(errorRows(tree.root).map((row) => row.label), [], 'a readable file got an error row');
        }
        if (testCase.lists) {
          assert.deepEqual(labels(poolRows(tree.root)), DEMO_POOLS);
        } else {
          const failure = errorRows(tree.root).find((row) => row.label.startsWith('Failed to list pools'));
          assert.match(failure?.label ?? '', /^Failed to list pools in us-east-1: AWS config file (malformed|unreadable)$/);
          assert.ok(failure?.tooltip?.includes(awsFiles.credentialsFile), failure?.tooltip);
        }
        for (const row of allRows(await snapshot(api))) {
          assert.ok(!`${row.label} ${row.description} ${row.tooltip}`.includes(DEMO_SECRET), `a secret in the tree: ${row.label}`);
        }
      });
    }
  });
});
