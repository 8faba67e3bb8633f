/**
 * Natural order for names people number: "Loket 2" before "Loket 10", "petugas2" before
 * "petugas10" (plain string order puts 10 first). Case and accents do not matter.
 */
const collator = new Intl.Collator('id', { numeric: true, sensitivity: 'base' });

export const naturalCompare = (a: string, b: string): number => collator.compare(a, b);
