/** The product's name, shown in the frame, page titles and emails' landing pages. */
export const PRODUCT_NAME = 'Seed';

export function pageTitle(page: string): string {
  return `${page} · ${PRODUCT_NAME}`;
}
