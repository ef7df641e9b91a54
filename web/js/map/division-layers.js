// Map overlays for the three division levels: styles, popups, labels.
// Each overlay is one layer group = interactive fill layer + non-interactive
// outline layer drawn above all fills + name labels.
import { popupContent } from './division-popup.js';
import { labelLayer } from './name-labels.js';
import { POPUP_OPTIONS } from './panes.js';

export const COLORS = {
  focus: '#b3261e',       // the county of interest
  neighbour: '#5f6b7a',   // other counties
  urban: '#f08c00',       // urban residents' committees (社区)
  rural: '#5aa14a',       // villagers' committees (村)
  mixed: '#8e6cc4',
};

/** Distinct colours for townships (assigned by code order, cycled if more). */
export const TOWNSHIP_PALETTE = [
  '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#b5a300',
  '#ff7f0e', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd', '#31a354',
];

const codeOf = (f) => (f.properties && f.properties.code) || f.id;
const invalidDash = (f) => (f.properties && f.properties.geometryValid === false ? '6 5' : null);

/** Per-level style definitions: fill(f) for the interactive layer, line(f) for the outline. */
function stylesFor(id, features, ctx) {
  if (id === 'counties') {
    const isFocus = (f) => codeOf(f) === ctx.countyCode;
    return {
      fill: (f) => ({ stroke: false, fillColor: isFocus(f) ? COLORS.focus : COLORS.neighbour, fillOpacity: isFocus(f) ? 0.04 : 0.12 }),
      line: (f) => isFocus(f)
        ? { color: COLORS.focus, weight: 3.5, opacity: 0.95, dashArray: invalidDash(f) }
        : { color: COLORS.neighbour, weight: 1.2, opacity: 0.8, dashArray: invalidDash(f) },
      labelClass: (f) => (isFocus(f) ? 'label-county-focus' : 'label-county'),
      labelStyle: () => null,
    };
  }
  if (id === 'townships') {
    const colour = new Map([...features].map(codeOf).sort()
      .map((code, i) => [code, TOWNSHIP_PALETTE[i % TOWNSHIP_PALETTE.length]]));
    return {
      fill: (f) => ({ stroke: false, fillColor: colour.get(codeOf(f)), fillOpacity: 0.14 }),
      line: (f) => ({ color: colour.get(codeOf(f)), weight: 2.2, opacity: 0.95, dashArray: invalidDash(f) }),
      labelClass: () => 'label-townships',
      labelStyle: (f) => `color:${colour.get(codeOf(f))}`,
    };
  }
  const urbanRural = (f) => COLORS[String((f.properties && f.properties.urbanRural) || 'mixed').toLowerCase()] || COLORS.mixed;
  return {
    fill: (f) => ({ color: '#4b5563', weight: 0.6, opacity: 0.6, fillColor: urbanRural(f), fillOpacity: 0.28 }),
    line: null, // villages keep their thin stroke on the fill layer
    labelClass: () => 'label-villages',
    labelStyle: () => null,
  };
}

/**
 * Build the overlay for collection `id`.
 * ctx: { countyCode, nameOf(code) }.
 * Returns { group, fill, focusLayer } (focusLayer: the county of interest, if present).
 */
export function buildOverlay(L, id, features, ctx) {
  const s = stylesFor(id, features, ctx);
  let focusLayer = null;
  const fill = L.geoJSON(features, {
    pane: id,
    style: s.fill,
    onEachFeature: (f, layer) => {
      if (id === 'counties' && codeOf(f) === ctx.countyCode) focusLayer = layer;
      layer.bindPopup(() => popupContent(f, ctx.nameOf), POPUP_OPTIONS);
      const base = s.fill(f);
      layer.on('mouseover', () => layer.setStyle({ fillOpacity: Math.min(0.55, base.fillOpacity + 0.2) }));
      layer.on('mouseout', () => layer.setStyle({ fillOpacity: base.fillOpacity }));
    },
  });
  const parts = [fill];
  if (s.line) {
    parts.push(L.geoJSON(features, {
      pane: 'outlines', interactive: false, style: (f) => ({ ...s.line(f), fill: false }),
    }));
  }
  parts.push(labelLayer(L, features, { pane: 'labels', classFor: s.labelClass, styleFor: s.labelStyle }));
  return { group: L.layerGroup(parts), fill, focusLayer };
}
