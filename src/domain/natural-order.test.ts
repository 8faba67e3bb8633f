import { describe, expect, it } from 'vitest';
import { naturalCompare } from './natural-order';

describe('naturalCompare', () => {
  it('orders numbers inside names by value, ignoring case', () => {
    expect(['Loket 10', 'loket 2', 'Loket 1', 'Loket 21'].sort(naturalCompare)).toEqual(['Loket 1', 'loket 2', 'Loket 10', 'Loket 21']);
    expect(['petugas10', 'petugas2', 'Petugas1'].sort(naturalCompare)).toEqual(['Petugas1', 'petugas2', 'petugas10']);
  });
});
