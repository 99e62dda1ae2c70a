import { correction, generate, mode } from "lean-qr";
import { withBestMask } from "./qr-mask.ts";

/** Light modules around the code, as ISO/IEC 18004 requires for reliable scanning. */
const QUIET_ZONE = 4;
/** EPC069-12: a GiroCode is at most version 13, which holds its 331 bytes at level M. */
const EPC_MAX_VERSION = 13;

/**
 * A QR code as raw 8-bit grey pixels, one per module, dark 0 and light 255, row by row, the
 * quiet zone included: `size` × `size` bytes. A template shows it with
 * `image(file, format: (encoding: "luma8", width: size, height: size), scaling: "pixelated")`,
 * which Typst puts into the PDF as it is — no SVG path turned into drawing operations and no PNG
 * to encode here and decode there on every notice (bench/notices), and sharp edges at any size.
 */
export type QrImage = { size: number; pixels: Uint8Array };

/**
 * The QR code of a GiroCode (EPC069-12): the payload's UTF-8 bytes in byte mode at error
 * correction level M exactly (the EPC prescribes M; the library would otherwise raise the level
 * where the version has room), version 13 at most. Throws for a payload that does not fit,
 * which `epcQrPayload` never makes (it limits the payload to 331 bytes).
 *
 * lean-qr builds the symbol with mask 0 only, and `withBestMask` chooses the mask that
 * lean-qr's own search (ISO/IEC 18004 7.8.3: all eight masks built and scored) would choose:
 * the same code, module for module, at about a fifth of the instructions (callgrind).
 */
export function epcQrImage(payload: string): QrImage {
  const code = generate(mode.bytes(new TextEncoder().encode(payload)), {
    minCorrectionLevel: correction.M,
    maxCorrectionLevel: correction.M,
    maxVersion: EPC_MAX_VERSION,
    mask: 0,
  });
  const modules = withBestMask(code);
  const size = code.size + 2 * QUIET_ZONE;
  const pixels = new Uint8Array(size * size).fill(255);
  for (let y = 0; y < code.size; y++) {
    const row = modules.subarray(y * code.size, (y + 1) * code.size);
    pixels.set(row, (y + QUIET_ZONE) * size + QUIET_ZONE);
  }
  return { size, pixels };
}
