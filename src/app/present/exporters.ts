/**
 * The exports of the Share dialog (PNG, GeoJSON, CSV) in one chunk, fetched by Presentation.svelte the
 * first time one is asked for: nobody who only reads the atlas downloads or runs this code.
 */
export { canvasToPngBlob, captionText, composeSnapshot, download } from './snapshot';
export { cityPanel, legendLabels, storyCard } from './png-parts';
export { eventsToCsv, eventsToGeoJSON, exportFileName } from './export-data';
