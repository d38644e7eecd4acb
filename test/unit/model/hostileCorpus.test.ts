// Issue 6, robustness: every file of the hostile corpus (test/fixtures/hostileConfigurations.ts)
// through validateConfigurationText, as the extension reads it. No file may throw or hang (mocha's
// timeout bounds each one); a refused file gets errors that say what and where; an accepted one
// gets none; and no member name pollutes Object.prototype.
import * as assert from 'assert/strict';
import { HOSTILE_CATEGORIES, HostileFile, hostileConfigurationFiles } from '../../fixtures/hostileConfigurations';
import { MAX_NESTING_DEPTH, TextProblem, validateConfigurationText } from '../../../src/model/configurationText';

/**
 * The text the extension validates: ConfigurationFileSystem.writeFile decodes with a default
 * TextDecoder, which drops a UTF-8 byte order mark and replaces bytes that are not UTF-8 with
 * U+FFFD, as VS Code does when it opens a UTF-8 file.
 */
function decodeAsTheExtension(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function describeProblems(problems: TextProblem[]): string {
  return JSON.stringify(problems.slice(0, 5).map(({ severity, message, offset }) => ({ severity, message: message.slice(0, 200), offset })));
}

/** Own property names of the built-in prototypes a polluting reader would write to. */
function prototypeSnapshot(): string[][] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((prototype) => Object.getOwnPropertyNames(prototype).sort());
}

describe('model: the hostile-file corpus', () => {
  const files: HostileFile[] = hostileConfigurationFiles();
  const prototypesBefore = prototypeSnapshot();

  it('has over 600 files (README), some of every category, each under its own name', () => {
    assert.ok(files.length > 600, `only ${files.length} files`);
    const names = files.map((file) => file.name);
    assert.deepEqual(names.filter((name, index) => names.indexOf(name) !== index), [], 'repeated names');
    for (const category of HOSTILE_CATEGORIES) assert.ok(files.some((file) => file.category === category), `no file of category ${category}`);
    assert.ok(files.filter((file) => file.expect === 'refused').length >= 400, 'most files are refused');
  });

  it('is the same, byte for byte, every time it is generated', () => {
    const again = hostileConfigurationFiles();
    assert.equal(again.length, files.length);
    again.forEach((file, index) => {
      assert.equal(file.name, files[index].name);
      assert.ok(Buffer.from(file.bytes).equals(Buffer.from(files[index].bytes)), `${file.name} differs between two runs`);
    });
  });

  it('holds, in each file VS Code reads its own way, the text it says VS Code shows', () => {
    const different = files.filter((file) => file.vscodeText !== undefined);
    assert.ok(different.length >= 5);
    for (const file of different) {
      const encoding = file.category === 'utf16' ? (file.bytes[0] === 0 || file.bytes[0] === 0xfe ? 'utf-16be' : 'utf-16le') : 'utf-8';
      const text = new TextDecoder(encoding).decode(file.bytes).replace(/^\uFEFF/, '');
      assert.ok(text === file.vscodeText, file.name);
      // Valid where VS Code reads it, unless the file says otherwise.
      const errors = validateConfigurationText(text).problems.filter((problem) => problem.severity === 'error');
      assert.equal(errors.length > 0, file.name.includes('trailing comma'), file.name);
    }
  });

  for (const file of files) {
    it(`${file.expect}: ${file.name}`, () => {
      const text = decodeAsTheExtension(file.bytes);
      const { configuration, problems } = validateConfigurationText(text);
      const errors = problems.filter((problem) => problem.severity === 'error');
      if (file.expect === 'refused') {
        assert.ok(errors.length > 0, `no error; problems: ${describeProblems(problems)}`);
      } else {
        assert.deepEqual(errors.map((error) => error.message.slice(0, 300)), [], 'an accepted file got errors');
        assert.ok(configuration, 'an accepted file has a configuration');
      }
      // Every problem, not only the first: each says what is wrong and where in the text.
      const unsaid = problems.find((problem) => problem.message.trim() === '');
      assert.equal(unsaid, undefined, `a problem without a message: ${describeProblems(unsaid ? [unsaid] : [])}`);
      const inText = (problem: TextProblem) =>
        Number.isInteger(problem.offset) && Number.isInteger(problem.length) && problem.offset! >= 0 && problem.length! >= 0 && problem.offset! + problem.length! <= text.length;
      const unlocated = problems.find((problem) => !inText(problem));
      assert.equal(unlocated, undefined, `a problem without a location in the text: ${describeProblems(unlocated ? [unlocated] : [])}`);
      // What was read is plain data: no object came out with another prototype.
      for (const part of [configuration, configuration?.PushSync, configuration?.CognitoStreams]) {
        if (part) assert.equal(Object.getPrototypeOf(part), Object.prototype);
      }
    });
  }

  it('leaves Object.prototype and the other built-in prototypes as they were', () => {
    assert.deepEqual(prototypeSnapshot(), prototypesBefore);
    const probe: Record<string, unknown> = {};
    for (const name of ['polluted', 'IdentityPoolId', 'RoleArn', 'ApplicationArns', 'StreamingStatus']) assert.equal(probe[name], undefined, `Object.prototype gained ${name}`);
  });
});

