// One event in full: what, when and how precisely, the amount and what it measures, who took part in
// which role, the sources as links, the tags, and the related events (the event's links, from both ends).
// Fields the API does not send are simply not shown.

import { eventUrl } from './api.js';
import { h } from './dom.js';
import { eventDate, precisionWords, shortDate, dayOf, isIsoDate } from './time.js';
import { sentence, typeClass, typeLabel } from './types.js';

const COUNTRIES = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/**
 * The panel's content for an event. `link(change)` makes the href of the page with the state changed
 * ({company}, {tag} or {event}); those links stay inside the page.
 */
export function detailsOf(event, link) {
  const facts = [];
  if (event.amount !== null && event.amount !== undefined) {
    facts.push(['Amount', amountText(event.amount, event.currency), event.amountKind ? sentence(event.amountKind) : null]);
  }
  if (event.percentChange !== null && event.percentChange !== undefined) {
    const change = Number(event.percentChange);
    facts.push(['Change', `${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(change).toLocaleString('en')} %`, null]);
  }
  if (event.country) {
    facts.push(['Country', countryName(event.country), null]);
  }

  return [
    h('h2', { id: 'details-title', tabindex: '-1' }, event.title),
    h('p', { class: 'details-when' },
      h('span', { class: `badge ${typeClass(event.type)}` }, typeLabel(event.type)), ' ',
      h('time', { datetime: event.occurredOn }, eventDate(event)),
      h('span', { class: 'precision' }, ` (${precisionWords(event.datePrecision)})`)),
    event.summary ? h('p', { class: 'summary' }, event.summary) : null,
    facts.length > 0 ? h('dl', { class: 'facts' }, facts.flatMap(([term, value, measure]) => [
      h('dt', {}, term),
      h('dd', {}, value, measure ? h('span', { class: 'measure' }, ` — ${measure}`) : null),
    ])) : null,
    section('Participants', event.participants, participant => h('li', {},
      h('a', { href: link({ company: participant.ticker || participant.companyId }), 'data-internal': true,
        title: `Show only the events of ${participant.name}` }, participant.name),
      participant.ticker ? h('span', { class: 'ticker' }, ` ${participant.ticker}`) : null,
      h('span', { class: 'role' }, ` — ${sentence(participant.role)}`))),
    section('Sources', event.sources, source => h('li', {},
      safeHttpUrl(source.url)
        ? h('a', { href: source.url, rel: 'noopener noreferrer external', target: '_blank' }, source.title || source.publisher || hostOf(source.url))
        : h('span', {}, source.title || source.publisher || source.url),
      source.title && source.publisher ? `, ${source.publisher}` : null,
      source.publishedOn && isIsoDate(source.publishedOn) ? `, ${shortDate(dayOf(source.publishedOn))}` : null,
      source.publisher || source.title ? h('span', { class: 'host' }, ` (${hostOf(source.url)})`) : null)),
    section('Tags', event.tags, tag => h('li', {},
      h('a', { href: link({ tag }), 'data-internal': true, title: `Show only the events tagged ${tag}` }, tag)), 'tags'),
    section('Related events', event.links, related => h('li', {},
      h('span', { class: 'relation' }, relationWords(related)), ' ',
      h('a', { href: link({ event: related.eventId }), 'data-internal': true }, related.title || related.eventId),
      related.occurredOn && isIsoDate(related.occurredOn) ? h('span', { class: 'when' }, `, ${shortDate(dayOf(related.occurredOn))}`) : null)),
    h('p', { class: 'as-json' }, h('a', { href: eventUrl(event.id) }, 'This event in the API (JSON)')),
  ];
}

function section(title, items, item, listClass) {
  if (!Array.isArray(items) || items.length === 0) {
    return null;
  }
  return h('section', { class: 'details-section' }, h('h3', {}, title), h('ul', { class: listClass }, items.map(item)));
}

/** "Caused by:", "Responds to:"... how the link reads from this event (its `relation`), else from its type and direction. */
function relationWords(related) {
  if (related.relation) {
    return `${sentence(related.relation)}:`;
  }
  const type = related.type ? sentence(related.type) : 'Related';
  const direction = String(related.direction ?? '').toLowerCase();
  return direction === 'incoming' || direction === 'inbound' ? `${type} (from the other event):` : `${type}:`;
}

function amountText(amount, currency) {
  const value = Number(amount);
  try {
    const compact = new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact', compactDisplay: 'long' }).format(value);
    return `${compact} (${value.toLocaleString('en')} ${currency})`;
  } catch {
    return `${value.toLocaleString('en')}${currency ? ' ' + currency : ''}`;
  }
}

function countryName(code) {
  try {
    return `${COUNTRIES?.of(code) ?? code} (${code})`;
  } catch {
    return code;
  }
}

function safeHttpUrl(url) {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
