package dev.chipevents.event.search;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.chipevents.event.EventResponse;
import dev.chipevents.event.SourceDto;

/**
 * One page of events as an RFC 4287 Atom feed, written with the JDK's StAX writer (which escapes text and
 * attributes). Each entry's id is the event's id as a `urn:uuid:` URI, so a feed reader recognises an
 * event it has seen when the event changes; the feed's own id is derived from its filters and sort.
 */
final class EventAtom {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** What the feed says about itself: its id (filters and sort), title, and the addresses of this page and the next. */
    record Feed(UUID id, String title, URI self, URI next, URI json, URI base) {
    }

    private EventAtom() {
    }

    static byte[] write(Feed feed, List<EventResponse> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + 1024 * events.size());
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element(xml, "id", "urn:uuid:" + feed.id());
            element(xml, "title", feed.title());
            Instant updated = events.stream().map(EventResponse::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
            element(xml, "updated", updated.toString());
            xml.writeStartElement("author");
            element(xml, "name", "Chip Events");
            xml.writeEndElement();
            element(xml, "generator", "Chip Events");
            link(xml, "self", MEDIA_TYPE, feed.self().toString(), null);
            link(xml, "alternate", "application/json", feed.json().toString(), null);
            if (feed.next() != null) {
                link(xml, "next", MEDIA_TYPE, feed.next().toString(), null);
            }
            for (EventResponse e : events) {
                entry(xml, feed.base(), e);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write the Atom feed", e);
        }
        return bytes.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, URI base, EventResponse e) throws XMLStreamException {
        xml.writeStartElement("entry");
        element(xml, "id", "urn:uuid:" + e.id());
        element(xml, "title", e.title());
        element(xml, "updated", e.updatedAt().toString());
        element(xml, "published", e.createdAt().toString());
        element(xml, "summary", e.summary() == null || e.summary().isBlank()
                ? e.type().name() + ", " + e.occurredOn()
                : e.summary());
        link(xml, "alternate", "application/json", base.resolve("api/v1/events/" + e.id()).toString(), null);
        for (SourceDto source : e.sources()) {
            link(xml, "related", null, source.url(), source.publisher());
        }
        category(xml, e.type().name(), "urn:chip-events:type");
        for (String tag : e.tags()) {
            category(xml, tag, "urn:chip-events:tag");
        }
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href, String title) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        xml.writeAttribute("href", href);
        if (title != null) {
            xml.writeAttribute("title", title);
        }
    }

    private static void category(XMLStreamWriter xml, String term, String scheme) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", scheme);
    }
}
