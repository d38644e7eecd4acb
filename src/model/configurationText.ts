// The text of a configuration document: parsed as strict JSON (as the AWS CLI reads it), checked
// for what the JSON schema cannot express (encoding, nesting depth, repeated members), validated
// by rules.ts, and every problem located at its member in the text. Pure: no vscode, no AWS SDK.
import { createScanner, parseTree, printParseErrorCode, ParseError, ParseErrorCode, SyntaxKind } from 'jsonc-parser';
import type { SyncConfiguration } from './configuration';
import { Problem, shortened, validateConfiguration, ValidationContext } from './rules';
import * as l10n from '@vscode/l10n';

export interface TextProblem extends Problem {
  /** Character offset and length in the text, when known. */
  offset?: number;
  length?: number;
}

export interface TextValidationResult {
  configuration?: SyncConfiguration;
  problems: TextProblem[];
}

/**
 * Parses and validates the text of a configuration document. Strict JSON, as the AWS CLI reads
 * it: comments and trailing commas are errors.
 */
export function validateConfigurationText(text: string, context: ValidationContext = {}): TextValidationResult {
  const undecodable = replacementCharacters(text);
  const encodingProblems = undecodable ? [undecodable] : [];
  // VS Code's JSON language service says nothing about an empty document.
  if (/^[ \t\n\r]*$/.test(text)) {
    const message = l10n.t('The file is empty: a Cognito Sync configuration is a JSON object with IdentityPoolId and optional PushSync and CognitoStreams.');
    return { problems: [...encodingProblems, { path: [], message, severity: 'error', beyondSchema: true, offset: 0, length: 0 }] };
  }
  // jsonc-parser's parser recurses once per level and overflows the stack near 5,000 levels.
  const tooDeep = nestingTooDeep(text);
  if (tooDeep) return { problems: [...encodingProblems, tooDeep] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) {
    return {
      problems: [
        ...encodingProblems,
        ...errors.map((error) => syntaxProblem(text, error)),
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Text jsonc-parser accepts and strict JSON (JSON.parse, the AWS CLI) does not; the JSON
    // language service accepts it too.
    const message = (error as Error).message;
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
    return { problems: [...encodingProblems, { path: [], message: l10n.t('Invalid JSON: {0}.', message), severity: 'error', beyondSchema: true, offset: Math.min(position, text.length), length: 0 }] };
  }
  const result = validateConfiguration(value, context);
  const located = result.problems.map((problem) => ({ ...problem, ...locate(tree, problem.path) }));
  return { ...result, problems: [...encodingProblems, ...(tree ? repeatedMembers(tree) : []), ...located] };
}

/**
 * Deeper than any configuration (it has 3 levels) by far, and far below the depth where a
 * recursive JSON parser (jsonc-parser's, the JSON language service's) overflows the stack.
 */
export const MAX_NESTING_DEPTH = 100;

/** An error at the first bracket nested deeper than MAX_NESTING_DEPTH; a flat scan, no recursion. */
function nestingTooDeep(text: string): TextProblem | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      depth += 1;
      if (depth > MAX_NESTING_DEPTH) {
        return {
          path: [],
          message: l10n.t('The JSON is nested more than {0} levels deep; a Cognito Sync configuration has 3 levels (the object, PushSync or CognitoStreams, ApplicationArns).', MAX_NESTING_DEPTH),
          severity: 'error',
          beyondSchema: true,
          offset: scanner.getTokenOffset(),
          length: 1,
        };
      }
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * U+FFFD is what a UTF-8 decoder (VS Code's, TextDecoder) puts where bytes are not UTF-8. Such a
 * text reads fine, but the original bytes are gone: saving or applying it would write U+FFFD.
 */
function replacementCharacters(text: string): TextProblem | undefined {
  const first = text.indexOf('\uFFFD');
  if (first < 0) return undefined;
  let count = 0;
  for (let at = first; at >= 0; at = text.indexOf('\uFFFD', at + 1)) count += 1;
  return {
    path: [],
    message: l10n.t('The file is not valid UTF-8: {0} U+FFFD (�), the replacement for bytes that are not UTF-8, so the original text is lost there. Save the file as UTF-8 and retype {1}.', count === 1 ? l10n.t('one place holds') : l10n.t('{0} places hold', count), count === 1 ? 'it' : 'them'),
    severity: 'error',
    beyondSchema: true,
    offset: first,
    length: 1,
  };
}

/** Members repeated in one object: JSON readers (the AWS CLI's too) silently keep only the last. */
function repeatedMembers(tree: JsonNode): TextProblem[] {
  const problems: TextProblem[] = [];
  // A loop over a stack, not recursion: the nesting is bounded, but the lists are not.
  const pending: { node: JsonNode; path: (string | number)[] }[] = [{ node: tree, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { node, path } = next;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        const key = keyNode?.value;
        if (typeof key !== 'string') continue;
        if (seen.has(key)) {
          problems.push({
            path: [...path, key],
            message: l10n.t('Member "{0}" appears more than once{1}: JSON readers keep only the last one and silently ignore the others. Keep one.', shortened(key), path.length ? l10n.t(' in {0}', path.join('.')) : ''),
            severity: 'error',
            beyondSchema: true,
            offset: keyNode.offset,
            length: keyNode.length,
          });
        }
        seen.add(key);
        if (valueNode && (valueNode.type === 'object' || valueNode.type === 'array')) pending.push({ node: valueNode, path: [...path, key] });
      }
    } else if (node.type === 'array') {
      node.children?.forEach((item, index) => {
        if (item.type === 'object' || item.type === 'array') pending.push({ node: item, path: [...path, index] });
      });
    }
  }
  return problems;
}

function syntaxProblem(text: string, error: ParseError): TextProblem {
  const problem: TextProblem = { path: [], message: l10n.t('Invalid JSON: {0}.', describeParseError(printParseErrorCode(error.error))), severity: 'error', offset: error.offset, length: error.length };
  const code = text.codePointAt(error.offset);
  if (error.error === ParseErrorCode.InvalidSymbol && code !== undefined && (code < 0x20 || code > 0x7e)) {
    // An invisible or non-ASCII character where JSON allows none. VS Code's JSON language service
    // lets some pass silently (NUL, U+FEFF, U+2028), and "invalid symbol" would not say which.
    const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return { ...problem, message: l10n.t('Invalid JSON: the character {0} is not allowed outside a string.', name), beyondSchema: true };
  }
  return problem;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

type JsonNode = NonNullable<ReturnType<typeof parseTree>>;

function locate(tree: JsonNode | undefined, path: (string | number)[]): { offset?: number; length?: number } {
  let node: JsonNode | undefined = tree;
  for (const segment of path) {
    if (!node) break;
    if (node.type === 'object' && typeof segment === 'string') {
      const property: JsonNode | undefined = node.children?.find((child) => child.children?.[0]?.value === segment);
      // A member that is missing is reported on its parent.
      if (!property) break;
      node = property.children?.[1] ?? property;
    } else if (node.type === 'array' && typeof segment === 'number') {
      const item: JsonNode | undefined = node.children?.[segment];
      if (!item) break;
      node = item;
    } else {
      break;
    }
  }
  return node ? { offset: node.offset, length: node.length } : {};
}
