/* Search results as list items, and the status line. Titles and labels are set as text; of Pagefind's
 * excerpts (escaped text with <mark> around matches) only the text and the <mark> elements are kept. */

/** Pagefind's excerpt as safe DOM nodes: text, and <mark> around the matches. Nothing else. */
function excerptNodes(html) {
  const template = document.createElement("template");
  // Parsed inert (nothing in a template runs or loads), and only its text and <mark> elements are kept.
  // eslint-disable-next-line no-restricted-syntax
  template.innerHTML = html;
  const nodes = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.append(mark);
    } else {
      nodes.append(document.createTextNode(node.textContent));
    }
  }
  return nodes;
}

/** One result as a list item: type label, title link, excerpt. */
function resultItem(data) {
  const item = document.createElement("li");
  item.className = "kb-resultaat";
  const type = document.createElement("span");
  type.className = "kb-resultaat__soort";
  type.textContent = data.meta.soort || "Pagina";
  const link = document.createElement("a");
  link.className = "kb-resultaat__titel";
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const excerpt = document.createElement("p");
  excerpt.className = "kb-resultaat__tekst";
  excerpt.append(excerptNodes(data.excerpt || ""));
  item.append(type, link, excerpt);
  return item;
}

/** Add results[from, to) to a list; returns the first new link. */
export async function showResults(list, results, from, to) {
  const data = await Promise.all(results.slice(from, to).map((result) => result.data()));
  const items = data.map(resultItem);
  list.append(...items);
  return items.length ? items[0].querySelector("a") : null;
}

function count(n) {
  return n === 1 ? "1 resultaat" : `${n} resultaten`;
}

/** The status line: how many results, or what to try when there are none. */
export function statusText(total, query, filtered) {
  const q = query.trim();
  if (total > 0) {
    const what = q ? `${count(total)} voor “${q}”` : count(total);
    return `${what}${filtered ? " met de gekozen filters" : ""}.`;
  }
  if (!q) return "Geen pagina’s met deze filters. Zet een filter uit.";
  if (filtered) return `Geen resultaten voor “${q}” met de gekozen filters. Zet een filter uit of probeer een ander woord.`;
  return `Geen resultaten voor “${q}”. Controleer de spelling, of probeer een ander of korter woord.`;
}

export const FAILED = "Zoeken lukt nu niet. Laad de pagina opnieuw of probeer het later nog eens.";
