/**
 * fast-check arbitraries for any request of the API, built from its
 * descriptors (gen/cardgate.binpb), so a new RPC or field is fuzzed without a
 * line here: random messages of the right shape whose strings mix values the
 * center knows (so calls reach past validation) with random Unicode, and
 * whose numbers reach their types' edges.
 */
import { readFileSync } from 'node:fs';
import { create, createFileRegistry, fromBinary, toBinary, ScalarType } from '@bufbuild/protobuf';
import type { DescField, DescMessage, DescService } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import fc from 'fast-check';
import { DESCRIPTOR_SET } from '../../center/grpc/descriptor-set.js';

export const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(DESCRIPTOR_SET)));

export function service(typeName: string): DescService {
  const found = registry.getService(typeName);
  if (!found) throw new Error(`no service ${typeName} in ${DESCRIPTOR_SET}`);
  return found;
}

const anyString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 300 }),
);

function scalar(type: ScalarType, known: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  switch (type) {
    case ScalarType.STRING:
      return fc.oneof(known, anyString);
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: 80 });
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: -5n, max: 5000n }));
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return fc.nat();
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return fc.double();
    default:
      return fc.oneof(fc.integer(), fc.integer({ min: -2, max: 30 }));
  }
}

function fieldValue(field: DescField, known: fc.Arbitrary<string>, depth: number): fc.Arbitrary<unknown> {
  switch (field.fieldKind) {
    case 'scalar':
      return scalar(field.scalar, known);
    case 'enum':
      return fc.oneof(fc.constantFrom(...field.enum.values.map((value) => value.number)), fc.integer());
    case 'message':
      return messageInit(field.message, known, depth + 1);
    case 'list': {
      const entry =
        field.listKind === 'scalar'
          ? scalar(field.scalar, known)
          : field.listKind === 'enum'
            ? fc.integer()
            : messageInit(field.message, known, depth + 1);
      return fc.array(entry, { maxLength: depth > 1 ? 2 : 4 });
    }
    case 'map':
      return fc.constant({});
  }
}

/** The fields of a random `desc`, as protobuf-es's create() takes them. */
function messageInit(desc: DescMessage, known: fc.Arbitrary<string>, depth: number): fc.Arbitrary<object> {
  if (depth > 4) return fc.constant({});
  const fields = Object.fromEntries(desc.fields.map((field) => [field.localName, fieldValue(field, known, depth)]));
  return fc.record(fields, { requiredKeys: [] });
}

/** Encoded random requests for `input`; `known` supplies the strings the center would recognise. */
export function requestBytes(input: DescMessage, known: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return messageInit(input, known, 0).map((init) => toBinary(input, create(input, init as never)));
}
