import { describe, expect, it } from 'vitest';
import { scriptSources } from './first-load-js';

describe('scriptSources', () => {
  it('finds script tags and script preloads once each, and ignores styles and inline scripts', () => {
    const html = `
      <link rel="stylesheet" href="/_next/static/css/a.css"/>
      <link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>
      <link rel="preload" href="/font.woff2" as="font"/>
      <script src="/_next/static/chunks/b.js" async=""></script>
      <script src="/_next/static/chunks/c.js?dpl=x&amp;y=1" async=""></script>
      <script>self.__next_f.push([1,"x"])</script>`;
    expect(scriptSources(html)).toEqual(['/_next/static/chunks/b.js', '/_next/static/chunks/c.js?dpl=x&y=1']);
  });
});
