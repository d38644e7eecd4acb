// The JSON schema contributed to VS Code (schemas/cognito-sync.schema.json): the full schema of
// schema.ts for names, descriptions and suggestions, without its validation keywords.
//
// Why: VS Code's JSON language service reports every schema violation as a warning, while the
// form calls the same value an error and the save refuses it. So the checks are the extension's
// own diagnostics (src/editor/configurationDiagnostics.ts), with the form's severities and
// messages, each once; the schema only suggests and explains. The full schema stays the
// reference for the rules (test/unit/model/rules.test.ts).

/** Keywords that make the JSON language service report a problem. */
const VALIDATION = new Set(['type', 'required', 'additionalProperties', 'pattern', 'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'enum', 'enumDescriptions', 'const', 'patternErrorMessage', 'errorMessage']);

export function completionSchema(schema: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VALIDATION.has(key)) continue;
    if (key === 'properties' && value && typeof value === 'object') {
      copy.properties = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, completionSchema(property as Record<string, unknown>)]));
    } else if (key === 'items' && value && typeof value === 'object' && !Array.isArray(value)) {
      copy.items = completionSchema(value as Record<string, unknown>);
    } else {
      copy[key] = value;
    }
  }
  // Allowed values are still suggested, with their descriptions, without "Value is not accepted".
  if (Array.isArray(schema.enum)) {
    const descriptions = Array.isArray(schema.enumDescriptions) ? (schema.enumDescriptions as string[]) : [];
    copy.defaultSnippets = (schema.enum as unknown[]).map((value, index) => ({ label: String(value), body: value, ...(descriptions[index] ? { description: descriptions[index] } : {}) }));
  }
  return copy;
}
