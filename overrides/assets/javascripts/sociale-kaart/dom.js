/* The social map: building elements. Data never goes through innerHTML: every text is set with
 * textContent or a text node, so nothing a contributor wrote can run in the page. */

/** An element with a class and text, built without HTML parsing. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The address of a generated page: `base` + slug, as a folder or as an .html file (mkdocs use_directory_urls). */
export function pageUrl(base, slug, folders) {
  return base + encodeURIComponent(slug) + (folders ? "/" : ".html");
}

/** A paragraph holding one link. */
export function linkParagraph(className, text, href) {
  const p = el("p", className);
  const a = el("a", "", text);
  a.href = href;
  p.appendChild(a);
  return p;
}
