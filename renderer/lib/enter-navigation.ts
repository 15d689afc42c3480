import type { KeyboardEvent } from 'react';

// Desk clerks type a dossier in one go: Enter moves to the next field (as in the legacy desktop forms they
// know), Ctrl+Enter submits from anywhere. Buttons, textareas and open dropdowns keep their own Enter.

const NAVIGABLE = 'input:not([type="hidden"]), textarea';

function isNavigable(element: HTMLInputElement | HTMLTextAreaElement): boolean {
  if (element.disabled || element.closest('[data-enter-skip]')) return false;
  if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked) return false;
  // Skip what is not rendered (collapsed sections, hidden helpers).
  return element.getClientRects().length > 0;
}

export function focusNextField(form: HTMLFormElement, from: Element): void {
  const candidates = Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(NAVIGABLE));
  const next = candidates.find(
    (element) =>
      element !== from &&
      (from.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
      isNavigable(element),
  );
  const target = next ?? form.querySelector<HTMLButtonElement>('button[type="submit"]');
  target?.focus();
  if (target instanceof HTMLInputElement && ['text', 'tel', 'email', 'search'].includes(target.type))
    target.select();
}

/** onKeyDown for a <form>: Enter = next field, Ctrl/Cmd+Enter = submit. */
export function handleFormKeyDown(event: KeyboardEvent<HTMLFormElement>, submit: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    submit();
    return;
  }
  if (event.defaultPrevented || event.altKey || event.shiftKey) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  if (target.getAttribute('aria-expanded') === 'true') return;
  event.preventDefault();
  focusNextField(event.currentTarget, target);
}
