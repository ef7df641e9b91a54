// Minimal WKT → GeoJSON geometry parser (POINT, LINESTRING, POLYGON, MULTI*,
// GEOMETRYCOLLECTION; Z/M ordinates dropped) for topology problems and line dossiers.

export function parseWkt(text) {
  if (!text) return null;
  let s = String(text).trim().replace(/^SRID=\d+;/i, '');
  let i = 0;
  const ws = () => { while (i < s.length && /\s/.test(s[i])) i++; };
  const word = () => { ws(); const m = /^[A-Za-z]+/.exec(s.slice(i)); if (!m) return null; i += m[0].length; return m[0].toUpperCase(); };
  const peek = (c) => { ws(); return s[i] === c; };
  const eat = (c) => { ws(); if (s[i] !== c) throw new Error(`WKT: expected ${c} at ${i}`); i++; };
  const empty = () => { ws(); if (/^EMPTY/i.test(s.slice(i))) { i += 5; return true; } return false; };
  const coord = () => {
    ws();
    const m = /^[-+0-9.eE]+(\s+[-+0-9.eE]+)+/.exec(s.slice(i));
    if (!m) throw new Error(`WKT: coordinate expected at ${i}`);
    i += m[0].length;
    const n = m[0].trim().split(/\s+/).map(Number);
    return [n[0], n[1]];
  };
  const list = (item) => {
    eat('(');
    const out = [item()];
    while (peek(',')) { eat(','); out.push(item()); }
    eat(')');
    return out;
  };
  const points = () => list(() => (peek('(') ? list(coord)[0] : coord()));
  const ring = () => list(coord);
  const polygon = () => list(ring);
  const geometry = () => {
    const type = word();
    let dim = word();
    if (dim && !['Z', 'M', 'ZM'].includes(dim)) { i -= dim.length; dim = null; }
    if (empty()) return null;
    switch (type) {
      case 'POINT': return { type: 'Point', coordinates: list(coord)[0] };
      case 'LINESTRING': return { type: 'LineString', coordinates: list(coord) };
      case 'POLYGON': return { type: 'Polygon', coordinates: polygon() };
      case 'MULTIPOINT': return { type: 'MultiPoint', coordinates: points() };
      case 'MULTILINESTRING': return { type: 'MultiLineString', coordinates: list(ring) };
      case 'MULTIPOLYGON': return { type: 'MultiPolygon', coordinates: list(polygon) };
      case 'GEOMETRYCOLLECTION': return { type: 'GeometryCollection', geometries: list(geometry).filter(Boolean) };
      default: throw new Error(`WKT: unsupported type ${type}`);
    }
  };
  return geometry();
}

/** Parse GeoJSON stored as text; null when absent or unreadable. */
export function parseGeoJsonText(text) {
  if (!text) return null;
  if (typeof text === 'object') return text;
  try { return JSON.parse(text); } catch { return null; }
}
