// Errors the emulator replies with. `code` is the shape name that clients map to an exception
// class (reference §3: shape names, never the awsQueryError codes).
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const invalidParameter = (message: string) => new ServiceError('InvalidParameterException', 400, message);
export const resourceNotFound = (message: string) => new ServiceError('ResourceNotFoundException', 404, message);
export const serialization = (message: string) => new ServiceError('SerializationException', 400, message);
