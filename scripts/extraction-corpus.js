#!/usr/bin/env node
/**
 * Builds the annotated extraction corpus (data/extraction/{dev,held-out}/*.txt and *.ann, brat
 * standoff) from its inline source (data/extraction/inline/*.txt), where each annotated span is
 * written in place as ⟦ROLE IDS|words⟧:
 *   ROLE  S source, C cue, and the content with its kind: Q direct_quote, P paraphrase,
 *         M social_post, D document;
 *   IDS   the attributions the span belongs to, comma-separated ("S3,4": one source for 3 and 4).
 * Spans may nest (an attribution inside another's content). Files named dev-* go to dev/, others
 * to held-out/. The inline source is what annotators edit; the brat files are what tools read.
 *
 *   node scripts/extraction-corpus.js
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..', 'data', 'extraction');
const KINDS = { Q: 'direct_quote', P: 'paraphrase', M: 'social_post', D: 'document' };

function parseInline(inline, name) {
  let text = '';
  const stack = [];
  const spans = [];
  for (let index = 0; index < inline.length; index += 1) {
    const char = inline[index];
    if (char === '\u27e6') {
      const bar = inline.indexOf('|', index);
      const head = inline.slice(index + 1, bar);
      const match = /^([SCQPMD])(\d+(?:,\d+)*)$/.exec(head);
      if (!match) throw new Error(`${name}: bad tag "${head}" at ${index}`);
      stack.push({ role: match[1], ids: match[2].split(',').map(Number), start: text.length });
      index = bar;
    } else if (char === '\u27e7') {
      const open = stack.pop();
      if (!open) throw new Error(`${name}: unmatched close at ${index}`);
      spans.push({ ...open, end: text.length });
    } else text += char;
  }
  if (stack.length > 0) throw new Error(`${name}: unclosed tag`);
  return { text, spans };
}

function toBrat(text, spans, name) {
  const lines = [];
  const byId = new Map();
  let t = 0;
  const spanIds = new Map();
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const type = span.role === 'S' ? 'Source' : span.role === 'C' ? 'Cue' : 'Content';
    const key = `${type}:${span.start}:${span.end}`;
    let id = spanIds.get(key);
    if (!id) {
      id = `T${(t += 1)}`;
      spanIds.set(key, id);
      lines.push(`${id}\t${type} ${span.start} ${span.end}\t${text.slice(span.start, span.end).replace(/\s+/g, ' ')}`);
    }
    for (const attribution of span.ids) {
      const entry = byId.get(attribution) ?? {};
      if (type === 'Content') entry.kind = KINDS[span.role];
      entry[type] = id;
      byId.set(attribution, entry);
    }
  }
  let e = 0;
  for (const [attribution, entry] of [...byId].sort((a, b) => a[0] - b[0])) {
    if (!entry.Cue || !entry.Content) throw new Error(`${name}: attribution ${attribution} lacks a ${entry.Cue ? 'content' : 'cue'}`);
    e += 1;
    lines.push(`E${e}\tCue:${entry.Cue} Content:${entry.Content}${entry.Source ? ` Source:${entry.Source}` : ''}`);
    lines.push(`A${e}\tKind E${e} ${entry.kind}`);
  }
  return { ann: `${lines.join('\n')}\n`, count: byId.size };
}

let total = 0;
for (const file of fs.readdirSync(path.join(ROOT, 'inline')).filter((name) => name.endsWith('.txt')).sort()) {
  const { text, spans } = parseInline(fs.readFileSync(path.join(ROOT, 'inline', file), 'utf8'), file);
  const { ann, count } = toBrat(text, spans, file);
  const split = file.startsWith('dev-') ? 'dev' : 'held-out';
  fs.mkdirSync(path.join(ROOT, split), { recursive: true });
  fs.writeFileSync(path.join(ROOT, split, file), text);
  fs.writeFileSync(path.join(ROOT, split, file.replace(/\.txt$/, '.ann')), ann);
  total += count;
  console.log(`${split}/${file}: ${count} attributions`);
}
console.log(`${total} attributions`);
