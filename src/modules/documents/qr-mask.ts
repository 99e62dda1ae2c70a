/**
 * The mask of a QR code (ISO/IEC 18004:2015 7.8), chosen as lean-qr chooses it, at a fraction
 * of the cost.
 *
 * lean-qr chooses a mask by building the symbol with each of the eight masks and scoring each
 * with the penalty rules N1–N4 (7.8.3.1): most of the cost of a GiroCode. A mask is an XOR
 * over the data modules, everything but the function patterns (7.8.2), so the symbol built
 * once with mask 0 holds all eight: take mask 0 out, put mask k in, write the format
 * information that names mask k (7.9), and it is the symbol lean-qr builds with mask k.
 *
 * Each row and column is kept as bits, eight modules to a byte, so each is one XOR away from
 * any mask and is scored eight modules at a time: runs (N1), finder-like patterns (N3) and
 * the dark modules (N4) by one small automaton stepped a byte at a time through a table,
 * 2 × 2 blocks (N2) with bit operations on a row and the row above.
 *
 * The scoring is lean-qr's (2.7.4) rule for rule, so the choice is the same; the QR tests
 * compare against lean-qr's own search. Where ISO/IEC 18004 leaves room, lean-qr's reading is
 * kept and named at the rule.
 */
import type { Bitmap2D } from "lean-qr";

/**
 * Centres of the alignment patterns, rows and columns alike, by version (ISO/IEC 18004:2015
 * Annex E, Table E.1), up to version 13, the largest GiroCode (EPC069-12).
 */
const ALIGNMENT_CENTRES: readonly (readonly number[])[] = [
  [],
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
  [6, 30, 54],
  [6, 32, 58],
  [6, 34, 62],
];

/** Where mask k inverts a data module in row i, column j (ISO/IEC 18004:2015 Table 10). */
const MASK_CONDITIONS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

/**
 * The 15 format information bits of level M with mask k (ISO/IEC 18004:2015 7.9.1): the five
 * data bits (level M is 00, then the mask) and their BCH(15,5) remainder by 10100110111,
 * XORed with 101010000010010 so that no format information is all light. Mask 0 gives
 * 101010000010010 itself (Annex C, Table C.1).
 */
const FORMAT_M = MASK_CONDITIONS.map((_, mask) => {
  let remainder = mask << 10;
  for (let bit = 14; bit >= 10; bit--) if ((remainder >> bit) & 1) remainder ^= 0x537 << (bit - 10);
  return ((mask << 10) | remainder) ^ 0x5412;
});

/** The number of set bits of each byte. */
const BIT_COUNT = Uint8Array.from({ length: 256 }, (_, byte) =>
  [...byte.toString(2)].reduce((count, bit) => count + Number(bit), 0),
);

/** The state of the line automaton (`runLine`) at a line's start, in its tables. */
const LINE_START = 31;

/** One module read by an automaton over a line: the state after it and the points it adds. */
type BitStep = { state: number; points: number };

/**
 * N1: a run of 5 + i modules of one colour in a row or column scores 3 + i, as lean-qr adds
 * it up: 3 when the run reaches five, 1 for each module more. State 0 is a line's start, then
 * 1 + colour × 5 + (run length − 1), a run of five or more counted as five.
 */
function runsStep(state: number, dark: number): BitStep {
  const colour = state > 5 ? 1 : 0;
  const length = state - colour * 5;
  if (state === 0 || dark !== colour) return { state: 1 + dark * 5, points: 0 };
  return {
    state: 1 + colour * 5 + Math.min(length, 4),
    points: length === 4 ? 3 : length === 5 ? 1 : 0,
  };
}

/**
 * N3: 40 for each eleven modules in a row or column that are 0000 1011101 or 1011101 0000
 * (light 0, dark 1), a finder-like 1:1:3:1:1 with four light modules before or after. As in
 * lean-qr, within the symbol only: the quiet zone is not taken as the four light modules (ISO
 * evaluates "the complete symbol", which the quiet zone surrounds), and both sides score when
 * both are light. The states are the beginnings of the two patterns (state 0 the empty one):
 * each module read leads to the longest beginning that the line so far ends with, and scores
 * where that is a whole pattern.
 */
