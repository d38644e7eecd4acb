// The Getting Started walkthrough: every completion event names a command this extension
// registers or a setting it contributes (a typo would leave a step unticked forever), and the
// welcome view of "no profile" links to the walkthrough, which opens.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { eventually } from '../toolkit/eventually';
import { EXTENSION_ID, activateExtension } from './treeRows';

const WALKTHROUGH_ID = 'cognitoSync.gettingStarted';

interface Step { id: string; title: string; completionEvents?: string[]; description: string }
interface Contributes {
  walkthroughs: { id: string; steps: Step[] }[];
  viewsWelcome: { view: string; contents: string; when: string }[];
  configuration: { properties: Record<string, unknown> };
}

describe('host: the Getting Started walkthrough', () => {
  let contributes: Contributes;

  before(async () => {
    await activateExtension();
    contributes = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes as Contributes;
  });

  it('has the five steps of the first run, each with a completion event', () => {
    const walkthrough = contributes.walkthroughs.find((candidate) => candidate.id === WALKTHROUGH_ID);
    assert.ok(walkthrough, `no walkthrough ${WALKTHROUGH_ID}`);
    assert.deepEqual(walkthrough.steps.map((step) => step.id), ['pickProfile', 'pickRegions', 'openConfiguration', 'configurationAsCode', 'tryEmulator']);
    for (const step of walkthrough.steps) assert.ok(step.completionEvents?.length, `step ${step.id} has no completion event: VS Code would tick it on sight`);
  });

  it('completes each step only on a registered command of ours or a contributed setting', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const settings = new Set(Object.keys(contributes.configuration.properties));
    const problems: string[] = [];
    for (const step of contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      for (const event of step.completionEvents ?? []) {
        const [kind, target] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand' && !(target.startsWith('cognitoSync.') && registered.has(target))) problems.push(`${step.id}: ${event} is not a registered command of this extension`);
        else if (kind === 'onSettingChanged' && !settings.has(target)) problems.push(`${step.id}: ${event} is not a contributed setting`);
        else if (kind !== 'onCommand' && kind !== 'onSettingChanged') problems.push(`${step.id}: ${event} is neither a command nor a setting`);
      }
      // The step's buttons run commands too: each must exist.
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
        if (!registered.has(command)) problems.push(`${step.id}: its button runs ${command}, which is not registered`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('is linked from the welcome view of "no pool"', () => {
    const welcome = contributes.viewsWelcome.find((entry) => entry.when === 'cognitoSync.noPools && !cognitoSync.noProfiles');
    assert.ok(welcome, 'no welcome view for cognitoSync.noPools');
    assert.match(welcome.contents, /\(command:workbench\.action\.openWalkthrough\?%5B%22cognito-sync-tools\.cognito-sync-explorer%23cognitoSync\.gettingStarted%22%2Cfalse%5D\)/);
  });

  it('is linked from the welcome view of "no profile", and that link opens it', async () => {
    const welcome = contributes.viewsWelcome.find((entry) => entry.when === 'cognitoSync.noProfiles');
    assert.ok(welcome, 'no welcome view for cognitoSync.noProfiles');
    const link = /\(command:workbench\.action\.openWalkthrough\?([^)]+)\)/.exec(welcome.contents);
    assert.ok(link, `the welcome view does not link to the walkthrough: ${welcome.contents}`);
    const args = JSON.parse(decodeURIComponent(link[1])) as [string, boolean];
    assert.equal(args[0], `${EXTENSION_ID}#${WALKTHROUGH_ID}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', ...args);
    // The walkthrough is a webview-less editor of the workbench: a tab appears (its label varies by version).
    const tabs = await eventually(() => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label)), {
      accept: (labels) => labels.length > 0,
      describe: (labels) => labels.join(', ') || 'no tab',
      what: 'the walkthrough opens in an editor',
    });
    assert.ok(tabs.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
