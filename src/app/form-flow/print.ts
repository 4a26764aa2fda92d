/**
 * Prints the page's print copy: A4 (the whole request) or a slip for an 80 mm receipt printer
 * (title, reference, QR, date), or a queue ticket on that printer (Receipt/QueueTicket.svelte). The variant is a class on <html> that the print CSS reads
 * (styles/_forms.scss); it is removed again after printing.
 */
export type PrintVariant = 'a4' | 'slip' | 'ticket';

export function printCopy(variant: PrintVariant): void {
  const root = document.documentElement;
  const cls = `print-${variant}`;
  root.classList.add(cls);
  const done = () => {
    root.classList.remove(cls);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
