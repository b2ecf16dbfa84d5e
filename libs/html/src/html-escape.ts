const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for an HTML text node or a quoted attribute value, for the pages the apps render on the server
 * (alert labels and annotations come from senders; titles and URLs from configuration).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Only http(s) links are rendered; a `javascript:` generatorURL must not become a clickable script. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
