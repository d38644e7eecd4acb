// Terraform attribute names of the awscc provider, from CloudFormation property names. A port of
// the provider's own conversion (terraform-provider-awscc, internal/naming), quirks included:
// `OpenIdConnectProviderARNs` → `open_id_connect_provider_ar_ns`.

const REPLACEMENTS: [string, string][] = [
  ['CloudFormation', 'Cloudformation'],
  ['CloudFront', 'Cloudfront'],
  ['CloudWatch', 'Cloudwatch'],
  ['FSx', 'Fsx'],
];

const isCapital = (character: string) => character >= 'A' && character <= 'Z';
const isLower = (character: string) => character >= 'a' && character <= 'z';
const isDigit = (character: string) => character >= '0' && character <= '9';

export function terraformName(propertyName: string): string {
  let name = propertyName.trim();
  for (const [from, to] of REPLACEMENTS) name = name.split(from).join(to);
  let result = '';
  for (let index = 0; index < name.length; index += 1) {
    const character = name[index];
    const capital = isCapital(character);
    const lower = isLower(character);
    const digit = isDigit(character);
    const written = capital ? character.toLowerCase() : character;
    if (index < name.length - 1) {
      const next = name[index + 1];
      const caseChanges = (capital && isLower(next)) || (lower && (isCapital(next) || isDigit(next))) || (digit && (isCapital(next) || isLower(next)));
      if (caseChanges) {
        if (capital && isLower(next) && index > 0 && isCapital(name[index - 1])) result += '_';
        result += written;
        if (lower || digit) result += '_';
        continue;
      }
    }
    result += capital || lower || digit ? written : '_';
  }
  return result;
}
