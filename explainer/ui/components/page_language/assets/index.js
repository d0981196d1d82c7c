// The page's language (explainer/ui/components/page_language): <html lang> says the language the page's words are
// in, for screen readers (their pronunciation), hyphenation and the browser's offer to translate.  It shows nothing.

/**
 * The component's data (explainer/ui/components/page_language/__init__.py, PageLanguageData).
 * @typedef {Object} PageLanguageData
 * @property {string} lang - the page's language as a BCP 47 tag ("es"): what <html lang> says
 */

/** @param {{data: PageLanguageData, parentElement: Element}} component */
export default function pageLanguage(component) {
  const { data } = component;
  if (data && data.lang && document.documentElement.lang !== data.lang) document.documentElement.lang = data.lang;
  // Nothing to take down: the attribute stays for the page, and the next run (of this page or another) sets it.
  return () => {};
}
