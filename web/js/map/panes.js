// The map's panes (the stacking order every layer draws into) and the popup options all layers share.

/**
 * Panes, bottom to top: county fills, township fills, village fills, coverage
 * choropleth, all outlines, village highlights (uncovered / newly covered),
 * facility markers, planned sites, labels.
 */
export function createPanes(map) {
  const panes = [['counties', 401], ['townships', 402], ['villages', 403], ['choropleth', 404], ['outlines', 405],
    ['highlight', 406], ['facilities', 620], ['sites', 630], ['labels', 640]];
  for (const [name, z] of panes) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(z);
  }
  for (const name of ['outlines', 'labels', 'choropleth']) map.getPane(name).style.pointerEvents = 'none';
}

// Keep popups clear of the header controls and the legend (bottom right).
export const POPUP_OPTIONS = { maxWidth: 380, minWidth: 270, autoPanPaddingTopLeft: [60, 20], autoPanPaddingBottomRight: [300, 20] };
