export { escapeHtml, isWebUrl } from './html-escape.js';
