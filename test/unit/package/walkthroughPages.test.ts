// The walkthrough's step pages (contributes.walkthroughs[].steps[].media.markdown). VS Code (1.90
// to 1.139 at least) renders a step's page asynchronously and shows whichever render finishes
// last, without checking that its step is still the one selected. A fenced code block with a
// language (```sh) makes VS Code load that language's grammar first, so that page finishes
// seconds late and replaces the page of a step clicked meanwhile, for good
// (test/e2e/walkthrough.test.ts clicks steps that way). Code blocks in these pages therefore
// carry no language.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from './productionBuild';

interface Step { id: string; media: { markdown?: string } }

const steps = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { contributes: { walkthroughs: { steps: Step[] }[] } })
  .contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps);

describe("package: the walkthrough's step pages", () => {
  it('gives every step a markdown page in the package folder media/walkthrough', () => {
    for (const step of steps) {
      assert.match(step.media.markdown ?? '', /^media\/walkthrough\/[a-zA-Z]+\.md$/, `step ${step.id}: its page is not a media/walkthrough/*.md file`);
      assert.ok(fs.existsSync(path.join(projectRoot, step.media.markdown ?? '')), `step ${step.id}: ${step.media.markdown} does not exist`);
    }
  });

  it('has no fenced code block with a language, whose grammar load would make its page render late', () => {
    const tagged = steps.flatMap((step) => {
      const text = fs.readFileSync(path.join(projectRoot, step.media.markdown ?? ''), 'utf8');
      return [...text.matchAll(/^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`~]\S*)/gm)].map((fence) => `${step.media.markdown}: ${fence[0].trim()}`);
    });
    assert.deepEqual(tagged, [], 'fenced code blocks with a language in the step pages');
  });
});
