/**
 * Timestamps as the protobuf definition allows them: nanos from 0 to
 * 999,999,999 and a date from year 1 to 9999. ts-proto turns a Timestamp into
 * a Date as it decodes, and a nanos of −1 or 2e9 then reads as an ordinary
 * instant, so requests that hold a Timestamp (outside card data) are read
 * once more, with their descriptors (gen/cardgate.binpb), to see the fields as
 * sent. Only operators' requests hold one; the hot paths do not pay for this.
 */
import { readFileSync } from 'node:fs';
import { createFileRegistry, fromBinary, type DescMessage } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { DESCRIPTOR_SET } from './descriptor-set.js';

const TIMESTAMP = 'google.protobuf.Timestamp';
const MIN_SECONDS = -62_135_596_800n; // 0001-01-01T00:00:00Z
const MAX_SECONDS = 253_402_300_799n; // 9999-12-31T23:59:59Z

let registry: ReturnType<typeof createFileRegistry> | undefined;
const registryOf = () =>
  (registry ??= createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(DESCRIPTOR_SET))));

type Message = Record<string, unknown>;

/**
 * For a method path (`/cardgate.v1.AdminService/CreateProduct`), a check of
 * the request bytes' Timestamps; undefined when its request holds none.
 */
export function timestampCheck(
  methodPath: string,
  cardData: ReadonlySet<string>,
): ((bytes: Uint8Array) => string | undefined) | undefined {
  const [, serviceName, methodName] = methodPath.split('/');
  const input = registryOf()
    .getService(serviceName!)
    ?.methods.find((method) => method.name === methodName)?.input;
  if (!input || !holdsTimestamp(input, cardData, new Set())) return undefined;
  return (bytes) => problemIn(fromBinary(input, bytes) as unknown as Message, input, '', cardData);
}

function holdsTimestamp(message: DescMessage, cardData: ReadonlySet<string>, seen: Set<string>): boolean {
  if (seen.has(message.typeName)) return false;
  seen.add(message.typeName);
  return message.fields.some((field) => {
    if (cardData.has(field.localName)) return false;
    const nested = field.fieldKind === 'message' || (field.fieldKind === 'list' && field.listKind === 'message');
    if (!nested || !field.message) return false;
    return field.message.typeName === TIMESTAMP || holdsTimestamp(field.message, cardData, seen);
  });
}

function problemIn(
  message: Message,
  desc: DescMessage,
  path: string,
  cardData: ReadonlySet<string>,
): string | undefined {
  for (const field of desc.fields) {
    if (cardData.has(field.localName) || !field.message) continue;
    const value = message[field.localName];
    const values = Array.isArray(value) ? (value as Message[]) : value ? [value as Message] : [];
    for (const [index, entry] of values.entries()) {
      const name = `${path}${field.name}${Array.isArray(value) ? `[${index}]` : ''}`;
      const problem: string | undefined =
        field.message.typeName === TIMESTAMP
          ? timestampProblem(entry, name)
          : problemIn(entry, field.message, `${name}.`, cardData);
      if (problem) return problem;
    }
  }
  return undefined;
}

function timestampProblem(timestamp: Message, field: string): string | undefined {
  const seconds = timestamp.seconds as bigint;
  const nanos = timestamp.nanos as number;
  if (nanos < 0 || nanos > 999_999_999) return `${field}.nanos must be from 0 to 999999999`;
  if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) return `${field} must be a date from year 1 to 9999`;
  return undefined;
}
