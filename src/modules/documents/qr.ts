import QRCode from "qrcode";

/** Light modules around the code, as ISO/IEC 18004 requires for reliable scanning. */
const QUIET_ZONE = 4;

/**
 * A QR code of `text` as a compact SVG for a PDF (error correction level M, which the EPC
 * QR code prescribes): a white square including the quiet zone, then one path with the
 * dark modules, one rectangle per horizontal run. The viewBox counts modules, so the
 * template chooses the printed size. Synchronous: `qrcode` builds the matrix without I/O.
 */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const side = modules.size + 2 * QUIET_ZONE;
  let path = "";
  for (let y = 0; y < modules.size; y++) {
    let x = 0;
    while (x < modules.size) {
      if (!modules.get(y, x)) {
        x++;
        continue;
      }
      const start = x;
      while (x < modules.size && modules.get(y, x)) x++;
      path += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
