// Reading request bodies and writing replies: JSON, awsQuery XML, and errors in each service's
// wire format.
import * as http from 'http';
import { MAX_BODY_BYTES } from './behaviour';
import { ServiceError } from './errors';
import { queryErrorXml } from './queryProtocol';
import { errorStatus } from './serviceModel';
import { Service } from './services';

export class BodyTooLarge extends Error {}

export function readBody(request: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** An awsQuery reply or error document. */
export function sendXml(response: http.ServerResponse, status: number, service: Service, requestId: string, text: string): void {
  response.writeHead(status, { 'Content-Type': service.contentType, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId });
  response.end(text);
}

/** Sends `error` in the service's wire format; returns the status and the error type as sent. */
export function sendError(response: http.ServerResponse, service: Service, requestId: string, error: ServiceError): { status: number; errorType: string } {
  const status = errorStatus(service.model, error.code) ?? error.status;
  if (service.protocol === 'query') {
    // The wire code is the model's awsQuery code (InvalidParameterException → InvalidParameter).
    const code = service.model.shapes[error.code]?.error?.code ?? error.code;
    sendXml(response, status, service, requestId, queryErrorXml(service.model, code, error.message, status, requestId));
    return { status, errorType: code };
  }
  const body = service.typeInBody ? { __type: error.code, message: error.message } : { message: error.message };
  sendJson(response, status, body, { 'Content-Type': service.contentType, 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': error.code });
  return { status, errorType: error.code };
}
