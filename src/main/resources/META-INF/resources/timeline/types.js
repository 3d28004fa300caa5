// The event types of the API's EventType enum, in the legend's order, with the words the page shows.
// Colours live in timeline.css (.type-STOCK_MOVE ...); an unknown type is drawn grey and named from its code.

export const TYPES = [
  ['STOCK_MOVE', 'Stock move'],
  ['IPO', 'IPO'],
  ['GOVERNMENT_AWARD', 'Government award'],
  ['EXPORT_CONTROL', 'Export control'],
  ['POLICY', 'Policy'],
  ['REGULATORY_ACTION', 'Regulatory action'],
  ['INVESTMENT', 'Investment'],
  ['ACQUISITION', 'Acquisition'],
  ['PARTNERSHIP', 'Partnership'],
  ['PRODUCT_LAUNCH', 'Product launch'],
  ['MANUFACTURING', 'Manufacturing'],
  ['OTHER', 'Other'],
];

const LABELS = new Map(TYPES);

/** "REGULATORY_ACTION" -> "Regulatory action"; any code the page does not know yet is spelled out the same way. */
export function typeLabel(type) {
  return LABELS.get(type) ?? sentence(type);
}

/** The CSS class that colours a type; only letters and underscores reach the class list. */
export function typeClass(type) {
  return 'type-' + String(type).replace(/[^A-Za-z_]/g, '');
}

/** "MARKET_VALUE_CHANGE" -> "Market value change". */
export function sentence(code) {
  const words = String(code ?? '').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