const findersStep: (state: number, dark: number) => BitStep = (() => {
  const patterns = ["00001011101", "10111010000"];
  const beginnings = [
    "",
    ...new Set(patterns.flatMap((p) => [...p].map((_, i) => p.slice(0, i + 1)))),
  ];
  const index = new Map(beginnings.map((text, state) => [text, state]));
  const steps = beginnings.map((text) =>
    [0, 1].map((dark) => {
      let read = text + dark;
      while (!index.has(read)) read = read.slice(1);
      return { state: index.get(read)!, points: patterns.includes(read) ? 40 : 0 };
    }),
  );
  return (state, dark) => steps[state][dark];
})();

/**
 * Both automata at once, run over a line a byte (eight modules, the first in bit 0) at a time
 * by table look-up. Their product has 11 × 23 states, of which 28 can be reached from the
 * start; `runLine` reads `length` modules from a state and packs what comes out as
 * `state | dark << 5 | points << 19`: the state after them, how many of them are dark (for
 * N4), and their N1 and N3 points. Adding up `entry >> 5` along the lines adds the dark
 * modules in the low 14 bits (at most 2 × 69² = 9,522: each module is read in its row and in
 * its column) and the points above them (at most ~70,000 in version 13, so the sum stays far
 * below 2³¹).
 */
const { runLine, lineStates } = (() => {
  const pairs: [number, number][] = [[0, 0]];
  const ids = new Map([["0,0", 0]]);
  const steps: BitStep[][] = [];
  for (let id = 0; id < pairs.length; id++) {
    const [runs, finders] = pairs[id];
    steps.push(
      [0, 1].map((dark) => {
        const afterRuns = runsStep(runs, dark);
        const afterFinders = findersStep(finders, dark);
        const key = `${afterRuns.state},${afterFinders.state}`;
        if (!ids.has(key)) {
          ids.set(key, pairs.length);
          pairs.push([afterRuns.state, afterFinders.state]);
        }
        return { state: ids.get(key)!, points: afterRuns.points + afterFinders.points };
      }),
    );
  }
  if (steps.length > LINE_START) throw new Error("the line automaton outgrew its 5 bits of state");
  const runLine = (from: number, bits: number, length: number) => {
    let state = from;
    let dark = 0;
    let points = 0;
    for (let i = 0; i < length; i++) {
      const module = (bits >> i) & 1;
      const after = steps[state][module];
      state = after.state;
      dark += module;
      points += after.points;
    }
    return state | (dark << 5) | (points << 19);
  };
  return { runLine, lineStates: steps.length };
})();

const lineTables = new Map<number, Int32Array>();

/**
 * The table that runs the automaton over lines whose first byte holds `firstLength` modules:
 * `table[state << 8 | byte]`, state 31 (unused by the automaton) standing for a line's start,
 * where only the first `firstLength` bits of the byte are read.
 */
function lineTable(firstLength: number): Int32Array {
  const known = lineTables.get(firstLength);
  if (known) return known;
  const table = new Int32Array(32 * 256);
  for (let byte = 0; byte < 256; byte++) {
    for (let state = 0; state < lineStates; state++) {
      table[(state << 8) | byte] = runLine(state, byte, 8);
    }
    table[(LINE_START << 8) | byte] = runLine(0, byte, firstLength);
  }
  lineTables.set(firstLength, table);
  return table;
}

/**
 * A symbol side's lines as words, computed once per version. A row or a column (a line) of
 * `size` modules is `chunks` bytes, the first module in bit 0; the first byte holds the
 * `firstLength` odd modules (size mod 8, or 8), so that every later byte is full. Each byte
 * is kept in a 16-bit word with the next byte of its line above it (none after the last), so
 * that a byte's last module sees its neighbour (N2); XOR still works word by word. The lines
 * of a symbol are its columns, then its rows: `2 × size × chunks` words.
 */
type Layout = {
  size: number;
  chunks: number;
  firstLength: number;
  /** The byte of a line module p is in, and its bit there. */
  byteOf: Uint8Array;
  bitOf: Uint8Array;
  /** Per byte of a line, the modules whose neighbour (p + 1) is in the same line. */
  pairs: Uint16Array;
  /** The automaton's table for these lines (`lineTable`). */
  table: Int32Array;
  /**
   * Per mask, the lines of what it changes: the data modules it inverts, and the format
   * information that names it (the base it applies to has all format modules light).
   */
  flips: Uint16Array[];
};

const layouts = new Map<number, Layout>();

