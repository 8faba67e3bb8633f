import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Accessibility checks of a page as it is shown: axe's WCAG 2 A/AA rules (@axe-core/playwright;
 * the page must come from browser.newContext()), and before them plain structural checks whose
 * failures read more directly: every control and image has an accessible name, ids are unique,
 * the page has its language.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const visible = (el: Element) => {
      const r = (el as HTMLElement).getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const textOf = (ids: string) => ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    const nameOf = (el: Element): string => {
      const aria = el.getAttribute('aria-label')?.trim();
      if (aria) return aria;
      const by = el.getAttribute('aria-labelledby');
      if (by && textOf(by)) return textOf(by);
      const id = el.getAttribute('id');
      if (id) {
        const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
        if (label?.textContent?.trim()) return label.textContent.trim();
      }
      const wrap = el.closest('label');
      if (wrap?.textContent?.trim()) return wrap.textContent.trim();
      if (el instanceof HTMLImageElement) return el.alt.trim();
      if (el instanceof HTMLIFrameElement) return el.title.trim();
      if (['BUTTON', 'A'].includes(el.tagName) || el.getAttribute('role') === 'button') return (el.textContent ?? '').trim() || el.getAttribute('title')?.trim() || '';
      return el.getAttribute('title')?.trim() ?? '';
    };
    const controls = document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], [role=button], [role=checkbox], img, iframe');
    for (const el of controls) {
      if (!visible(el) && !(el instanceof HTMLInputElement && el.type === 'file')) continue;
      if (el.closest('[aria-hidden="true"]')) continue;
      if (el instanceof HTMLInputElement && el.type === 'file' && !visible(el) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) continue;
      if (!nameOf(el)) out.push(`no accessible name: ${el.outerHTML.slice(0, 160)}`);
    }
    const ids = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
    for (const [id, n] of ids) if (n > 1) out.push(`duplicate id: ${id}`);
    if (!document.documentElement.lang) out.push('no lang on <html>');
    return out;
  });
  expect(problems, `${what}: accessibility`).toEqual([]);

  // A dialog or toast fading in has half its contrast: check once its transitions have ended.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => `${n.target.join(' ')} [${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}]`).join(', ')}`), `${what}: axe`).toEqual([]);
}
