/**
 * A minimal binding to HarfBuzz compiled to WebAssembly (the `harfbuzz.wasm`
 * that ships in the `harfbuzzjs` package), written against the raw exports.
 *
 * Why not harfbuzzjs' own wrapper: its entry module instantiates the WASM at
 * import time with a top-level await and finds the file itself (Node `fs` or
 * a fetch relative to the script), which shared/ may not do. Here the host
 * hands in the bytes (Node: read from node_modules; browser: fetch), and the
 * hot path reads glyph infos straight out of WASM memory into typed arrays
 * instead of allocating an object per glyph.
 */

/** The parts of the WebAssembly API we use (shared/ compiles without DOM or Node types). */
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmInstance {
  exports: Record<string, unknown>;
}
interface WasmGlobal {
  Module: new (bytes: Uint8Array | ArrayBuffer) => object;
  instantiate(module: object, imports: object): Promise<WasmInstance>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;

/** WASM bytes, or an already compiled `WebAssembly.Module`. */
export type HarfBuzzWasmSource = Uint8Array | ArrayBuffer | object;

type Fn = (...args: number[]) => number;

/** An OpenType tag as HarfBuzz packs it. */
export function hbTag(tag: string): number {
  return (
    ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>>
    0
  );
}

/** A feature setting applied to the whole buffer. */
export interface HbFeature {
  tag: string;
  value: number;
}

/** Glyphs HarfBuzz produced for one run, in font units. */
export interface HbGlyphs {
  glyphs: Uint32Array;
  /** UTF-16 offsets into the string passed to shape(). */
  clusters: Uint32Array;
  advances: Int32Array;
  xOffsets: Int32Array;
  yOffsets: Int32Array;
}

export interface HarfBuzz {
  /** Copies the font file into WASM memory and returns an hb_font handle. */
  loadFont(bytes: Uint8Array): number;
  /**
   * Shapes text.slice(start, end) left to right, with the context around it,
   * and returns glyphs whose clusters are offsets into `text`.
   */
  shape(
    font: number,
    text: string,
    start: number,
    end: number,
    script: string,
    language: string,
    features: readonly HbFeature[],
  ): HbGlyphs;
  /** HarfBuzz's version string, for the record. */
  version(): string;
}

const HB_DIRECTION_LTR = 4;
const HB_MEMORY_MODE_READONLY = 1;
const HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS = 1;

/** Instantiates HarfBuzz from the bytes (or compiled module) the host supplies. */
export async function createHarfBuzz(source: HarfBuzzWasmSource): Promise<HarfBuzz> {
  const module =
    source instanceof Uint8Array || source instanceof ArrayBuffer ? new wasmApi.Module(source) : source;
  let memory: WasmMemory | null = null;
  let heapU8 = new Uint8Array(0);
  let heapU16 = new Uint16Array(0);
  let heapU32 = new Uint32Array(0);
  let heap32 = new Int32Array(0);
  const refreshViews = () => {
    const buffer = memory!.buffer;
    if (heapU8.buffer === buffer) return;
    heapU8 = new Uint8Array(buffer);
    heapU16 = new Uint16Array(buffer);
    heapU32 = new Uint32Array(buffer);
    heap32 = new Int32Array(buffer);
  };
  const abort = (what: unknown) => {
    throw new Error(`HarfBuzz aborted: ${String(what)}`);
  };
  const env = {
    _abort_js: () => abort('abort'),
    _emscripten_runtime_keepalive_clear: () => undefined,
    _setitimer_js: () => 0,
    emscripten_resize_heap: (requested: number) => {
      const current = memory!.buffer.byteLength;
      const wanted = Math.max(requested >>> 0, Math.ceil(current * 1.2));
      const pages = Math.ceil((wanted - current) / 65536);
      try {
        memory!.grow(pages);
        refreshViews();
        return 1;
      } catch {
        return 0;
      }
    },
  };
  const imports = { env, wasi_snapshot_preview1: { proc_exit: (code: number) => abort(`exit ${code}`) } };
  const instance = await wasmApi.instantiate(module, imports);
  const ex = instance.exports as Record<string, Fn> & { memory: WasmMemory };
  memory = ex.memory;
  refreshViews();
  ex.__wasm_call_ctors();

  const malloc = (size: number) => {
    const ptr = ex.malloc(size);
    refreshViews();
    return ptr;
  };

  // One reusable buffer and scratch areas: shaping is synchronous and single-threaded.
  const buffer = ex.hb_buffer_create();
  let textPtr = 0;
  let textCapacity = 0;
  let featuresPtr = 0;
  let featuresCapacity = 0;
  const languages = new Map<string, number>();
  const languageHandle = (language: string) => {
    let handle = languages.get(language);
    if (handle === undefined) {
      const ptr = malloc(language.length + 1);
      for (let i = 0; i < language.length; i++) heapU8[ptr + i] = language.charCodeAt(i) & 0x7f;
      heapU8[ptr + language.length] = 0;
      handle = ex.hb_language_from_string(ptr, -1);
      ex.free(ptr);
      languages.set(language, handle);
    }
    return handle;
  };

  return {
    loadFont(bytes) {
      const ptr = malloc(bytes.byteLength);
      heapU8.set(bytes, ptr);
      const blob = ex.hb_blob_create(ptr, bytes.byteLength, HB_MEMORY_MODE_READONLY, 0, 0);
      const face = ex.hb_face_create(blob, 0);
      return ex.hb_font_create(face);
    },

    shape(font, text, start, end, script, language, features) {
      if (text.length > textCapacity) {
        if (textPtr) ex.free(textPtr);
        textCapacity = Math.max(256, text.length * 2);
        textPtr = malloc(textCapacity * 2);
      }
      refreshViews();
      const base = textPtr >> 1;
      for (let i = 0; i < text.length; i++) heapU16[base + i] = text.charCodeAt(i);
      if (features.length > featuresCapacity) {
        if (featuresPtr) ex.free(featuresPtr);
        featuresCapacity = Math.max(16, features.length);
        featuresPtr = malloc(featuresCapacity * 16);
      }
      const featureBase = featuresPtr >> 2;
      features.forEach((feature, i) => {
        heapU32[featureBase + i * 4] = hbTag(feature.tag);
        heapU32[featureBase + i * 4 + 1] = feature.value;
        heapU32[featureBase + i * 4 + 2] = 0;
        heapU32[featureBase + i * 4 + 3] = 0xffffffff;
      });
      ex.hb_buffer_clear_contents(buffer);
      ex.hb_buffer_add_utf16(buffer, textPtr, text.length, start, end - start);
      ex.hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
      ex.hb_buffer_set_script(buffer, hbTag(script));
      ex.hb_buffer_set_language(buffer, languageHandle(language));
      ex.hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
      ex.hb_shape(font, buffer, featuresPtr, features.length);
      refreshViews();
      const length = ex.hb_buffer_get_length(buffer);
      const infos = ex.hb_buffer_get_glyph_infos(buffer, 0) >> 2;
      const positions = ex.hb_buffer_get_glyph_positions(buffer, 0) >> 2;
      const out: HbGlyphs = {
        glyphs: new Uint32Array(length),
        clusters: new Uint32Array(length),
        advances: new Int32Array(length),
        xOffsets: new Int32Array(length),
        yOffsets: new Int32Array(length),
      };
      for (let i = 0; i < length; i++) {
        // hb_glyph_info_t: codepoint, mask, cluster, var1, var2 (5 × u32).
        out.glyphs[i] = heapU32[infos + i * 5];
        out.clusters[i] = heapU32[infos + i * 5 + 2];
        // hb_glyph_position_t: x_advance, y_advance, x_offset, y_offset, var (5 × i32).
        out.advances[i] = heap32[positions + i * 5];
        out.xOffsets[i] = heap32[positions + i * 5 + 2];
        out.yOffsets[i] = heap32[positions + i * 5 + 3];
      }
      return out;
    },

    version() {
      const ptr = ex.hb_version_string();
      refreshViews();
      let s = '';
      for (let i = ptr; heapU8[i] !== 0; i++) s += String.fromCharCode(heapU8[i]);
      return s;
    },
  };
}
