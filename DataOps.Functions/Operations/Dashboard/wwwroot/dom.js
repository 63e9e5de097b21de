// The page's two DOM helpers, shared by its modules.

export const $ = (selector) => document.querySelector(selector);

// Builds an element with text content only: API values never reach innerHTML.
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  if (className) {
    node.className = className;
  }
  return node;
}