/**
 * The layout of a `size` × `size` symbol. Function modules (ISO/IEC 18004:2015 6.3) are never
 * masked: the finder patterns with their separators and the format information beside them
 * (the 9 × 9, 8 × 9 and 9 × 8 corners, the dark module among them), the timing patterns in
 * row and column 6, the alignment patterns that do not overlap a finder pattern, and from
 * version 7 the version information (two 6 × 3 blocks).
 */
function layoutOf(size: number): Layout {
  const known = layouts.get(size);
  if (known) return known;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version >= ALIGNMENT_CENTRES.length) {
    throw new Error(`no QR layout for a side of ${size} modules`);
  }
  const fixed = new Uint8Array(size * size);
  const mark = (x: number, y: number, width: number, height: number) => {
    for (let row = y; row < y + height; row++) {
      fixed.fill(1, row * size + x, row * size + x + width);
    }
  };
  mark(0, 0, 9, 9);
  mark(size - 8, 0, 8, 9);
  mark(0, size - 8, 9, 8);
  mark(0, 6, size, 1);
  mark(6, 0, 1, size);
  const centres = ALIGNMENT_CENTRES[version];
  const last = centres.length - 1;
  for (const [r, row] of centres.entries()) {
    for (const [c, column] of centres.entries()) {
      const inFinder = (r === 0 && c === 0) || (r === 0 && c === last) || (r === last && c === 0);
      if (!inFinder) mark(column - 2, row - 2, 5, 5);
    }
  }
  if (version >= 7) {
    mark(size - 11, 0, 3, 6);
    mark(0, size - 11, 6, 3);
  }

  // 7.9.1, Figure 25: bits 0–7 down column 8 (skipping the timing row) and leftwards along
  // row 8 from the right edge; bits 8–14 leftwards along row 8 (skipping the timing column)
  // and down column 8 to the bottom edge. Two places per bit, as [x, y].
  const formatPlaces: [number, number][][] = [];
  for (let bit = 0; bit < 15; bit++) {
    formatPlaces.push(
      bit < 8
        ? [
            [8, bit < 6 ? bit : bit + 1],
            [size - 1 - bit, 8],
          ]
        : [
            [bit === 8 ? 7 : 14 - bit, 8],
            [8, size - 15 + bit],
          ],
    );
  }

  const firstLength = size % 8 || 8;
  const chunks = 1 + (size - firstLength) / 8;
  const byteOf = Uint8Array.from({ length: size }, (_, p) =>
    p < firstLength ? 0 : 1 + ((p - firstLength) >> 3),
  );
  const bitOf = Uint8Array.from({ length: size }, (_, p) =>
    p < firstLength ? p : (p - firstLength) & 7,
  );
  const pairs = Uint16Array.from({ length: chunks }, (_, c) => {
    const length = c === 0 ? firstLength : 8;
    return (1 << (c === chunks - 1 ? length - 1 : length)) - 1;
  });
  const table = lineTable(firstLength);
  const layout = {
    size,
    chunks,
    firstLength,
    byteOf,
    bitOf,
    pairs,
    table,
    flips: [] as Uint16Array[],
  };
  layout.flips = FORMAT_M.map((format, mask) => {
    const bytes = new Uint8Array(2 * size * chunks);
    const flip = (x: number, y: number) => {
      bytes[x * chunks + byteOf[y]] |= 1 << bitOf[y];
      bytes[(size + y) * chunks + byteOf[x]] |= 1 << bitOf[x];
    };
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if (!fixed[y * size + x] && MASK_CONDITIONS[mask](y, x)) flip(x, y);
      }
    }
    for (const [bit, places] of formatPlaces.entries()) {
      if ((format >> bit) & 1) for (const [x, y] of places) flip(x, y);
    }
    return overlapped(bytes, layout);
  });
  layouts.set(size, layout);
  return layout;
}

/**
 * The lines (see Layout) of `code`, read through its public `get`: the closure call is most of
 * the cost here (lean-qr keeps its matrix in a field of a minified name, not an API), so it
 * is one pass that fills rows and columns together.
 */
function linesOf(code: Pick<Bitmap2D, "size" | "get">, layout: Layout): Uint16Array {
  const { size, chunks, byteOf, bitOf } = layout;
  const bytes = new Uint8Array(2 * size * chunks);
  for (let y = 0; y < size; y++) {
    const columnByte = byteOf[y];
    const columnBit = 1 << bitOf[y];
    for (let c = 0, x = 0; c < chunks; c++) {
      let bits = 0;
      for (let bit = 0, end = x + (c === 0 ? layout.firstLength : 8); x < end; x++, bit++) {
        if (!code.get(x, y)) continue;
        bits |= 1 << bit;
        bytes[x * chunks + columnByte] |= columnBit;
      }
      bytes[(size + y) * chunks + c] = bits;
    }
  }
  return overlapped(bytes, layout);
}

