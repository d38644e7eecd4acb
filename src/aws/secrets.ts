// Keeps secrets out of every message and log line. Credentials resolved by this layer are
// remembered here (in memory only) so that any text can be scrubbed of them, and the usual places
// a secret hides in text (signature headers, ini lines, credential_process JSON) are masked too.
const knownSecrets = new Set<string>();
const MASK = '****';

/** Remembers a secret (a secret access key or a session token) so `redact` masks it. */
export function rememberSecret(secret: string | undefined): void {
  // Short strings could mask ordinary words; real secrets are 40+ characters.
  if (secret && secret.length >= 16) knownSecrets.add(secret);
}

const PATTERNS: [RegExp, string][] = [
  [/(Signature=)[0-9a-f]{16,}/gi, `$1${MASK}`],
  [/(authorization["']?\s*[:=]\s*["']?)[^"'\n,}]+/gi, `$1${MASK}`],
  [/(x-amz-security-token["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, `$1${MASK}`],
  [/((?:aws_secret_access_key|aws_session_token)\s*=\s*)\S+/gi, `$1${MASK}`],
  [/("(?:SecretAccessKey|SessionToken|secretAccessKey|sessionToken)"\s*:\s*")[^"]*/g, `$1${MASK}`],
];

export function redact(text: string): string {
  let result = text;
  for (const secret of knownSecrets) result = result.split(secret).join(MASK);
  for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
  return result;
}
