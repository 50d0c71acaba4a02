/**
 * A unary call with bytes the test made itself, as a hand-written or broken
 * client would send them: what the center answers to a body no generated
 * client would produce (undecodable, invalid UTF-8, out-of-range fields).
 */
import { Client, credentials, Metadata, status } from '@grpc/grpc-js';

export interface RawAnswer {
  readonly code: status;
  readonly details: string;
  readonly body?: Buffer;
}

export function rawCall(address: string, token: string, path: string, body: Uint8Array): Promise<RawAnswer> {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  const identity = (bytes: Buffer) => bytes;
  return new Promise<RawAnswer>((resolve) => {
    client.makeUnaryRequest(
      path,
      identity,
      identity,
      Buffer.from(body),
      metadata,
      { deadline: Date.now() + 10_000 },
      (error, response) => {
        client.close();
        resolve(
          error ? { code: error.code, details: error.details } : { code: status.OK, details: '', body: response },
        );
      },
    );
  });
}

/** A server-streaming call with bytes the test made: OK once the server accepts it (headers, a message or the end), else the error. */
export function rawStream(address: string, token: string, path: string, body: Uint8Array): Promise<RawAnswer> {
  const client = new Client(address, credentials.createInsecure());
  const metadata = new Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  const identity = (bytes: Buffer) => bytes;
  const stream = client.makeServerStreamRequest(path, identity, identity, Buffer.from(body), metadata, {
    deadline: Date.now() + 10_000,
  });
  return new Promise<RawAnswer>((resolve) => {
    const done = (answer: RawAnswer) => {
      stream.removeAllListeners();
      stream.on('error', () => {});
      stream.cancel();
      client.close();
      resolve(answer);
    };
    // Headers before any message: the server accepted the stream (a refusal comes as trailers only).
    stream.on('metadata', () => done({ code: status.OK, details: '' }));
    stream.on('data', (body: Buffer) => done({ code: status.OK, details: '', body }));
    stream.on('end', () => done({ code: status.OK, details: '' }));
    stream.on('error', (error: { code: status; details: string }) =>
      done({ code: error.code, details: error.details }),
    );
  });
}
