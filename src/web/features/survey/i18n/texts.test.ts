import { describe, expect, it } from 'vitest';
import { SKM_ELEMENT_KEYS, SKM_ELEMENTS } from '../../../../domain/ikm';
import { id } from './id';

describe('survey texts', () => {
  it('show the regulation’s element names and answer labels, exactly as the domain has them', () => {
    for (const k of SKM_ELEMENT_KEYS) {
      const el = id.el[k];
      expect(el.label).toBe(SKM_ELEMENTS[k].label);
      expect([el.a1, el.a2, el.a3, el.a4]).toEqual([...SKM_ELEMENTS[k].answers]);
    }
  });
});
