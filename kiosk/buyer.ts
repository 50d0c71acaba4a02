/** The buyer details form's rules: a name is required (it is written on the card), an e-mail is optional but must look like one. */

export interface BuyerInput {
  readonly name: string;
  readonly email: string;
}

export const EMPTY_BUYER: BuyerInput = { name: '', email: '' };

export const MAX_NAME_LENGTH = 60;

export function buyerErrors(input: BuyerInput): Partial<Record<keyof BuyerInput, string>> {
  const errors: { name?: string; email?: string } = {};
  if (!input.name.trim()) errors.name = 'Enter your name: it is written on the card with your tickets.';
  const email = input.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.email = 'This does not look like an e-mail address (name@example.com), or leave it empty.';
  return errors;
}

/** Names compared the way a person would: case, spacing and surrounding blanks do not matter. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return norm(a) === norm(b);
}
