import type { MinutesBlock } from '../../../shared/minutes';

export type BlockKind = MinutesBlock['kind'];
export const BLOCK_KINDS = ['p', 'ul', 'ol'] as const satisfies readonly BlockKind[];

/**
 * What a block's textarea shows: a paragraph's text, or a list's items one per line. The secretariat
 * never sees markup: the kind is chosen beside the field, and the preview shows lists as lists.
 */
export function blockText(block: MinutesBlock): string {
  return block.kind === 'p' ? block.text : block.items.join('\n');
}

/**
 * The block a textarea's text makes, exactly: every line of a list is an item, even an empty one
 * while the next item is being typed (so the text never jumps under the cursor). `tidyBlocks`
 * drops the empty ones when the field is left.
 */
export function blockFromText(kind: BlockKind, text: string): MinutesBlock {
  return kind === 'p' ? { kind, text } : { kind, items: text.split('\n') };
}

/** The same text as another kind of block (a paragraph's lines become the list's items). */
export function changeKind(block: MinutesBlock, kind: BlockKind): MinutesBlock {
  if (block.kind === kind) return block;
  const text = blockText(block);
  if (kind === 'p') return { kind, text };
  return { kind, items: text.split('\n').filter((line) => line.trim() !== '') };
}

/**
 * Blocks as they are kept once the field is left: a paragraph typed over several lines becomes one
 * paragraph per line (a line break inside a paragraph would not print as the screen shows it), and
 * a list loses its blank lines. Returns the same array when nothing changes (no needless save).
 */
export function tidyBlocks(blocks: readonly MinutesBlock[]): MinutesBlock[] {
  const out: MinutesBlock[] = [];
  let changed = false;
  for (const b of blocks) {
    if (b.kind === 'p') {
      if (!b.text.includes('\n')) {
        out.push(b);
        continue;
      }
      changed = true;
      const lines = b.text.split('\n').filter((line) => line.trim() !== '');
      if (lines.length === 0) out.push({ kind: 'p', text: '' });
      for (const line of lines) out.push({ kind: 'p', text: line });
    } else {
      const items = b.items.filter((item) => item.trim() !== '');
      if (items.length !== b.items.length) changed = true;
      out.push(items.length === b.items.length ? b : { kind: b.kind, items });
    }
  }
  return changed ? out : (blocks as MinutesBlock[]);
}
