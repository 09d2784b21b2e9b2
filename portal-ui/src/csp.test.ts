/// <reference types="node" />
// Guards for the gateway's strict CSP (script-src/style-src 'self'): no inline script or
// style in the page, and no code paths that create them.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const built = new URL('target/classes/webroot/index.html', root);

function assertCspSafeHtml(html: string): void {
  expect(html).not.toMatch(/<style[\s>]/i);
  expect(html).not.toMatch(/\sstyle\s*=/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i); // onclick= and friends
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    expect(tag, 'every script must be an external file').toMatch(/\ssrc=/i);
  }
  expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/i); // no script body
  expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i); // nothing from other hosts
}

describe('CSP compatibility', () => {
  it('index.html has no inline script or style', () => {
    assertCspSafeHtml(read('index.html'));
  });

  it.skipIf(!existsSync(built))('the built index.html has no inline script or style', () => {
    assertCspSafeHtml(readFileSync(built, 'utf8'));
  });

  it('the sources never write HTML or inline styles', () => {
    const sources = readdirSync(new URL('src/', root))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(0);
    for (const file of sources) {
      const code = read(`src/${file}`);
      expect(code, file).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/);
      expect(code, file).not.toMatch(/\.style\.|\.style\s*=|setAttribute\(\s*['"]style/);
    }
  });
});
