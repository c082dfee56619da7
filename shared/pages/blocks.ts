import { type AnyNode, type Document, type Element, collapse, isElement } from './dom.ts';
import { isHardDrop, isSoftClutter } from './clutter.ts';

/** One run of text between block boundaries, with what scoring and assembly need to know. */
export interface Block {
  /** The innermost block-level element holding the text. */
  el: Element;
  text: string;
  linkChars: number;
  /** Link text before any plain text: a headline link opening a teaser. */
  leadLinkChars: number;
  /** 2-6 for h2-h6, 1 for h1, 0 otherwise. */
  heading: number;
  listItem: boolean;
  /** Time elements in the block: machine value (datetime) and visible text. */
  times: { datetime: string; text: string }[];
  /** Soft-clutter elements around the block, outermost first. */
  clutter: readonly Element[];
}

const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'del', 'ins', 'img', 'picture', 'source', 'label',
  'big', 'tt', 'strike', 'nobr', 'acronym', 'ruby', 'rt', 'rp', 'o:p', 'amp-img',
]);
const CELLS = new Set(['td', 'th']);

/** A cell with block content is a layout cell holding a page region, not a data cell. */
function holdsBlocks(cell: Element): boolean {
  return cell.children.some((c) => isElement(c) && !INLINE.has(c.name));
}

/**
 * Cuts the page into text blocks in reading order, leaving out hard-dropped
 * subtrees. One walk; each text node is visited once.
 */
export function segment(doc: Document): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let leadLinkChars = 0;
  let sawPlain = false;
  let times: Block['times'] = [];
  let cellsInRow = 0;

  const flush = (el: Element, clutter: readonly Element[]): void => {
    if (parts.length) {
      const text = collapse(parts.join(''));
      if (text) {
        const h = /^h([1-6])$/.exec(el.name) ?? (el.attribs.role === 'heading' ? [el.name, el.attribs['aria-level'] ?? '2'] : null);
        blocks.push({
          el,
          text,
          linkChars: Math.min(linkChars, text.length),
          leadLinkChars: Math.min(leadLinkChars, text.length),
          heading: h ? Number(h[1]) : 0,
          listItem: el.name === 'li' || el.name === 'dd' || el.name === 'dt',
          times,
          clutter,
        });
      }
    }
    parts = [];
    linkChars = 0;
    leadLinkChars = 0;
    sawPlain = false;
    times = [];
  };

  // An explicit stack rather than recursion: broken pages nest thousands deep.
  type Step =
    | { node: AnyNode; container: Element; clutter: readonly Element[]; inLink: boolean }
    | { close: Element; clutter: readonly Element[] }
    | { timeEnd: string; start: number; generation: number };
  let generation = 0;
  const stack: Step[] = [];
  const pushChildren = (el: { children: AnyNode[] }, container: Element, clutter: readonly Element[], inLink: boolean): void => {
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i], container, clutter, inLink });
  };

  const visit = (node: AnyNode, container: Element, clutter: readonly Element[], inLink: boolean): void => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      parts.push(data);
      if (inLink) {
        const n = collapse(data).length;
        linkChars += n;
        if (!sawPlain) leadLinkChars += n;
      } else if (!sawPlain && /[\p{L}\p{N}]/u.test(data)) sawPlain = true;
      return;
    }
    if (!isElement(node) || isHardDrop(node)) return;
    const name = node.name;
    if (name === 'br' || name === 'hr') {
      flushAt(container, clutter);
      return;
    }
    const innerClutter = isSoftClutter(node) ? [...clutter, node] : clutter;
    if (CELLS.has(name) && !holdsBlocks(node)) {
      // Cells of one row stay on one line, so a table row reads as a row.
      if (cellsInRow++ > 0) parts.push(' | ');
      pushChildren(node, container, innerClutter, inLink);
      return;
    }
    if (INLINE.has(name) && innerClutter === clutter) {
      if (name === 'time' && node.attribs.datetime) {
        stack.push({ timeEnd: node.attribs.datetime.trim(), start: parts.length, generation });
      }
      pushChildren(node, container, clutter, inLink || name === 'a');
      return;
    }
    flushAt(container, clutter);
    if (name === 'tr') cellsInRow = 0;
    stack.push({ close: node, clutter: innerClutter });
    pushChildren(node, node, innerClutter, inLink || name === 'a');
  };
  const flushAt = (el: Element, clutter: readonly Element[]): void => {
    generation++;
    flush(el, clutter);
  };

  const root = doc.children.find((c): c is Element => isElement(c) && c.name === 'html');
  const top = root ?? ({ name: '#root', attribs: {}, children: doc.children, parent: null } as unknown as Element);
  pushChildren(top, top, [], false);
  while (stack.length) {
    const step = stack.pop()!;
    if ('node' in step) visit(step.node, step.container, step.clutter, step.inLink);
    else if ('close' in step) flushAt(step.close, step.clutter);
    else times.push({ datetime: step.timeEnd, text: step.generation === generation ? collapse(parts.slice(step.start).join('')) : '' });
  }
  flush(top, []);
  return blocks;
}
