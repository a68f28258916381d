// The shared table: its scroll region, its name, sorted headers and the sentence that replaces an empty table.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Table } from './Table';

const people = [
  { id: 'a', name: 'Ana' },
  { id: 'b', name: 'Ben' },
];
const row = (p: { id: string; name: string }) => h('tr', { key: p.id }, h('td', { 'data-label': 'Name' }, p.name));

describe('Table', () => {
  it('sits in a named, focusable region that scrolls, with its caption heard and not shown', () => {
    const html = renderToStaticMarkup(h(Table<{ id: string; name: string }>, { caption: 'All people', columns: ['Name', { label: 'Actions', hidden: true }], rows: people, row, empty: 'Nobody yet.' }));
    expect(html).toContain('<div class="table-wrap" role="region" aria-label="All people" tabindex="0"><table class="stack-table">');
    expect(html).toContain('<caption class="visually-hidden">All people</caption>');
    expect(html).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th>');
    expect(html).toContain('<td data-label="Name">Ben</td>');
  });

  it('says its sentence instead of drawing an empty table', () => {
    const html = renderToStaticMarkup(h(Table<{ id: string; name: string }>, { caption: 'All people', columns: ['Name'], rows: [], row, empty: 'Nobody yet.' }));
    expect(html).toBe('<p class="table-empty">Nobody yet.</p>');
  });

  it('keeps its grid on phones with the first column pinned, named by a heading, with link-sorted headers', () => {
    const html = renderToStaticMarkup(
      h(Table<{ id: string; name: string }>, {
        labelledBy: 'title',
        phone: 'scroll',
        className: 'heatmap',
        wrapClassName: 'heatmap-wrap',
        columns: [{ label: 'Learner', sort: { href: '/team?sort=name&dir=desc', active: 'asc' } }, { label: 'Timing', title: 'Timing and pace', sort: { href: '/team?sort=timing&dir=asc' } }],
        rows: people,
        row,
        empty: 'Nobody yet.',
        foot: h('tr', null, h('th', { scope: 'row' }, 'Team average')),
      }),
    );
    expect(html).toContain('<div class="table-wrap table-pin heatmap-wrap" role="region" aria-labelledby="title" tabindex="0"><table class="heatmap" aria-labelledby="title">');
    expect(html).not.toContain('<caption');
    expect(html).toContain('<th scope="col" aria-sort="ascending"><a class="sort-link" href="/team?sort=name&amp;dir=desc">Learner<span aria-hidden="true"> ▲</span><span class="visually-hidden">, sorted ascending</span></a></th>');
    expect(html).toContain('<th scope="col" title="Timing and pace"><a class="sort-link" href="/team?sort=timing&amp;dir=asc">Timing<span aria-hidden="true"></span></a></th>');
    expect(html).toContain('<tfoot><tr><th scope="row">Team average</th></tr></tfoot>');
  });

  it('is no stop for the keyboard when only screen readers get it', () => {
    const html = renderToStaticMarkup(h(Table<{ id: string; name: string }>, { caption: 'Scores', columns: ['Name'], rows: people, row, empty: '-', screenReaderOnly: true }));
    expect(html).toMatch(/^<div class="visually-hidden"><table><caption>Scores<\/caption>/);
    expect(html).not.toContain('tabindex');
  });
});
