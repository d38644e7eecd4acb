// The logging hook: the layer reports every API call (one record per call, retries included in
// `attempts`) to a callback the extension wires to its log channel. Records carry no credentials.
import { AwsErrorKind, AwsService, SERVICE_LABEL } from './errors';
import { redact } from './secrets';

export interface ApiCallRecord {
  time: Date;
  profile: string;
  service: AwsService;
  operation: string;
  region: string;
  identityPoolId?: string;
  durationMs: number;
  /** From the reply's `$metadata.requestId` (x-amzn-RequestId), when a reply arrived. */
  requestId?: string;
  attempts?: number;
  outcome: 'ok' | AwsErrorKind;
  /** The service's error code, e.g. TooManyRequestsException. */
  errorCode?: string;
  endpoint?: string;
}

export type ApiCallLogger = (record: ApiCallRecord) => void;

/** One log line: `Cognito Sync GetIdentityPoolConfiguration us-east-1 pool=… 12 ms ok request=…`. */
export function formatApiCall(record: ApiCallRecord): string {
  const parts = [
    SERVICE_LABEL[record.service],
    record.operation,
    record.region,
    `profile=${record.profile}`,
    ...(record.identityPoolId ? [`pool=${record.identityPoolId}`] : []),
    `${record.durationMs} ms`,
    record.outcome === 'ok' ? 'ok' : `${record.outcome}${record.errorCode ? ` (${record.errorCode})` : ''}`,
    ...(record.attempts && record.attempts > 1 ? [`attempts=${record.attempts}`] : []),
    ...(record.requestId ? [`request=${record.requestId}`] : []),
  ];
  return redact(parts.join(' '));
}
