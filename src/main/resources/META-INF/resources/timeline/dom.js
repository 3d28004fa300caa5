// Element builders: text is always set as text, never parsed as HTML, and no inline style is ever
// written (the page's Content-Security-Policy forbids it); looks come from classes in timeline.css.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An HTML element: h('a', {href: '/x', class: 'y'}, 'text', childElement). */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** The same for SVG elements. */
export function s(tag, attributes = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  return build(element, {}, children);
}