/** Lines as bytes, `chunks` to a line, put into words with the next byte of their line. */
function overlapped(bytes: Uint8Array, layout: Layout): Uint16Array {
  const { chunks, firstLength } = layout;
  const words = new Uint16Array(bytes.length);
  for (let start = 0; start < words.length; start += chunks) {
    for (let c = 0; c < chunks - 1; c++) {
      words[start + c] = bytes[start + c] | (bytes[start + c + 1] << (c === 0 ? firstLength : 8));
    }
    words[start + chunks - 1] = bytes[start + chunks - 1];
  }
  return words;
}

/**
 * The symbol that lean-qr builds with its own mask search (ISO/IEC 18004 7.8.3), from `code`,
 * the one it builds at error correction level M with mask 0: one byte per module, row by row,
 * as a grey level (0 dark, 255 light).
 */
export function withBestMask(code: Pick<Bitmap2D, "size" | "get">): Uint8Array {
  const layout = layoutOf(code.size);
  const { size, chunks, firstLength, flips } = layout;
  // The lines as placed, before masking: mask 0 and its format information taken out.
  const base = linesOf(code, layout);
  for (let i = 0; i < base.length; i++) base[i] ^= flips[0][i];

  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 8; mask++) {
    // On a tie the lower mask, as lean-qr (and the order of Table 10).
    const score = penalty(base, flips[mask], layout);
    if (score < bestScore) {
      best = mask;
      bestScore = score;
    }
  }

  const flip = flips[best];
  const modules = new Uint8Array(size * size);
  for (let y = 0, i = 0; y < size; y++) {
    for (let c = 0; c < chunks; c++) {
      const at = (size + y) * chunks + c;
      const bits = base[at] ^ flip[at];
      const length = c === 0 ? firstLength : 8;
      for (let bit = 0; bit < length; bit++, i++) modules[i] = (bits >> bit) & 1 ? 0 : 255;
    }
  }
  return modules;
}

/**
 * The penalty score of `base` under the mask that changes `flip` (ISO/IEC 18004:2015 7.8.3.1,
 * Table 11), as lean-qr scores it.
 */
function penalty(base: Uint16Array, flip: Uint16Array, layout: Layout): number {
  const { size, chunks, pairs, table } = layout;
  const rows = size * chunks;
  // N1 and N3 along every line, and the dark modules, each counted twice (runLine): first
  // along the lines up to the first row (the columns come first), which have no row above...
  let sum = 0;
  for (let begin = 0; begin <= rows; begin += chunks) {
    let entry = LINE_START;
    for (let i = begin; i < begin + chunks; i++) {
      entry = table[((entry & 31) << 8) | ((base[i] ^ flip[i]) & 0xff)];
      sum += entry >> 5;
    }
  }
  // ...then along the other rows, with N2: 3 for each 2 × 2 block of one colour (ISO's
  // 3 × (m − 1) × (n − 1) for an m × n block counts each 2 × 2 block in it), where a row and
  // the row above agree and each of their modules equals its right neighbour.
  let blocks = 0;
  for (let begin = rows + chunks; begin < base.length; begin += chunks) {
    let entry = LINE_START;
    for (let c = 0, i = begin; c < chunks; c++, i++) {
      const bits = base[i] ^ flip[i];
      entry = table[((entry & 31) << 8) | (bits & 0xff)];
      sum += entry >> 5;
      const above = base[i - chunks] ^ flip[i - chunks];
      const same = ~((above ^ bits) | (above ^ (above >> 1)) | (bits ^ (bits >> 1)));
      blocks += BIT_COUNT[same & pairs[c]];
    }
  }
  const score = (sum >> 14) + 3 * blocks;
  const twiceDark = sum & 0x3fff;

  // N4: 10 points per full 5 % the dark share is away from 50 %. Computed in floating point
  // exactly as lean-qr does: at a share of exactly 40 % or 60 % (possible in versions 2, 7
  // and 12, whose side is a multiple of 5) ISO's "50 ± 5k % to 50 ± 5(k + 1) %" fits k = 1
  // and 2, and lean-qr's rounding gives 1.
  return score + 10 * ((10 * Math.abs(twiceDark / (size * size) - 1)) | 0);
}
