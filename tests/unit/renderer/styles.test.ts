import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The design rules of the renderer's stylesheets, read from the files themselves: colours only in
// the tokens file, every var() defined there, every stylesheet imported by a component, and a
// projector token set whose text passes WCAG AAA.

const RENDERER = path.resolve(import.meta.dirname, '../../../renderer');
const TOKENS = path.join(RENDERER, 'styles/tokens.css');

function walk(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full, ext);
    return e.name.endsWith(ext) ? [full] : [];
  });
}

const rel = (file: string) => path.relative(RENDERER, file);
const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');
const cssFiles = walk(RENDERER, '.css');
const componentCss = cssFiles.filter((f) => f !== TOKENS);

// CSS named colours (CSS Color 4), except the keywords that are not a fixed colour.
const NAMED = `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod
darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon
darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey
dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey
honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral
lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue
lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered
orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple
rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue
slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
yellowgreen`.split(/\s+/);
const NAMED_RE = new RegExp(`(?<![\\w-])(${NAMED.join('|')})(?![\\w-])`, 'i');
const FUNCTION_RE = /(?<![\w-])(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const HEX_RE = /#[0-9a-f]{3,8}(?![\w-])/i;

/** Raw colours in a stylesheet's declarations, as "line: declaration". */
function rawColours(css: string): string[] {
  const text = stripComments(css);
  const found: string[] = [];
  // Declarations are what sits inside the innermost braces, separated by semicolons.
  for (const block of text.matchAll(/\{([^{}]*)\}/g)) {
    let offset = block.index + 1;
    for (const decl of block[1].split(';')) {
      const m = /^\s*([\w-]+)\s*:([\s\S]*)$/.exec(decl);
      if (m) {
        // Names inside var(--…) and quoted strings (font names, content) are not colours.
        const value = m[2].replace(/var\(--[\w-]+/g, 'var(').replace(/(['"]).*?\1/g, '""');
        if (HEX_RE.test(value) || FUNCTION_RE.test(value) || NAMED_RE.test(value)) {
          const line = text.slice(0, offset + decl.search(/\S/)).split('\n').length;
          found.push(`${line}: ${decl.trim().replace(/\s+/g, ' ')}`);
        }
      }
      offset += decl.length + 1;
    }
  }
  return found;
}

function definedTokens(): Set<string> {
  return new Set([...stripComments(fs.readFileSync(TOKENS, 'utf8')).matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
}

/** The custom properties one block of the tokens file defines, by name. */
function tokenBlock(selector: string): Map<string, string> {
  const css = stripComments(fs.readFileSync(TOKENS, 'utf8'));
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} block in tokens.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('design tokens', () => {
  it('the colour check finds hex, functional and named colours, and not token names or fonts', () => {
    const sample = [
      '.a {',
      '  color: #fff;',
      '  background: rgba(0, 0, 0, 0.3);',
      '  border: 1px solid white;',
      '  outline: 2px solid hsl(0 0% 0%);',
      '  color: var(--color-text);',
      '  background: var(--color-surface-inverse);',
      "  font-family: 'Tan Sans', var(--font-sans);",
      '  border-color: transparent;',
      '}',
      '.b { color: #123456; background: var(--color-bg) }',
    ].join('\n');
    expect(rawColours(sample)).toEqual([
      '2: color: #fff',
      '3: background: rgba(0, 0, 0, 0.3)',
      '4: border: 1px solid white',
      '5: outline: 2px solid hsl(0 0% 0%)',
      '11: color: #123456',
    ]);
  });

  it('no stylesheet outside the tokens file has a raw colour', () => {
    expect(componentCss.length).toBeGreaterThan(10);
    const offenders = componentCss.flatMap((f) => rawColours(fs.readFileSync(f, 'utf8')).map((l) => `${rel(f)}:${l}`));
    expect(offenders).toEqual([]);
  });

  it('every var() used in a stylesheet is defined in the tokens file', () => {
    const defined = definedTokens();
    const undefinedUses = cssFiles.flatMap((f) =>
      [...stripComments(fs.readFileSync(f, 'utf8')).matchAll(/var\(\s*(--[\w-]+)/g)]
        .map((m) => m[1])
        .filter((name) => !defined.has(name))
        .map((name) => `${rel(f)}: ${name}`),
    );
    expect(undefinedUses).toEqual([]);
  });

  it('every stylesheet is imported by a module beside it or by the entry', () => {
    const sources = [...walk(RENDERER, '.tsx'), ...walk(RENDERER, '.ts')].map((f) => ({
      file: f,
      text: fs.readFileSync(f, 'utf8'),
    }));
    const imported = new Set(
      sources.flatMap(({ file, text }) =>
        [...text.matchAll(/^import '(\.{1,2}\/[^']+\.css)';$/gm)].map((m) => path.resolve(path.dirname(file), m[1])),
      ),
    );
    for (const f of imported) expect(fs.existsSync(f), `${rel(f)} is imported but missing`).toBe(true);
    expect(cssFiles.filter((f) => !imported.has(f)).map(rel)).toEqual([]);
  });

  it('the projector set keeps its text at WCAG AAA (7:1) against its background', () => {
    const base = tokenBlock(':root');
    const projector = tokenBlock("[data-surface='projector']");
    const bg = projector.get('--color-bg') ?? base.get('--color-bg')!;
    const surface = projector.get('--color-surface') ?? base.get('--color-surface')!;
    const textTokens = ['--color-text', '--color-text-muted', '--color-text-faint', '--color-brand'];
    for (const name of textTokens) {
      const fg = projector.get(name);
      expect(fg, `${name} in the projector set`).toMatch(/^#[0-9a-f]{3,6}$/i);
      expect(contrast(fg!, bg), `${name} on --color-bg`).toBeGreaterThanOrEqual(7);
      expect(contrast(fg!, surface), `${name} on --color-surface`).toBeGreaterThanOrEqual(7);
    }
  });

  it('the projector set sizes type from the projected image and larger than the desk screen', () => {
    const base = tokenBlock(':root');
    const projector = tokenBlock("[data-surface='projector']");
    for (const [name, value] of base) {
      if (!name.startsWith('--font-size-')) continue;
      const p = projector.get(name);
      expect(p, `${name} in the projector set`).toMatch(/^\d+(\.\d+)?vmin$/);
      // On the smallest projector image (1024×768) one vmin is 7.68 px; the desk rem is 15 px.
      const desk = value.endsWith('px') ? parseFloat(value) : parseFloat(value) * 15;
      expect(parseFloat(p!) * 7.68, `${name}: projector ${p} vs desk ${value}`).toBeGreaterThan(desk);
    }
  });
});
