/** The baseline's one method: request bytes in, the same bytes out. */
export const ECHO_METHOD = '/cardgate.bench.Echo/Echo';
export const identity = (bytes: Buffer) => bytes;
