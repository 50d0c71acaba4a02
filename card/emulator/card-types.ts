/**
 * The cards `card emulate --type` presents, each as an ACR122U reports it:
 * the ATR (PC/SC part 3: RID A0 00 00 03 06, standard 03, card name), the
 * UID length and the memory layout.
 */
export const CARD_TYPES = ['ntag213', 'ntag215', 'ntag216', 'classic1k', 'classic4k'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** NTAG21x data areas as their capability containers state them. */
export const NTAG_CAPACITY = { ntag213: 144, ntag215: 496, ntag216: 872 } as const;

const atr = (name: number) => {
  const bytes = Buffer.from('3B8F8001804F0CA00000030603000000000000', 'hex');
  bytes.writeUInt16BE(name, 13);
  // TCK: the XOR of every byte after TS.
  return Buffer.concat([bytes, Buffer.of(bytes.subarray(1).reduce((x, b) => x ^ b, 0))]);
};

/** Card names of PC/SC part 3: 00 01 MIFARE Classic 1K, 00 02 4K, 00 03 MIFARE Ultralight (NTAG21x too). */
export const ATR = { classic1k: atr(0x0001), classic4k: atr(0x0002), ultralight: atr(0x0003) } as const;

export const isClassic = (type: CardType | undefined): type is 'classic1k' | 'classic4k' =>
  type === 'classic1k' || type === 'classic4k';
