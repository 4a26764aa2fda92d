import { describe, expect, it } from 'vitest';
import { MISSING_KEY_MARK, type Translate } from '#app/shared/i18n.ts';
import { typeLabel, typeOptions } from './type-label.ts';

/** Like i18next with parseMissingKeyHandler: a missing key comes back marked. */
const translate = (known: Record<string, string>): Translate => (key) => known[key] ?? `${MISSING_KEY_MARK}${key}⟧`;

describe('typeLabel', () => {
  const t = translate({ 'staff:types.staff-draft': 'Rescued draft', 'form-change-of-address:title': 'Change of address', 'staff:types.device-test': 'Test' });

  it('prefers the back office\'s name, then the form\'s title', () => {
    expect(typeLabel('staff-draft', t)).toBe('Rescued draft');
    expect(typeLabel('change-of-address', t)).toBe('Change of address');
  });

  it('shows the type id when no translation exists yet', () => {
    expect(typeLabel('home-visit', t)).toBe('home-visit');
  });

  it('also copes with a translator that answers the key itself for a missing key', () => {
    expect(typeLabel('home-visit', (key) => key)).toBe('home-visit');
  });
});

describe('typeOptions', () => {
  it('labels and sorts by label, adding the id where two labels are the same', () => {
    const t = translate({ 'form-a:title': 'Same', 'form-b:title': 'Same', 'form-c:title': 'Another' });
    expect(typeOptions(['a', 'b', 'c', 'zz-new'], t)).toEqual([
      { value: 'c', label: 'Another' },
      { value: 'a', label: 'Same (a)' },
      { value: 'b', label: 'Same (b)' },
      { value: 'zz-new', label: 'zz-new' },
    ]);
  });
});
