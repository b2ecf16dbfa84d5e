import { escapeHtml, isWebUrl } from './html-escape.js';

describe('escapeHtml', () => {
  it('escapes every character that could end a text node or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});

describe('isWebUrl', () => {
  it('takes http(s) links only', () => {
    expect(isWebUrl('https://prometheus.example/graph')).toBe(true);
    expect(isWebUrl('HTTP://127.0.0.1:9090')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('//evil.example')).toBe(false);
  });
});
