import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusHeading } from './focus.ts';

/**
 * The unit tests run without a DOM: a page of three elements is enough to hold the rule, with one
 * frame per macrotask. The whole screen change is driven in Chromium by the keyboard test in
 * tests/e2e/accessibility.browser.test.ts.
 */
class FakeElement {
  tabIndex = 0;
  constructor(readonly name: string, private readonly page: Page) {}
  focus(): void {
    this.page.activeElement = this;
  }
}
class Page {
  readonly body = new FakeElement('body', this);
  readonly heading = new FakeElement('h1', this);
  readonly finish = new FakeElement('finish', this);
  activeElement: FakeElement = this.body;
  headingShown = false;
  querySelector(): FakeElement | null {
    return this.headingShown ? this.heading : null;
  }
}

let page: Page;
beforeEach(() => {
  page = new Page();
  vi.stubGlobal('document', page);
  vi.stubGlobal('requestAnimationFrame', (next: () => void) => setTimeout(next, 0));
});
afterEach(() => vi.unstubAllGlobals());

const frame = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('focusHeading', () => {
  it('focuses a heading that appears a few frames after the screen changed', async () => {
    const done = focusHeading(60);
    await frame();
    await frame();
    page.headingShown = true;
    await done;
    expect(page.activeElement).toBe(page.heading);
    expect(page.heading.tabIndex).toBe(-1);
  });

  it('leaves the focus where the person moved it while the heading was still loading', async () => {
    const done = focusHeading(60);
    await frame();
    page.finish.focus();
    page.headingShown = true;
    await done;
    expect(page.activeElement).toBe(page.finish);
  });

  it('takes the focus from what had it when the screen changed (the tile that opened it)', async () => {
    const tile = new FakeElement('tile', page);
    tile.focus();
    const done = focusHeading(60, tile as unknown as Element);
    page.headingShown = true;
    await done;
    expect(page.activeElement).toBe(page.heading);
  });

  it('gives up after the frames it was given', async () => {
    await focusHeading(3);
    expect(page.activeElement).toBe(page.body);
  });
});
