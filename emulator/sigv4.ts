// SigV4 verification with the AWS SDK's own signer: the request is re-signed with the secret the
// emulator knows for its access key, over exactly the headers the client said it signed, and the
// two signatures are compared. Errors are those AWS returns for each failure (all HTTP 403).
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { timingSafeEqual } from 'crypto';
import { ServiceError } from './errors';

export interface KnownCredential {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
  /** IAM user name, used in NotAuthorized messages. */
  userName: string;
  /** Temporary credentials carry a session token and expire. */
  sessionToken?: string;
  expiresAt?: number;
  /** IAM actions this principal is denied, e.g. `cognito-identity:*`. */
  deny?: string[];
}

export interface SignedRequest {
  method: string;
  /** The path exactly as received (still percent-encoded). */
  rawPath: string;
  /** Decoded query parameters. */
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface VerifiedCaller {
  credential: KnownCredential;
  region: string;
  service: string;
}

const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

const forbidden = (code: string, message: string) => new ServiceError(code, 403, message);

function headerValue(headers: SignedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `20240101T000000Z` → Date, or undefined when it is not a SigV4 date. */
function parseAmzDate(text: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
}

export async function verifySignature(
  request: SignedRequest,
  expectedService: string,
  lookup: (accessKeyId: string) => KnownCredential | undefined,
  now = Date.now(),
): Promise<VerifiedCaller> {
  const authorization = headerValue(request.headers, 'authorization');
  if (!authorization) throw forbidden('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const match = AUTHORIZATION.exec(authorization.trim());
  if (!match) {
    throw forbidden('IncompleteSignatureException', `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters for AWS4-HMAC-SHA256. Authorization=${authorization.split(' ')[0]}`);
  }
  const [, accessKeyId, scopeDate, region, service, signedHeaderList, signature] = match;

  const credential = lookup(accessKeyId);
  if (!credential) throw forbidden('UnrecognizedClientException', 'The security token included in the request is invalid.');
  if (service !== expectedService) {
    throw forbidden('InvalidSignatureException', `Credential should be scoped to correct service: '${expectedService}'.`);
  }

  const amzDate = headerValue(request.headers, 'x-amz-date');
  const signingDate = parseAmzDate(amzDate);
  if (!signingDate) throw forbidden('IncompleteSignatureException', 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  if (!amzDate!.startsWith(scopeDate)) {
    throw forbidden('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate!.slice(0, 8)}', from '${amzDate}'.`);
  }
  if (Math.abs(now - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw forbidden('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than ${new Date(now - MAX_CLOCK_SKEW_MS).toISOString().replace(/[-:]|\.\d+/g, '')} (${new Date(now).toISOString().replace(/[-:]|\.\d+/g, '')} - 15 min.)`);
  }

  const signedHeaderNames = signedHeaderList.split(';');
  if (!signedHeaderNames.includes('host')) {
    throw forbidden('InvalidSignatureException', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaderNames) {
    const value = headerValue(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }

  // The JS SDK sends the payload hash it signed; it must be the hash of what arrived.
  const declaredHash = headers['x-amz-content-sha256'];
  if (declaredHash && declaredHash !== 'UNSIGNED-PAYLOAD') {
    const hash = new Sha256();
    hash.update(request.body);
    const actual = Buffer.from(await hash.digest()).toString('hex');
    if (actual !== declaredHash) throw forbidden('InvalidSignatureException', 'The provided \'x-amz-content-sha256\' header does not match what was computed.');
  }

  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: credential.secretAccessKey },
    region,
    service,
    sha256: Sha256,
    applyChecksum: false,
    uriEscapePath: true,
  });
  const resigned = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: request.rawPath,
      query: request.query,
      headers,
      body: request.body.length ? request.body : undefined,
    },
    { signingDate, signableHeaders: new Set(signedHeaderNames) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(resigned.headers.authorization))?.[1] ?? '';
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    throw forbidden('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
  }

  if (credential.sessionToken !== undefined) {
    const token = headerValue(request.headers, 'x-amz-security-token');
    if (token !== credential.sessionToken) throw forbidden('UnrecognizedClientException', 'The security token included in the request is invalid.');
    if (credential.expiresAt !== undefined && credential.expiresAt <= now) {
      throw forbidden('ExpiredTokenException', 'The security token included in the request is expired');
    }
  }
  return { credential, region, service };
}