describe('model: what the JSON schema cannot express, reported beyond it', () => {
  const POOL = 'us-east-1:0c1ba052-e098-41fa-a76e-eaa2c125f861';
  const errorsOf = (text: string) => validateConfigurationText(text).problems.filter((problem) => problem.severity === 'error');

  it('a repeated member is an error at its second occurrence, whatever its value', () => {
    const text = `{"IdentityPoolId": "${POOL}", "PushSync": {"RoleArn": "x", "RoleArn": "arn:aws:iam::1:role/r"}}`;
    const [repeated] = errorsOf(text).filter((problem) => problem.message.includes('more than once'));
    assert.deepEqual(repeated.path, ['PushSync', 'RoleArn']);
    assert.equal(repeated.offset, text.lastIndexOf('"RoleArn"'));
    assert.equal(repeated.beyondSchema, true);
  });

  it(`nesting of ${MAX_NESTING_DEPTH} levels is parsed; one level more is refused at its bracket, without parsing`, () => {
    const nested = (depth: number) => `{"IdentityPoolId": "${POOL}", "Extra": ${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
    assert.ok(errorsOf(nested(MAX_NESTING_DEPTH)).every((problem) => !problem.message.includes('nested')));
    const [tooDeep] = errorsOf(nested(MAX_NESTING_DEPTH + 1));
    assert.match(tooDeep.message, /nested more than 100 levels/);
    assert.equal(tooDeep.offset, nested(MAX_NESTING_DEPTH + 1).indexOf('[') + MAX_NESTING_DEPTH - 1);
  });

  it('U+FFFD, the trace of bytes that were not UTF-8, is an error at its first place, counting them all', () => {
    const text = `{"IdentityPoolId": "${POOL}", "CognitoStreams": {"StreamName": "a\uFFFDb\uFFFD"}}`;
    const [undecodable] = errorsOf(text);
    assert.match(undecodable.message, /not valid UTF-8: 2 places hold U\+FFFD/);
    assert.equal(undecodable.offset, text.indexOf('\uFFFD'));
  });

  it('half a surrogate pair in a value is an error naming it; a whole pair is a character', () => {
    const stream = (name: string) => `{"IdentityPoolId": "${POOL}", "CognitoStreams": {"StreamName": "${name}"}}`;
    const [lone] = errorsOf(stream('a\\uDC00'));
    assert.equal(lone.message, 'Stream name contains \\uDC00, half of a surrogate pair without its other half: it is not a character and cannot be sent to AWS.');
    assert.deepEqual(errorsOf(stream('\\uD83D\\uDE00')), []);
  });

  it('an empty file, and an invisible character between tokens, are errors that say so', () => {
    assert.match(errorsOf(' \n')[0].message, /^The file is empty/);
    const [separator] = errorsOf(`{"IdentityPoolId": "${POOL}",\u2028"PushSync": {}}`);
    assert.equal(separator.message, 'Invalid JSON: the character U+2028 is not allowed outside a string.');
  });

  it('a megabyte-long member name is shortened in the message', () => {
    const [unknown] = errorsOf(`{"IdentityPoolId": "${POOL}", "${'k'.repeat(1_000_000)}": 1}`);
    assert.ok(unknown.message.length < 300, `${unknown.message.length} characters`);
    assert.match(unknown.message, /… \(1000000 characters\)/);
  });

  it('marks only those: what the schema says too is left to the JSON language service', () => {
    const problems = validateConfigurationText(`{"IdentityPoolId": 1, "Extra": true, "PushSync": {"RoleArn": "x"}}`).problems;
    assert.equal(problems.length, 3);
    assert.ok(problems.every((problem) => problem.beyondSchema === undefined));
    assert.ok(errorsOf('{"IdentityPoolId": ').every((problem) => problem.beyondSchema === undefined));
  });
});
