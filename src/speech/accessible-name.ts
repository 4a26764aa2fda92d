// What a screen reader announces for an element, computed as the accessible-name rules do (WAI-ARIA
// "Accessible Name and Description Computation": aria-labelledby, aria-label, <label>, content, title),
// then its role, state, value and description (aria-describedby: hint and error). The kiosk speaks
// this text, so a citizen hears what a screen reader would say.

/** Words for roles and states in the screen's language (locales/*\/speech.json, "role" and "state"). */
export type Words = (key: string, values?: Record<string, unknown>) => string;

function visible(el: Element): boolean {
  return !el.closest('[aria-hidden="true"], [hidden]');
}

/** Text content as read: skips hidden parts, uses alt text of images and names of labelled parts. */
function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || !visible(node)) return '';
  if (node instanceof HTMLImageElement) return node.alt;
  if (node.hasAttribute('aria-label') && node !== node.ownerDocument.activeElement) return node.getAttribute('aria-label') ?? '';
  const block = /^(P|DIV|LI|H[1-6]|SECTION|UL|OL|DT|DD|TR|TD|TH|LEGEND|LABEL)$/.test(node.tagName);
  const inner = [...node.childNodes].map(textOf).join('');
  return block ? ` ${inner} ` : inner;
}

export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function byIds(el: Element, attribute: string): string {
  const ids = el.getAttribute(attribute)?.split(/\s+/).filter(Boolean) ?? [];
  return clean(ids.map((id) => el.ownerDocument.getElementById(id)).map((ref) => (ref ? textOf(ref) : '')).join(' '));
}

function accessibleName(el: Element): string {
  const labelledBy = byIds(el, 'aria-labelledby');
  if (labelledBy) return labelledBy;
  const label = el.getAttribute('aria-label');
  if (label) return clean(label);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    const labels = [...(el.labels ?? [])].map(textOf).join(' ');
    if (clean(labels)) return clean(labels);
  }
  if (el instanceof HTMLFieldSetElement) {
    const legend = el.querySelector('legend');
    if (legend) return clean(textOf(legend));
  }
  if (el instanceof HTMLInputElement && /^(button|submit|reset)$/.test(el.type)) return el.value;
  const role = roleOf(el);
  if (role && /^(button|link|heading|tab|menuitem|option|switch|checkbox|radio|alert|status|dialog|alertdialog)$/.test(role)) {
    const content = clean(textOf(el));
    if (content) return content;
  }
  return clean(el.getAttribute('title') ?? (el as HTMLInputElement).placeholder ?? '');
}

function roleOf(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0];
  if (el instanceof HTMLAnchorElement) return el.hasAttribute('href') ? 'link' : undefined;
  if (el instanceof HTMLButtonElement) return 'button';
  if (/^H[1-6]$/.test(el.tagName)) return 'heading';
  if (el instanceof HTMLSelectElement) return 'combobox';
  if (el instanceof HTMLTextAreaElement) return 'textbox';
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox' || el.type === 'radio') return el.type;
    if (/^(button|submit|reset)$/.test(el.type)) return 'button';
    return 'textbox';
  }
  return undefined;
}

function valueOf(el: Element): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text ?? '';
  if (el instanceof HTMLInputElement && !/^(checkbox|radio|button|submit|reset|hidden)$/.test(el.type)) return el.value;
  if (el instanceof HTMLTextAreaElement) return el.value;
  return '';
}

function states(el: Element, role: string | undefined, words: Words): string[] {
  const out: string[] = [];
  if (role === 'checkbox' || role === 'radio' || role === 'switch') {
    const checked = el instanceof HTMLInputElement ? el.checked : el.getAttribute('aria-checked') === 'true';
    out.push(words(checked ? 'state.checked' : 'state.notChecked'));
  }
  const pressed = el.getAttribute('aria-pressed');
  if (pressed) out.push(words(pressed === 'true' ? 'state.pressed' : 'state.notPressed'));
  const expanded = el.getAttribute('aria-expanded');
  if (expanded) out.push(words(expanded === 'true' ? 'state.expanded' : 'state.collapsed'));
  if (el.getAttribute('aria-current') && el.getAttribute('aria-current') !== 'false') out.push(words('state.current'));
  if ((el as HTMLInputElement).required || el.getAttribute('aria-required') === 'true') out.push(words('state.required'));
  if (el.getAttribute('aria-invalid') === 'true') out.push(words('state.invalid'));
  if ((el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true') out.push(words('state.disabled'));
  return out;
}

/** "Name, role, state, value. Description." as a screen reader would say it on focus. */
export function announce(el: Element, words: Words): string {
  const role = roleOf(el);
  const level = role === 'heading' ? Number(el.getAttribute('aria-level') ?? el.tagName.slice(1)) : 0;
  const parts = [accessibleName(el)];
  if (role && role !== 'heading') parts.push(words(`role.${role}`));
  if (level) parts.push(words('role.heading', { level }));
  parts.push(...states(el, role, words));
  const value = clean(valueOf(el));
  if (role === 'textbox' || role === 'combobox') parts.push(value || words('state.empty'));
  const sentence = parts.filter(Boolean).join(', ');
  const description = byIds(el, 'aria-describedby');
  return description ? `${sentence}. ${description}` : sentence;
}
