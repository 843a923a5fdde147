#!/usr/bin/env node
// The stylesheets on the support floor (README: Chromium 80, Safari 15, Firefox ESR 115): doiuse
// (caniuse data) lists every feature those engines lack or support in part. Each one we use is
// below with why the page still works there; anything else fails `make test`, naming file and line.
import { readFileSync } from 'node:fs';
import postcss from 'postcss';
import doiuse from 'doiuse';

const BROWSERS = ['chrome 80', 'safari 15', 'ios_saf 15', 'firefox 115'];
const ACCEPTED = {
  'flexbox-gap': 'Chromium 80–83 lay flex items out without the gaps; everything stays usable',
  'css-focus-visible': 'a plain :focus ring comes first; :focus:not(:focus-visible) only removes it where understood',
  'css-overflow': 'only overflow: clip and two-value forms are partial; we use hidden/auto',
  'css-display-contents': 'used on a plain <div> (the filters), not on a button or list, where the partial support bites',
  'css-content-visibility': 'an optimisation; without it every card is laid out',
  'css-containment': 'an optimisation; without it the map is laid out with the page',
  'css-sticky': 'partial only for table parts; we make a panel sticky',
  'css-paged-media': 'the printed list\'s page margins; Safari prints with its own',
  multicolumn: 'partial only for column breaks; the layout reads without them',
  'css-scroll-behavior': 'smooth scrolling; Safari 15 jumps instead',
  'extended-system-fonts': 'ui-sans-serif is one name in a font list that goes on to system fonts',
};

let failed = 0;
for (const file of ['public/styles.css', 'public/list.css']) {
  const css = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  const found = [];
  await postcss([doiuse({ browsers: BROWSERS, onFeatureUsage: (u) => found.push(u) })]).process(css, { from: file });
  for (const u of found.filter((u) => !(u.feature in ACCEPTED))) {
    failed += 1;
    console.error(u.message);
  }
}
if (failed) process.exit(1);
console.log(`check-css: the stylesheets use nothing the support floor lacks beyond ${Object.keys(ACCEPTED).length} accepted degradations`);
